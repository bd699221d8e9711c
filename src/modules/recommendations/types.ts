import { builder } from '../../builder';
import type { FieldCachePolicy } from '../../cache/hints';
import { lifetimes } from '../../cache/lifetimes';
import { cacheTags } from '../../cache/tags';
import { Article } from '../articles/types';
import { RELATED_PER_ARTICLE } from './compute';

const RelatedReason = builder.enumType('RelatedReason', {
  description: 'Why an article is recommended beside another.',
  values: {
    SHARED_TAGS: { value: 'shared_tags', description: 'It shares keywords with the article.' },
    EDITOR_PICK: { value: 'editor_pick', description: 'An editor placed it there.' },
  } as const,
});

builder.drizzleObject('articleRelated', {
  name: 'RelatedArticle',
  description: 'An entry of 相关推荐: a recommended article and why it is there.',
  fields: (t) => ({
    reason: t.expose('reason', { type: RelatedReason, description: 'Why it is recommended.' }),
    article: t.relation('article', { description: 'The recommended article.' }),
  }),
});

builder.drizzleObjectField(Article, 'related', (t) =>
  t.relation('related', {
    description: '相关推荐: published articles recommended beside this one, best first.',
    args: {
      first: t.arg.int({ description: `How many, 1 to ${RELATED_PER_ARTICLE} (default ${RELATED_PER_ARTICLE}).` }),
    },
    extensions: {
      cache: {
        tags: (_args, article) => [cacheTags.relatedList(article.id)],
        maxAge: lifetimes.siteChrome,
      } satisfies FieldCachePolicy<unknown, { id: number }>,
    },
    query: (args) => ({
      where: { article: { status: 'published' } },
      orderBy: { position: 'asc' },
      limit: Math.max(1, Math.min(args.first ?? RELATED_PER_ARTICLE, RELATED_PER_ARTICLE)),
    }),
  }),
);
