import { eq } from 'drizzle-orm';
import type { Builder } from '../../builder';
import { userError } from '../../shared/errors';
import { mediaCacheTags } from './cache';
import { checkText, parseChannelCode } from './input';
import { streamChannels } from './tables';
import type { registerMediaTypes } from './types';

type MediaTypes = ReturnType<typeof registerMediaTypes>;

/** The tags a guide import may report: media tags only, so the mutation cannot purge the rest of the site. */
const MEDIA_TAG = /^(streamChannel:\d{1,10}|stream-channels:(tv|radio)|stream-code:[A-Za-z0-9%._~!*'()-]{1,400})$/;
const MAX_TAGS = 1_000;

interface PurgeResult {
  purgedTags: string[];
  purgedResponses: number;
}

/** Editor operations on live streams: status changes, and purging what a guide import changed. */
export function registerMediaMutations(builder: Builder, { StreamStatus, StreamChannel }: MediaTypes): void {
  const MediaPurgePayload = builder.objectRef<PurgeResult>('MediaPurgePayload').implement({
    description: 'What a media edit removed from the edge cache.',
    fields: (t) => ({
      purgedTags: t.exposeStringList('purgedTags', { description: 'Cache tags purged everywhere.' }),
      purgedResponses: t.exposeInt('purgedResponses', {
        description: 'Cached responses this gateway instance dropped; other edge locations are purged by tag.',
      }),
    }),
  });

  const StreamStatusPayload = builder.objectRef<PurgeResult & { id: number }>('StreamStatusPayload').implement({
    description: 'A channel after its status changed, with what the change purged.',
    fields: (t) => ({
      channel: t.drizzleField({
        type: StreamChannel,
        nullable: true,
        description: 'The channel as it is now.',
        resolve: (query, result, _args, ctx) =>
          ctx.writer().query.streamChannels.findFirst(query({ where: { id: result.id } })),
      }),
      purgedTags: t.exposeStringList('purgedTags', { description: 'Cache tags purged everywhere.' }),
      purgedResponses: t.exposeInt('purgedResponses', {
        description: 'Cached responses this gateway instance dropped.',
      }),
    }),
  });

  builder.mutationFields((t) => ({
    purgeMediaCache: t.field({
      type: MediaPurgePayload,
      authScopes: { editor: true },
      description:
        'Purges the cache tags a guide import reported (`npm run import:xmltv -- FILE --gateway URL`), after it committed.',
      args: {
        tags: t.arg.stringList({
          required: true,
          description: 'Tags printed by the importer: `streamChannel:3`, `stream-channels:tv`, `stream-code:…`.',
        }),
      },
      resolve: async (_root, args, ctx) => {
        if (args.tags.length > MAX_TAGS) throw userError(`At most ${MAX_TAGS} tags at once.`);
        const bad = args.tags.find((tag) => !MEDIA_TAG.test(tag));
        if (bad !== undefined) {
          throw userError(
            `"${bad.slice(0, 64).toWellFormed()}" is not a media cache tag: pass the tags the guide importer printed.`,
          );
        }
        const tags = [...new Set(args.tags)];
        return { purgedTags: tags, purgedResponses: await ctx.purge(tags) };
      },
    }),
    setStreamStatus: t.field({
      type: StreamStatusPayload,
      authScopes: { editor: true },
      description: 'Takes a channel off air, into maintenance (with a message) or back live; purges what shows it.',
      args: {
        code: t.arg.string({ required: true, description: 'The channel’s `code`.' }),
        status: t.arg({ type: StreamStatus, required: true, description: 'The new status.' }),
        message: t.arg.string({ description: 'What viewers are told, e.g. 设备检修，预计18:00恢复.' }),
      },
      resolve: async (_root, args, ctx) => {
        const code = parseChannelCode(args.code);
        const message = args.message == null ? null : checkText(args.message, '`message`', 200).trim() || null;
        const [row] = await ctx
          .writer()
          .update(streamChannels)
          .set({ liveStatus: args.status, statusMessage: args.status === 'live' ? null : message })
          .where(eq(streamChannels.code, code))
          .returning({ id: streamChannels.id, kind: streamChannels.kind });
        if (!row) throw userError(`There is no channel with code "${code.slice(0, 64)}".`);
        const tags = [mediaCacheTags.channel(row.id), mediaCacheTags.list(row.kind)];
        return { id: row.id, purgedTags: tags, purgedResponses: await ctx.purge(tags) };
      },
    }),
  }));
}
