import { type AnyPgColumn, boolean, index, integer, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sites } from '../site/tables';

export const channelKind = pgEnum('channel_kind', ['news', 'video', 'photo', 'epaper', 'tv', 'radio']);

/**
 * Channels form a tree. `path` is the materialised slug path (`yaowen/shandong`) so that
 * "this channel and everything below it" is one indexed prefix match, not a recursive query.
 */
export const channels = pgTable(
  'channels',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    parentId: integer('parent_id').references((): AnyPgColumn => channels.id),
    slug: text('slug').notNull(),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    kind: channelKind('kind').notNull().default('news'),
    position: integer('position').notNull(),
    inNavigation: boolean('in_navigation').notNull().default(true),
  },
  (t) => [
    uniqueIndex('channels_path_idx').on(t.path),
    index('channels_parent_idx').on(t.parentId, t.position),
    index('channels_site_idx').on(t.siteId, t.position),
  ],
);
