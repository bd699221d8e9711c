import { builder } from '../../builder';
import type { FieldCachePolicy } from '../../cache/hints';
import { lifetimes } from '../../cache/lifetimes';
import { lookupByIdPolicy } from '../../cache/lookups';
import { cacheTags } from '../../cache/tags';
import { userError } from '../../shared/errors';
import { normaliseArticlePath } from './article-path';
import { Article } from './types';

/** Only published articles are public; drafts and retracted ones behave as if they did not exist. */
export const PUBLISHED = { status: 'published' } as const;

builder.queryFields((t) => ({
  article: t.drizzleField({
    type: Article,
    nullable: true,
    description: 'A published article by its global ID; null when there is none or it is not public.',
    extensions: { cache: lookupByIdPolicy },
    args: { id: t.arg.globalID({ required: true, description: 'The `id` of an Article.' }) },
    resolve: (query, _root, args, ctx) => {
      if (args.id.typename !== 'Article') {
        throw userError(`That ID belongs to a ${args.id.typename}, not an Article.`);
      }
      const id = Number(args.id.id);
      if (!Number.isSafeInteger(id)) throw userError('That ID is not a valid Article ID.');
      return ctx.db.query.articles.findFirst(query({ where: { id, ...PUBLISHED } }));
    },
  }),
  articleByPath: t.drizzleField({
    type: Article,
    nullable: true,
    description: 'A published article by the path or full URL of its page; null when there is none.',
    extensions: {
      cache: {
        tags: (args) => [cacheTags.articlePath(normaliseArticlePath(args.path) ?? '')],
        maxAge: lifetimes.archivedArticle,
        missMaxAge: lifetimes.feed,
      } satisfies FieldCachePolicy,
    },
    args: {
      path: t.arg.string({
        required: true,
        description: 'Path such as `/yaowen/shandong/20240315/sdwchy.html`, or the full URL of the page.',
      }),
    },
    resolve: (query, _root, args, ctx) => {
      const path = normaliseArticlePath(args.path);
      if (path === null) throw userError('`path` must be an article path such as "/yaowen/shandong/20240315/1.html".');
      return ctx.db.query.articles.findFirst(query({ where: { path, ...PUBLISHED } }));
    },
  }),
}));
