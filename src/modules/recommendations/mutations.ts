import { and, eq, sql } from 'drizzle-orm';
import type { Builder } from '../../builder';
import type { Context } from '../../context';
import type { Database } from '../../db/database';
import { userError } from '../../shared/errors';
import { idOf } from '../../shared/global-id';
import { articlesTable as articles, PUBLISHED } from '../articles';
import { relatedListTag } from './cache';
import { listsNear, recomputeLists } from './compute';
import { RELATED_PER_ARTICLE } from './scoring';
import { relatedOverrides, relatedWeights } from './tables';

interface RelatedEditResult {
  articleId: number;
  purgedResponses: number;
  purgedTags: string[];
}

async function statusOf(db: Database, id: number): Promise<string> {
  const [row] = await db.select({ status: articles.status }).from(articles).where(eq(articles.id, id));
  if (!row) throw userError('There is no article with that ID.');
  return row.status;
}

/**
 * Applies an editor's override and recomputes the lists it can change, in one transaction; then
 * purges the cached pages of exactly the lists that now read differently.
 */
async function apply(
  ctx: Context,
  articleId: number,
  change: (tx: Database) => Promise<number[]>,
): Promise<RelatedEditResult> {
  const staleTags = await ctx.writer().transaction(async (tx) => {
    const owners = await change(tx);
    return (await recomputeLists(tx, owners)).map(relatedListTag);
  });
  const purgedResponses = await ctx.purge(staleTags);
  return { articleId, purgedResponses, purgedTags: staleTags };
}

function pair(args: { article: { id: string; typename: string }; related: { id: string; typename: string } }) {
  const owner = idOf(args.article, 'Article');
  const related = idOf(args.related, 'Article');
  if (owner === related) throw userError('An article cannot be recommended beside itself.');
  return { owner, related };
}

/** Editor mutations over 相关推荐: pin, exclude, clear, and boost or bury an article everywhere. */
export function registerRelatedMutations(builder: Builder): void {
  const RelatedWeight = builder.enumType('RelatedWeight', {
    description: 'How an article fares in every list it may appear in.',
    values: {
      BOOST: { value: 'boost', description: 'Its score counts 1.5 times.' },
      BURY: { value: 'bury', description: 'Its score counts half.' },
      NORMAL: { value: 'normal', description: 'As computed.' },
    },
  });

  const Payload = builder.objectRef<RelatedEditResult>('RelatedEditPayload').implement({
    description: 'The outcome of an editor change to 相关推荐, with what it removed from the edge cache.',
    fields: (t) => ({
      article: t.drizzleField({
        type: 'articles',
        nullable: true,
        description: 'The article whose list (or whose weight) changed, as the public sees it; null unless published.',
        resolve: (query, result, _args, ctx) =>
          ctx.writer().query.articles.findFirst(query({ where: { id: result.articleId, ...PUBLISHED } })),
      }),
      purgedResponses: t.exposeInt('purgedResponses', {
        description: 'Cached responses this gateway instance dropped; other edge locations are purged by tag.',
      }),
      purgedTags: t.exposeStringList('purgedTags', {
        description: 'Tags of the lists that now read differently (`related:<id>`), purged everywhere.',
      }),
    }),
  });

  builder.mutationFields((t) => ({
    pinRelated: t.field({
      type: Payload,
      authScopes: { editor: true },
      description: `Pins a published article into another’s 相关推荐: pinned entries come first, in pin order (at most ${RELATED_PER_ARTICLE}).`,
      args: {
        article: t.arg.globalID({ required: true, description: 'The Article whose list it is.' }),
        related: t.arg.globalID({ required: true, description: 'The Article to pin.' }),
        position: t.arg.int({
          description: `Place among the pins, 1 to ${RELATED_PER_ARTICLE}; after the others when left out.`,
        }),
      },
      resolve: (_root, args, ctx) => {
        const { owner, related } = pair(args);
        if (args.position != null && (args.position < 1 || args.position > RELATED_PER_ARTICLE)) {
          throw userError(`\`position\` must be between 1 and ${RELATED_PER_ARTICLE}; got ${args.position}.`);
        }
        return apply(ctx, owner, async (tx) => {
          await statusOf(tx, owner);
          if ((await statusOf(tx, related)) !== 'published') throw userError('Only a published article can be pinned.');
          const pins = await tx
            .select({ relatedId: relatedOverrides.relatedId })
            .from(relatedOverrides)
            .where(and(eq(relatedOverrides.articleId, owner), eq(relatedOverrides.action, 'pin')))
            .orderBy(relatedOverrides.position, relatedOverrides.relatedId);
          const order = pins.map((p) => p.relatedId).filter((id) => id !== related);
          order.splice(args.position == null ? order.length : args.position - 1, 0, related);
          await tx
            .delete(relatedOverrides)
            .where(and(eq(relatedOverrides.articleId, owner), eq(relatedOverrides.relatedId, related)));
          await tx
            .insert(relatedOverrides)
            .values(
              order.map((id, position) => ({ articleId: owner, relatedId: id, action: 'pin' as const, position })),
            )
            .onConflictDoUpdate({
              target: [relatedOverrides.articleId, relatedOverrides.relatedId],
              set: { position: sql`excluded.position` },
            });
          return [owner];
        });
      },
    }),
    excludeRelated: t.field({
      type: Payload,
      authScopes: { editor: true },
      description: 'Keeps an article out of another’s 相关推荐 (and unpins it there).',
      args: {
        article: t.arg.globalID({ required: true, description: 'The Article whose list it is.' }),
        related: t.arg.globalID({ required: true, description: 'The Article to keep out.' }),
      },
      resolve: (_root, args, ctx) => {
        const { owner, related } = pair(args);
        return apply(ctx, owner, async (tx) => {
          await statusOf(tx, owner);
          await statusOf(tx, related);
          await tx
            .insert(relatedOverrides)
            .values({ articleId: owner, relatedId: related, action: 'exclude', position: 0 })
            .onConflictDoUpdate({
              target: [relatedOverrides.articleId, relatedOverrides.relatedId],
              set: { action: 'exclude', position: 0 },
            });
          return [owner];
        });
      },
    }),
    clearRelatedOverride: t.field({
      type: Payload,
      authScopes: { editor: true },
      description: 'Undoes a pin or an exclusion: the list is ranked as computed again.',
      args: {
        article: t.arg.globalID({ required: true, description: 'The Article whose list it is.' }),
        related: t.arg.globalID({ required: true, description: 'The pinned or excluded Article.' }),
      },
      resolve: (_root, args, ctx) => {
        const { owner, related } = pair(args);
        return apply(ctx, owner, async (tx) => {
          await statusOf(tx, owner);
          await tx
            .delete(relatedOverrides)
            .where(and(eq(relatedOverrides.articleId, owner), eq(relatedOverrides.relatedId, related)));
          return [owner];
        });
      },
    }),
    setRelatedWeight: t.field({
      type: Payload,
      authScopes: { editor: true },
      description: 'Boosts or buries an article in every 相关推荐 list it may appear in, or puts it back to normal.',
      args: {
        article: t.arg.globalID({ required: true, description: 'The Article.' }),
        weight: t.arg({ type: RelatedWeight, required: true, description: 'BOOST, BURY or NORMAL.' }),
      },
      resolve: (_root, args, ctx) => {
        const id = idOf(args.article, 'Article');
        return apply(ctx, id, async (tx) => {
          await statusOf(tx, id);
          await tx.delete(relatedWeights).where(eq(relatedWeights.articleId, id));
          if (args.weight !== 'normal') await tx.insert(relatedWeights).values({ articleId: id, weight: args.weight });
          return listsNear(tx, id);
        });
      },
    }),
  }));
}
