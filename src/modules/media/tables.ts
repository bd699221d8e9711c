import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { channelsTable as channels } from '../channels';
import type { EpisodeNumber, LocalizedText, Rendition } from './model';

export const streamKind = pgEnum('stream_kind', ['tv', 'radio']);
export const streamStatus = pgEnum('stream_status', ['live', 'offline', 'maintenance']);

// Guides are to the second (XMLTV's finest unit); a Date holds milliseconds, so nothing is lost.
const moment = (name: string) => timestamp(name, { withTimezone: true, precision: 0 });

/**
 * A live TV channel or radio station (聊城综合频道, 聊城新闻综合广播). `code` is its XMLTV channel id,
 * the key the guide importer and IPTV players (`tvg-id`) know it by.
 */
export const streamChannels = pgTable(
  'stream_channels',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    kind: streamKind('kind').notNull(),
    name: text('name').notNull(),
    /** Station logo or call sign as players show it in narrow lists: 聊城一套, FM 96.8. */
    shortName: text('short_name'),
    logo: text('logo'),
    position: integer('position').notNull().default(0),
    /** HLS variants of the live stream, best first. */
    renditions: jsonb('renditions').$type<Rendition[]>().notNull().default(sql`'[]'::jsonb`),
    liveStatus: streamStatus('status').notNull().default('live'),
    statusMessage: text('status_message'),
    /** How many days back a finished programme can be replayed; 0: no catch-up. */
    catchupDays: integer('catchup_days').notNull().default(0),
    /** URL of a past window, with `{utc}`/`{utcend}`/`${start}`-style placeholders (IPTV `catchup-source`). */
    catchupTemplate: text('catchup_template'),
    /** The site's section that plays it (看电视 or 听广播), when there is one. */
    sectionId: integer('section_id').references(() => channels.id),
  },
  (t) => [uniqueIndex('stream_channels_code_idx').on(t.code), index('stream_channels_kind_idx').on(t.kind, t.position)],
);

/** One programme of a channel's guide, from `start` (inclusive) to `stop` (exclusive). */
export const programmes = pgTable(
  'programmes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    channelId: integer('channel_id')
      .notNull()
      .references(() => streamChannels.id, { onDelete: 'cascade' }),
    start: moment('start').notNull(),
    stop: moment('stop').notNull(),
    /** The title to show: the Chinese one when the guide has several. */
    title: text('title').notNull(),
    /** Every title of the guide with its language, in the guide's order. */
    titles: jsonb('titles').$type<LocalizedText[]>().notNull().default(sql`'[]'::jsonb`),
    subTitle: text('sub_title'),
    description: text('description'),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    /** Episode numbers in the guide's systems (`xmltv_ns`, `onscreen`, …). */
    episodeNumbers: jsonb('episode_numbers').$type<EpisodeNumber[]>().notNull().default(sql`'[]'::jsonb`),
    image: text('image'),
  },
  (t) => [
    // The import's key, and a channel's day in order.
    uniqueIndex('programmes_channel_start_idx').on(t.channelId, t.start),
    // Now and next: the first programme of a channel ending after a moment.
    index('programmes_channel_stop_idx').on(t.channelId, t.stop),
  ],
);
