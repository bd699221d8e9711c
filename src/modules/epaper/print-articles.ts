import type { Builder } from '../../builder';
import type { FieldCachePolicy } from '../../cache/hints';
import { LOOKUP_MISS_MAX_AGE, lookupTags } from '../../cache/lookups';
import { idOf } from '../../shared/global-id';
import type { registerEditionTypes } from './types';

type EditionRefs = ReturnType<typeof registerEditionTypes>;

/** A print article by id, and the web article's way back to its print edition. */
export function registerPrintArticleLinks(builder: Builder, { EpaperArticle }: EditionRefs): void {
  builder.queryField('epaperArticle', (t) =>
    t.drizzleField({
      type: EpaperArticle,
      nullable: true,
      description: 'A story of the digital edition by its global ID; null when there is none.',
      args: { id: t.arg.globalID({ required: true, description: 'The `id` of an EpaperArticle.' }) },
      extensions: {
        cache: {
          tags: (args) => lookupTags(args.id),
          missMaxAge: LOOKUP_MISS_MAX_AGE,
        } satisfies FieldCachePolicy<{ id?: unknown }>,
      },
      resolve: (query, _root, args, ctx) =>
        ctx.db.query.epaperArticles.findFirst(query({ where: { id: idOf(args.id, 'EpaperArticle') } })),
    }),
  );

  // The article's own tag marks the answer, and an import that links or unlinks it purges that tag.
  builder.drizzleObjectField('articles', 'printEdition', (t) =>
    t.field({
      type: EpaperArticle,
      nullable: true,
      description:
        'The same story in the print newspaper (数字报): paper, date, page and its hotspot on the page image; the first printing when it ran more than once. Null when it was not printed.',
      select: (_args, _ctx, nestedSelection) => ({
        with: { printings: nestedSelection({ orderBy: { id: 'asc' }, limit: 1 }) },
      }),
      resolve: (article) => article.printings[0] ?? null,
    }),
  );
}
