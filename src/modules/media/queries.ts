import type { Builder } from '../../builder';
import type { FieldCachePolicy } from '../../cache/hints';
import { mediaCacheTags, STREAM_CHANNEL_MAX_AGE, STREAM_MISS_MAX_AGE } from './cache';
import { parseChannelCode } from './input';
import type { registerMediaTypes } from './types';

type MediaTypes = ReturnType<typeof registerMediaTypes>;

/** Channels partners list: everything but those off air, in the station's order. */
export const LISTED = { liveStatus: { ne: 'offline' } } as const;

export function registerMediaQueries(builder: Builder, { StreamKind, StreamChannel }: MediaTypes): void {
  builder.queryFields((t) => ({
    liveChannels: t.drizzleField({
      type: [StreamChannel],
      description:
        'The live channels of a kind (看电视 or 听广播) in the station’s order, each with what is on now and next. Channels off air are left out; those under maintenance are listed with their status.',
      extensions: {
        cache: {
          tags: (args) => (args.kind === 'tv' || args.kind === 'radio' ? [mediaCacheTags.list(args.kind)] : []),
          maxAge: STREAM_CHANNEL_MAX_AGE,
        } satisfies FieldCachePolicy<{ kind?: string }>,
      },
      args: { kind: t.arg({ type: StreamKind, required: true, description: 'TV or RADIO.' }) },
      resolve: (query, _root, args, ctx) =>
        ctx.db.query.streamChannels.findMany(
          query({ where: { kind: args.kind, ...LISTED }, orderBy: { position: 'asc', id: 'asc' } }),
        ),
    }),
    streamChannel: t.drizzleField({
      type: StreamChannel,
      nullable: true,
      description: 'A TV channel or radio station by its code (XMLTV id); null when there is none.',
      extensions: {
        cache: {
          tags: (args) => [mediaCacheTags.code(args.code.trim().slice(0, 128))],
          missMaxAge: STREAM_MISS_MAX_AGE,
        } satisfies FieldCachePolicy<{ code: string }>,
      },
      args: { code: t.arg.string({ required: true, description: 'The channel’s `code`, e.g. `lctv1.lcxw.cn`.' }) },
      resolve: (query, _root, args, ctx) =>
        ctx.db.query.streamChannels.findFirst(query({ where: { code: parseChannelCode(args.code) } })),
    }),
  }));
}
