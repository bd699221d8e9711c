import { integer, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';

/** The portal itself: one row per site (today only `default`), with its masthead and legal footer. */
export const sites = pgTable('sites', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  homeLabel: text('home_label').notNull(),
  copyright: text('copyright').notNull(),
  operators: text('operators').array().notNull(),
  operatorsNote: text('operators_note').notNull(),
  reportPhone: text('report_phone').notNull(),
  reportEmail: text('report_email').notNull(),
});

/** Footer links (关于我们, 广告服务, ...), in display order. */
export const siteLinks = pgTable(
  'site_links',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    href: text('href').notNull(),
  },
  (t) => [uniqueIndex('site_links_site_position_idx').on(t.siteId, t.position)],
);

export const licenceKind = pgEnum('licence_kind', [
  'news_service',
  'icp',
  'public_security',
  'audiovisual',
  'broadcast_production',
]);

/** Licences and filings the footer must show, with their numbers, in display order. */
export const siteLicences = pgTable(
  'site_licences',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id),
    position: integer('position').notNull(),
    kind: licenceKind('kind').notNull(),
    label: text('label').notNull(),
    number: text('number').notNull(),
    text: text('text').notNull(),
    href: text('href'),
  },
  (t) => [uniqueIndex('site_licences_site_position_idx').on(t.siteId, t.position)],
);
