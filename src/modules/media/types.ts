import type { Builder } from '../../builder';
import type { TypeCachePolicy } from '../../cache/hints';
import { enumFromPg } from '../../shared/enums';
import { mediaCacheTags, programmeLifetime, STREAM_CHANNEL_MAX_AGE } from './cache';
import { catchupEnds, catchupUrl, inCatchupWindow } from './catchup';
import { episodeLabel } from './episode';
import { scheduleDay } from './input';
import type { EpisodeNumber, LocalizedText, Rendition } from './model';
import { programmeState } from './programme-state';
import { streamKind, streamStatus } from './tables';

const secondsUntil = (moment: number, now: number) => Math.max(0, Math.floor((moment - now) / 1000));

/** StreamChannel, Programme and what they hold. */
export function registerMediaTypes(builder: Builder) {
  const StreamKind = enumFromPg(builder, 'StreamKind', streamKind, {
    description: 'Whether a stream channel is television or radio.',
    values: { tv: 'A television channel (看电视).', radio: 'A radio station (听广播).' },
  });

  const StreamStatus = enumFromPg(builder, 'StreamStatus', streamStatus, {
    description: 'Whether a channel’s live stream can be played now.',
    values: {
      live: 'On air: the stream plays.',
      offline: 'Off air: no stream (the channel is not listed among the live ones).',
      maintenance: 'Temporarily unavailable; `statusMessage` says why and until when.',
    },
  });

  const ProgrammeState = builder.enumType('ProgrammeState', {
    description: 'Where a programme stands at the moment of the request.',
    values: {
      UPCOMING: { value: 'upcoming', description: 'It has not started yet.' },
      ON_AIR: { value: 'on_air', description: 'It is on air now.' },
      FINISHED: { value: 'finished', description: 'It has ended; it may be replayed while `catchupUrl` is set.' },
    } as const,
  });

  const StreamRendition = builder.objectRef<Rendition>('StreamRendition').implement({
    description: 'One HLS variant of a live stream.',
    fields: (t) => ({
      url: t.exposeString('url', { description: 'HLS playlist URL (`.m3u8`).' }),
      bandwidth: t.exposeInt('bandwidth', { nullable: true, description: 'Peak bits per second, when known.' }),
      width: t.exposeInt('width', { nullable: true, description: 'Picture width in pixels; null for radio.' }),
      height: t.exposeInt('height', { nullable: true, description: 'Picture height in pixels; null for radio.' }),
      label: t.exposeString('label', { description: 'Name for a quality menu: 高清, 标清, 128k.' }),
    }),
  });

  const CatchupPolicy = builder.objectRef<{ catchupDays: number; catchupTemplate: string }>('CatchupPolicy').implement({
    description: 'How past programmes of a channel can be replayed (回看).',
    fields: (t) => ({
      days: t.exposeInt('catchupDays', { description: 'How many days back a finished programme can be replayed.' }),
      sourceTemplate: t.exposeString('catchupTemplate', {
        description:
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholders players expect, spelled out.
          'URL template of a past window, as IPTV players’ `catchup-source`: `${(b)yyyyMMddHHmmss}`, `${(e)yyyyMMddHHmmss}`, `{utc}`, `{utcend}`, `{duration}`.',
      }),
    }),
  });

  const Text = builder.objectRef<LocalizedText>('LocalizedText').implement({
    description: 'A text in a language.',
    fields: (t) => ({
      lang: t.exposeString('lang', {
        nullable: true,
        description: 'Language code, e.g. `zh` or `en`; null if unstated.',
      }),
      value: t.exposeString('value', { description: 'The text.' }),
    }),
  });

  const Episode = builder.objectRef<EpisodeNumber>('EpisodeNumber').implement({
    description: 'An episode number in one of XMLTV’s numbering systems.',
    fields: (t) => ({
      system: t.exposeString('system', { description: '`xmltv_ns` (zero-based season.episode.part), `onscreen`, …' }),
      value: t.exposeString('value', { description: 'The number as the guide gives it.' }),
    }),
  });

  const Programme = builder.drizzleNode('programmes', {
    name: 'Programme',
    description: 'A programme of a channel’s guide (节目单), from `start` to `stop`.',
    id: { column: (programme) => programme.id },
    select: { columns: { id: true, channelId: true, start: true, stop: true } },
    extensions: {
      cache: {
        tags: (programme) => [mediaCacheTags.channel(programme.channelId)],
        maxAge: programmeLifetime,
      } satisfies TypeCachePolicy<{ channelId: number; start: Date; stop: Date }>,
    },
    fields: (t) => ({
      start: t.expose('start', { type: 'DateTime', description: 'When it starts.' }),
      stop: t.expose('stop', { type: 'DateTime', description: 'When it ends (the next programme starts).' }),
      title: t.exposeString('title', { description: 'Title to show: the Chinese one when the guide has several.' }),
      titles: t.field({
        type: [Text],
        description: 'Every title the guide gives, with its language.',
        select: { columns: { titles: true } },
        resolve: (programme) => programme.titles,
      }),
      subTitle: t.exposeString('subTitle', { nullable: true, description: 'Episode title or subject of the day.' }),
      description: t.exposeString('description', { nullable: true, description: 'What it is about.' }),
      categories: t.exposeStringList('categories', { description: 'Genres, e.g. 新闻, 电视剧.' }),
      episode: t.string({
        nullable: true,
        description: 'The episode as a viewer reads it, e.g. 第12集; null when it is not a series.',
        select: { columns: { episodeNumbers: true } },
        resolve: (programme) => episodeLabel(programme.episodeNumbers),
      }),
      episodeNumbers: t.field({
        type: [Episode],
        description: 'Episode numbers in the guide’s own systems.',
        select: { columns: { episodeNumbers: true } },
        resolve: (programme) => programme.episodeNumbers,
      }),
      image: t.exposeString('image', { nullable: true, description: 'A still or poster URL.' }),
      durationSeconds: t.int({
        description: 'Length in seconds.',
        resolve: (programme) => Math.round((programme.stop.getTime() - programme.start.getTime()) / 1000),
      }),
      state: t.field({
        type: ProgrammeState,
        description: 'Upcoming, on air or finished, at the moment of the request.',
        resolve: (programme, _args, ctx) => programmeState(programme, ctx.now.getTime()),
      }),
      catchupUrl: t.string({
        nullable: true,
        description:
          'Where to replay it (回看): set for a finished programme within its channel’s catch-up window; null for one on air, upcoming, or too old.',
        select: { with: { channel: { columns: { catchupDays: true, catchupTemplate: true } } } },
        resolve: (programme, _args, ctx) => {
          const now = ctx.now.getTime();
          const policy = programme.channel;
          if (!policy.catchupTemplate || !inCatchupWindow(programme, policy, now)) return null;
          // The answer is wrong once the programme leaves the window.
          ctx.cache.add([], secondsUntil(catchupEnds(programme, policy), now));
          return catchupUrl(policy.catchupTemplate, programme);
        },
      }),
      channel: t.relation('channel', { description: 'The channel that airs it.' }),
    }),
  });

  const StreamChannel = builder.drizzleNode('streamChannels', {
    name: 'StreamChannel',
    description: 'A live TV channel or radio station of the city’s broadcaster, with its streams and guide.',
    id: { column: (channel) => channel.id },
    select: { columns: { id: true } },
    extensions: {
      cache: {
        tags: (channel) => [mediaCacheTags.channel(channel.id)],
        maxAge: STREAM_CHANNEL_MAX_AGE,
      } satisfies TypeCachePolicy<{ id: number }>,
    },
    fields: (t) => ({
      code: t.exposeString('code', {
        description: 'Stable code: the XMLTV channel id and the playlist’s `tvg-id`, e.g. `lctv1.lcxw.cn`.',
      }),
      kind: t.expose('kind', { type: StreamKind, description: 'Television or radio.' }),
      name: t.exposeString('name', { description: 'Full name, e.g. 聊城综合频道.' }),
      shortName: t.exposeString('shortName', {
        nullable: true,
        description: 'Short name or call sign for narrow lists, e.g. 聊城一套, FM 96.8.',
      }),
      logo: t.exposeString('logo', { nullable: true, description: 'Logo image URL.' }),
      position: t.exposeInt('position', { description: 'Order among the channels of its kind, from 0.' }),
      status: t.expose('liveStatus', { type: StreamStatus, description: 'Whether the live stream plays now.' }),
      statusMessage: t.exposeString('statusMessage', {
        nullable: true,
        description: 'Why it does not, e.g. 设备检修，预计18:00恢复; null when live.',
      }),
      streams: t.field({
        type: [StreamRendition],
        description: 'HLS variants of the live stream, best first; empty when offline.',
        select: { columns: { renditions: true } },
        resolve: (channel) => channel.renditions,
      }),
      catchup: t.field({
        type: CatchupPolicy,
        nullable: true,
        description: 'How past programmes can be replayed; null when the channel offers no catch-up.',
        select: { columns: { catchupDays: true, catchupTemplate: true } },
        resolve: ({ catchupDays, catchupTemplate }) =>
          catchupTemplate && catchupDays > 0 ? { catchupDays, catchupTemplate } : null,
      }),
      section: t.relation('section', {
        nullable: true,
        description: 'The site’s section that plays it (看电视 or 听广播).',
      }),
      nowPlaying: t.field({
        type: Programme,
        nullable: true,
        description: 'What is on air at the moment of the request; null between programmes or without a guide.',
        // The first programme ending after now: the current one, or in a gap the next.
        select: (_args, ctx, nestedSelection) => ({
          with: { airing: nestedSelection({ where: { stop: { gt: ctx.now } }, orderBy: { stop: 'asc' }, limit: 1 }) },
        }),
        resolve: (channel, _args, ctx) => {
          const [first] = channel.airing;
          if (!first) return null;
          const now = ctx.now.getTime();
          if (first.start.getTime() <= now) return first;
          // A gap: "nothing" holds only until the next programme starts.
          ctx.cache.add([], secondsUntil(first.start.getTime(), now));
          return null;
        },
      }),
      next: t.field({
        type: Programme,
        nullable: true,
        description: 'The next programme to start after the moment of the request; null when the guide has none.',
        select: (_args, ctx, nestedSelection) => ({
          with: {
            upcoming: nestedSelection({ where: { start: { gt: ctx.now } }, orderBy: { start: 'asc' }, limit: 1 }),
          },
        }),
        resolve: (channel) => channel.upcoming[0] ?? null,
      }),
      schedule: t.relation('programmes', {
        description: 'The programmes starting on one calendar day in Beijing time, in order.',
        args: {
          date: t.arg.string({
            description: 'The day, `YYYY-MM-DD` in Beijing time, from 30 days back to 14 ahead; default today.',
          }),
        },
        query: (args, ctx) => {
          const day = scheduleDay(args.date, ctx.now);
          return { where: { start: { gte: day.start, lt: day.end } }, orderBy: { start: 'asc' } };
        },
      }),
    }),
  });

  return { StreamKind, StreamStatus, StreamChannel, Programme };
}
