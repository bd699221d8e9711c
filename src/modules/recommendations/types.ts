import type { Builder } from '../../builder';
import type { FieldCachePolicy } from '../../cache/hints';
import { enumFromPg } from '../../shared/enums';
import { RELATED_MAX_AGE, relatedListTag } from './cache';
import { RELATED_PER_ARTICLE } from './scoring';
import { relatedReason } from './tables';

export function registerRecommendations(builder: Builder): void {
  const RelatedReason = enumFromPg(builder, 'RelatedReason', relatedReason, {
    description: 'Why an article is recommended beside another: its strongest signal, or an editor’s pin.',
    values: {
      shared_tags: 'It shares keywords with the article, rare keywords counting most.',
      editor_pick: 'Pinned: an editor placed it there.',
      same_channel: 'It is filed in the same channel (or the same parent channel).',
      similar_text: 'Its title and summary read like the article’s.',
    },
  });

  builder.drizzleObject('articleRelated', {
    name: 'RelatedArticle',
    description: 'An entry of 相关推荐: a recommended article, why it is there and its score.',
    select: { columns: {} },
    fields: (t) => ({
      reason: t.expose('reason', { type: RelatedReason, description: 'Why it is recommended.' }),
      score: t.exposeFloat('score', {
        description:
          'The blended score, about 0 to 1.5: 0.45 × shared tags by rarity + 0.3 × similar text + 0.15 × same channel (½ for the parent channel) + 0.1 × closeness in time, × 1.5 when boosted or × 0.5 when buried. Entries are in order of it, pinned ones first.',
      }),
      article: t.relation('article', { description: 'The recommended article.' }),
    }),
  });

  builder.drizzleObjectField('articles', 'related', (t) =>
    t.relation('related', {
      description:
        '相关推荐: published articles recommended beside this one, pinned ones first, then best first. Never the article itself, an unpublished one or the same story again.',
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
