import type { Builder } from '../../builder';
import type { FieldCachePolicy } from '../../cache/hints';
import { enumFromPg } from '../../shared/enums';
import { RELATED_MAX_AGE, relatedListTag } from './cache';
import { RELATED_PER_ARTICLE } from './compute';
import { relatedReason } from './tables';

export function registerRecommendations(builder: Builder): void {
  const RelatedReason = enumFromPg(builder, 'RelatedReason', relatedReason, {
    description: 'Why an article is recommended beside another.',
    values: { shared_tags: 'It shares keywords with the article.', editor_pick: 'An editor placed it there.' },
  });

  builder.drizzleObject('articleRelated', {
    name: 'RelatedArticle',
    description: 'An entry of 相关推荐: a recommended article and why it is there.',
    select: { columns: {} },
    fields: (t) => ({
      reason: t.expose('reason', { type: RelatedReason, description: 'Why it is recommended.' }),
      article: t.relation('article', { description: 'The recommended article.' }),
    }),
  });

  builder.drizzleObjectField('articles', 'related', (t) =>
    t.relation('related', {
      description: '相关推荐: published articles recommended beside this one, best first.',
      args: {
        first: t.arg.int({ description: `How many, 1 to ${RELATED_PER_ARTICLE} (default ${RELATED_PER_ARTICLE}).` }),
      },
      extensions: {
        cache: {
          tags: (_args, article) => [relatedListTag(article.id)],
          maxAge: RELATED_MAX_AGE,
        } satisfies FieldCachePolicy<unknown, { id: number }>,
      },
      query: (args) => ({
        where: { article: { status: 'published' } },
        orderBy: { position: 'asc' },
        limit: Math.max(1, Math.min(args.first ?? RELATED_PER_ARTICLE, RELATED_PER_ARTICLE)),
      }),
    }),
  );
}
