import type { Builder } from '../../builder';
import type { FieldCachePolicy } from '../../cache/hints';
import { LOOKUP_MISS_MAX_AGE, lookupTags } from '../../cache/lookups';
import { userError } from '../../shared/errors';
import { idOf } from '../../shared/global-id';
import { normaliseArticlePath } from './article-path';
import { articleCacheTags } from './cache';

/** Only published articles are public; drafts and retracted ones behave as if they did not exist. */
export const PUBLISHED = { status: 'published' } as const;

export function registerArticleQueries(builder: Builder): void {
  builder.queryFields((t) => ({
    article: t.drizzleField({
      type: 'articles',
      nullable: true,
      description: 'A published article by its global ID; null when there is none or it is not public.',
      extensions: {
        cache: {
          tags: (args) => lookupTags(args.id),
          missMaxAge: LOOKUP_MISS_MAX_AGE,
        } satisfies FieldCachePolicy<{ id?: unknown }>,
      },
      args: { id: t.arg.globalID({ required: true, description: 'The `id` of an Article.' }) },
      resolve: (query, _root, args, ctx) =>
        ctx.db.query.articles.findFirst(query({ where: { id: idOf(args.id, 'Article'), ...PUBLISHED } })),
    }),
    articleByPath: t.drizzleField({
      type: 'articles',
      nullable: true,
      description: 'A published article by the path or full URL of its page; null when there is none.',
      extensions: {
        cache: {
          tags: (args) => [articleCacheTags.path(normaliseArticlePath(args.path) ?? '')],
          missMaxAge: LOOKUP_MISS_MAX_AGE,
        } satisfies FieldCachePolicy<{ path: string }>,
      },
      args: {
        path: t.arg.string({
          required: true,
          description: 'Path such as `/yaowen/shandong/20240315/sdwchy.html`, or the full URL of the page.',
        }),
      },
      resolve: (query, _root, args, ctx) => {
        const path = normaliseArticlePath(args.path);
        if (path === null) {
          throw userError('`path` must be an article path such as "/yaowen/shandong/20240315/1.html".');
        }
        return ctx.db.query.articles.findFirst(query({ where: { path, ...PUBLISHED } }));
      },
    }),
  }));
}
