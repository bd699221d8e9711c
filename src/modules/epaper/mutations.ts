import type { Builder } from '../../builder';
import { userError } from '../../shared/errors';
import { isEditionTag } from './cache';

const MAX_TAGS = 2_000;

interface PurgeResult {
  purgedResponses: number;
  purgedTags: string[];
}

/**
 * The importer runs on Node, outside any request: it reports the cache tags its import made stale
 * and, given the gateway's URL and the editor token, asks the gateway to purge them here (this
 * isolate's copies and, in production, every data centre's through Cloudflare's purge by tag).
 */
export function registerEditionMutations(builder: Builder): void {
  const EditionPurgePayload = builder.objectRef<PurgeResult>('EditionPurgePayload').implement({
    description: 'What a purge after an import removed from the edge cache.',
    fields: (t) => ({
      purgedResponses: t.exposeInt('purgedResponses', {
        description: 'Cached responses this gateway instance dropped; other edge locations are purged by tag.',
      }),
      purgedTags: t.exposeStringList('purgedTags', { description: 'Cache tags purged everywhere.' }),
    }),
  });

  builder.mutationField('purgeEditionCache', (t) =>
    t.field({
      type: EditionPurgePayload,
      authScopes: { editor: true },
      description:
        'Purges the cache tags an import of the digital edition reported (`npm run import:edition` calls it). Only tags of issues, pages, print articles, their lookups and linked web articles are accepted.',
      args: {
        tags: t.arg.stringList({
          required: true,
          description: `The tags the importer printed, at most ${MAX_TAGS}.`,
        }),
      },
      resolve: async (_root, args, ctx) => {
        if (args.tags.length > MAX_TAGS) {
          throw userError(`At most ${MAX_TAGS} tags at a time; got ${args.tags.length}. Send them in batches.`);
        }
        const wrong = args.tags.find((tag) => !isEditionTag(tag));
        if (wrong !== undefined) {
          throw userError(
            `"${wrong.slice(0, 80).toWellFormed()}" is not a tag an import reports (epaperIssue:12, epaperPage:3, epaper-day:lcrb:2024-03-15, …).`,
          );
        }
        const tags = [...new Set(args.tags)];
        return { purgedResponses: await ctx.purge(tags), purgedTags: tags };
      },
    }),
  );
}
