var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __glob = (map) => (path) => {
  var fn = map[path];
  if (fn) return fn();
  throw new Error('Module not found in bundle: ' + path);
};
var __esm = (fn, res, err) =>
  function __init() {
    if (err) throw err[0];
    try {
      return (fn && (res = (0, fn[__getOwnPropNames(fn)[0]])((fn = 0))), res);
    } catch (e) {
      throw ((err = [e]), e);
    }
  };
var __export = (target, all) => {
  for (var name in all) __defProp(target, name, { get: all[name], enumerable: true });
};

// src/shared/module.ts
function defineModule(module) {
  return module;
}
function mergeRelations(modules2) {
  const merged = {};
  for (const module of modules2) {
    for (const [table, config] of Object.entries(module.relations)) {
      const existing = merged[table];
      merged[table] = existing ? { ...existing, relations: { ...existing.relations, ...config.relations } } : config;
    }
  }
  return merged;
}
var init_module = __esm({
  'src/shared/module.ts'() {},
});

// src/modules/site/tables.ts
import { integer, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';

var sites, siteLinks, licenceKind, siteLicences;
var init_tables = __esm({
  'src/modules/site/tables.ts'() {
    sites = pgTable('sites', {
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
    siteLinks = pgTable(
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
    licenceKind = pgEnum('licence_kind', [
      'news_service',
      'icp',
      'public_security',
      'audiovisual',
      'broadcast_production',
    ]);
    siteLicences = pgTable(
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
  },
});

// src/modules/channels/tables.ts
import {
  boolean,
  index,
  integer as integer2,
  pgEnum as pgEnum2,
  pgTable as pgTable2,
  text as text2,
  uniqueIndex as uniqueIndex2,
} from 'drizzle-orm/pg-core';

var channelKind, channels;
var init_tables2 = __esm({
  'src/modules/channels/tables.ts'() {
    init_tables();
    channelKind = pgEnum2('channel_kind', ['news', 'video', 'photo', 'epaper', 'tv', 'radio']);
    channels = pgTable2(
      'channels',
      {
        id: integer2('id').primaryKey().generatedAlwaysAsIdentity(),
        siteId: text2('site_id')
          .notNull()
          .references(() => sites.id),
        parentId: integer2('parent_id').references(() => channels.id),
        slug: text2('slug').notNull(),
        path: text2('path').notNull(),
        depth: integer2('depth').notNull(),
        name: text2('name').notNull(),
        description: text2('description').notNull(),
        kind: channelKind('kind').notNull().default('news'),
        position: integer2('position').notNull(),
        inNavigation: boolean('in_navigation').notNull().default(true),
      },
      (t) => [
        uniqueIndex2('channels_path_idx').on(t.path),
        index('channels_parent_idx').on(t.parentId, t.position),
        index('channels_site_idx').on(t.siteId, t.position),
      ],
    );
  },
});

// src/shared/enums.ts
function enumFromPg(builder, name, pgEnum5, options) {
  const values = Object.fromEntries(
    pgEnum5.enumValues.map((value) => [graphqlName(value), { value, description: options.values[value] }]),
  );
  return builder.enumType(name, { description: options.description, values });
}
var graphqlName;
var init_enums = __esm({
  'src/shared/enums.ts'() {
    graphqlName = (value) => value.toUpperCase();
  },
});

// src/modules/articles/tables.ts
import { sql } from 'drizzle-orm';
import {
  index as index2,
  integer as integer3,
  jsonb,
  pgEnum as pgEnum3,
  pgTable as pgTable3,
  primaryKey,
  text as text3,
  timestamp,
  uniqueIndex as uniqueIndex3,
} from 'drizzle-orm/pg-core';

var articleKind, articleStatus, bylineRole, moment, articles, articleBylines, tags, articleTags;
var init_tables3 = __esm({
  'src/modules/articles/tables.ts'() {
    init_tables2();
    articleKind = pgEnum3('article_kind', ['story', 'gallery', 'video']);
    articleStatus = pgEnum3('article_status', ['draft', 'published', 'retracted']);
    bylineRole = pgEnum3('byline_role', [
      'reporter',
      'photographer',
      'correspondent',
      'author',
      'translator',
      'videographer',
    ]);
    moment = (name) => timestamp(name, { withTimezone: true, precision: 0 });
    articles = pgTable3(
      'articles',
      {
        id: integer3('id').primaryKey().generatedAlwaysAsIdentity(),
        channelId: integer3('channel_id')
          .notNull()
          .references(() => channels.id),
        path: text3('path').notNull(),
        kind: articleKind('kind').notNull().default('story'),
        status: articleStatus('status').notNull().default('draft'),
        kicker: text3('kicker'),
        title: text3('title').notNull(),
        subtitles: text3('subtitles').array().notNull().default(sql`'{}'::text[]`),
        summary: text3('summary'),
        source: text3('source').notNull(),
        body: jsonb('body').$type().notNull(),
        cover: jsonb('cover').$type(),
        editor: text3('editor'),
        publishedAt: moment('published_at').notNull(),
        updatedAt: moment('updated_at').notNull(),
      },
      (t) => [
        uniqueIndex3('articles_path_idx').on(t.path),
        // Feeds: newest published first, optionally within a channel subtree. `ORDER BY ... DESC` means
        // NULLS FIRST in Postgres, and an index only serves an ORDER BY whose null placement it matches
        // (the columns being NOT NULL does not help): drizzle's bare `.desc()` writes DESC NULLS LAST,
        // which made every feed sort all its matching rows (1.2 s for a channel feed at a million articles).
        index2('articles_published_idx').on(t.status, t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
        index2('articles_channel_published_idx').on(
          t.channelId,
          t.status,
          t.publishedAt.desc().nullsFirst(),
          t.id.desc().nullsFirst(),
        ),
      ],
    );
    articleBylines = pgTable3(
      'article_bylines',
      {
        articleId: integer3('article_id')
          .notNull()
          .references(() => articles.id, { onDelete: 'cascade' }),
        position: integer3('position').notNull(),
        role: bylineRole('role').notNull(),
        name: text3('name').notNull(),
        organisation: text3('organisation'),
      },
      (t) => [primaryKey({ columns: [t.articleId, t.position] })],
    );
    tags = pgTable3(
      'tags',
      {
        id: integer3('id').primaryKey().generatedAlwaysAsIdentity(),
        name: text3('name').notNull(),
      },
      (t) => [uniqueIndex3('tags_name_idx').on(t.name)],
    );
    articleTags = pgTable3(
      'article_tags',
      {
        articleId: integer3('article_id')
          .notNull()
          .references(() => articles.id, { onDelete: 'cascade' }),
        tagId: integer3('tag_id')
          .notNull()
          .references(() => tags.id, { onDelete: 'cascade' }),
        position: integer3('position').notNull(),
      },
      (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index2('article_tags_tag_idx').on(t.tagId, t.articleId)],
    );
  },
});

// src/modules/recommendations/compute.ts
import { sql as sql3 } from 'drizzle-orm';

async function computeRelatedByTags(db, articleIds) {
  if (!articleIds.length) return;
  const owners = sql3`(select unnest(${sql3.param(articleIds)}::int[]))`;
  await db.execute(sql3`delete from article_related where reason = 'shared_tags' and article_id in ${owners}`);
  await db.execute(sql3`
    insert into article_related (article_id, related_id, position, reason)
    select article_id, related_id, position - 1, 'shared_tags'
    from (
      select pairs.article_id, pairs.related_id,
        row_number() over (
          partition by pairs.article_id
          order by pairs.shared desc, abs(extract(epoch from (a.published_at - b.published_at))), pairs.related_id
        ) as position
      from (
        select mine.article_id, theirs.article_id as related_id, count(*) as shared
        from article_tags mine
        join article_tags theirs on theirs.tag_id = mine.tag_id and theirs.article_id <> mine.article_id
        where mine.article_id in ${owners}
        group by mine.article_id, theirs.article_id
      ) pairs
      join articles a on a.id = pairs.article_id
      join articles b on b.id = pairs.related_id
    ) ranked
    where position <= ${RELATED_PER_ARTICLE}
    on conflict (article_id, related_id) do nothing`);
}
var RELATED_PER_ARTICLE;
var init_compute = __esm({
  'src/modules/recommendations/compute.ts'() {
    RELATED_PER_ARTICLE = 6;
  },
});

// src/modules/site/relations.ts
import { defineRelationsPart as defineRelationsPart4 } from 'drizzle-orm';

var siteRelations;
var init_relations = __esm({
  'src/modules/site/relations.ts'() {
    init_tables();
    siteRelations = defineRelationsPart4({ sites, siteLinks, siteLicences }, (r) => ({
      sites: {
        links: r.many.siteLinks({ from: r.sites.id, to: r.siteLinks.siteId }),
        licences: r.many.siteLicences({ from: r.sites.id, to: r.siteLicences.siteId }),
      },
      siteLinks: {},
      siteLicences: {},
    }));
  },
});

// src/modules/site/cache.ts
var SITE_MAX_AGE, siteTag;
var init_cache = __esm({
  'src/modules/site/cache.ts'() {
    SITE_MAX_AGE = 3600;
    siteTag = 'site';
  },
});

// src/modules/site/types.ts
function registerSite(builder) {
  const LicenceKind = enumFromPg(builder, 'LicenceKind', licenceKind, {
    description: 'Which register a licence or filing belongs to.',
    values: {
      news_service:
        '\u4E92\u8054\u7F51\u65B0\u95FB\u4FE1\u606F\u670D\u52A1\u8BB8\u53EF\u8BC1: internet news information service licence.',
      icp: 'ICP\u5907\u6848: the MIIT website filing.',
      public_security: '\u516C\u5B89\u5907\u6848: the public security bureau filing.',
      audiovisual:
        '\u4FE1\u606F\u7F51\u7EDC\u4F20\u64AD\u89C6\u542C\u8282\u76EE\u8BB8\u53EF\u8BC1: online audiovisual programme licence.',
      broadcast_production:
        '\u5E7F\u64AD\u7535\u89C6\u8282\u76EE\u5236\u4F5C\u7ECF\u8425\u8BB8\u53EF\u8BC1: radio and TV programme production licence.',
    },
  });
  builder.drizzleObject('siteLicences', {
    name: 'Licence',
    description: 'A licence or filing that the footer must display, with its number.',
    select: { columns: {} },
    fields: (t) => ({
      kind: t.expose('kind', { type: LicenceKind, description: 'The register it belongs to.' }),
      label: t.exposeString('label', {
        description:
          'Name of the licence, e.g. \u4E92\u8054\u7F51\u65B0\u95FB\u4FE1\u606F\u670D\u52A1\u8BB8\u53EF\u8BC1.',
      }),
      number: t.exposeString('number', { description: 'The licence or filing number alone, e.g. 37120180030.' }),
      text: t.exposeString('text', { description: 'The line exactly as the footer prints it.' }),
      href: t.exposeString('href', { nullable: true, description: 'Where the filing can be verified, if anywhere.' }),
    }),
  });
  builder.drizzleObject('siteLinks', {
    name: 'FooterLink',
    description: 'A link in the site footer, such as \u5173\u4E8E\u6211\u4EEC.',
    select: { columns: {} },
    fields: (t) => ({
      label: t.exposeString('label', { description: 'The text of the link.' }),
      href: t.exposeString('href', { description: 'Where it points: site-relative or absolute.' }),
    }),
  });
  const ReportContact = builder.objectRef('ReportContact').implement({
    description:
      'Where readers report illegal or harmful content (\u8FDD\u6CD5\u548C\u4E0D\u826F\u4FE1\u606F\u4E3E\u62A5).',
    fields: (t) => ({
      phone: t.exposeString('phone', { description: 'Report hotline.' }),
      email: t.exposeString('email', { description: 'Report mailbox.' }),
    }),
  });
  const Site = builder.drizzleObject('sites', {
    name: 'Site',
    description: 'The portal: its name, navigation and everything its footer must show.',
    select: { columns: {} },
    extensions: { cache: { tags: () => [siteTag], maxAge: SITE_MAX_AGE } },
    fields: (t) => ({
      name: t.exposeString('name', { description: 'Name of the site, e.g. \u804A\u57CE\u65B0\u95FB\u7F51.' }),
      url: t.exposeString('url', { description: 'Canonical origin of the site.' }),
      homeLabel: t.exposeString('homeLabel', { description: 'Label of the home page in breadcrumbs: \u9996\u9875.' }),
      footerLinks: t.relation('links', {
        description: 'Footer links in display order.',
        query: { orderBy: { position: 'asc' } },
      }),
      copyright: t.exposeString('copyright', {
        description: 'The copyright line, e.g. \u804A\u57CE\u65B0\u95FB\u7F51 2006-2023 \u7248\u6743\u6240\u6709.',
      }),
      operators: t.exposeStringList('operators', {
        description: 'Organisations that run the site (\u4E3B\u529E\u5355\u4F4D).',
      }),
      operatorsNote: t.exposeString('operatorsNote', {
        description: 'How they run it together, e.g. \u8054\u5408\u4E3B\u529E.',
      }),
      licences: t.relation('licences', {
        description: 'Licences and filings, in the order the footer prints them.',
        query: { orderBy: { position: 'asc' } },
      }),
      report: t.field({
        type: ReportContact,
        description: 'Contacts for reporting illegal or harmful content.',
        select: { columns: { reportPhone: true, reportEmail: true } },
        resolve: (site2) => ({ phone: site2.reportPhone, email: site2.reportEmail }),
      }),
    }),
  });
  builder.queryField('site', (t) =>
    t.drizzleField({
      type: Site,
      description: 'The portal itself: name, navigation, footer links, operators, licences and report contacts.',
      resolve: async (query, _root, _args, ctx) => {
        const site2 = await ctx.db.query.sites.findFirst(query({ where: { id: SITE_ID } }));
        if (!site2) throw new Error('The site row is missing: run the migrations and the seed.');
        return site2;
      },
    }),
  );
}
var SITE_ID;
var init_types = __esm({
  'src/modules/site/types.ts'() {
    init_enums();
    init_cache();
    init_tables();
    SITE_ID = 'default';
  },
});

// src/modules/site/index.ts
var site;
var init_site = __esm({
  'src/modules/site/index.ts'() {
    init_module();
    init_relations();
    init_types();
    init_cache();
    init_types();
    site = defineModule({ name: 'site', relations: siteRelations, schema: registerSite });
  },
});

// src/shared/seed.ts
import { sql as sql4 } from 'drizzle-orm';

function excluded(table, keys) {
  const columns = table;
  const set = keys.map((key) => [key, sql4`excluded.${sql4.identifier(columns[key].name)}`]);
  return Object.fromEntries(set);
}
function* chunks(items, size) {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
var init_seed = __esm({
  'src/shared/seed.ts'() {},
});

// src/modules/articles/seed/channel-refs.ts
function channelRefs(rows) {
  const children = /* @__PURE__ */ new Map();
  for (const row of rows) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  const refs = [];
  const visit = (parentId) => {
    for (const row of (children.get(parentId) ?? []).sort((a, b) => a.position - b.position)) {
      refs.push({ path: row.path, kind: row.kind });
      visit(row.id);
    }
  };
  visit(null);
  return refs;
}
var CHANNEL_ROWS_SQL;
var init_channel_refs = __esm({
  'src/modules/articles/seed/channel-refs.ts'() {
    CHANNEL_ROWS_SQL = 'SELECT id, parent_id AS "parentId", path, kind, position FROM channels';
  },
});

// src/modules/articles/seed/random.ts
function mulberry32(seed5) {
  let state = seed5 >>> 0;
  return () => {
    state = (state + 1831565813) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function mix(index4, stream) {
  let h = Math.imul(index4 ^ 2654435769, 2246822507) ^ Math.imul(stream + 1, 3266489909);
  h = Math.imul(h ^ (h >>> 16), 2146121005);
  h = Math.imul(h ^ (h >>> 15), 2221713035);
  return (h ^ (h >>> 16)) >>> 0;
}
function rngFor(index4, stream = 0) {
  const next = mulberry32(mix(index4, stream));
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    sample: (items, count) => {
      const copy = items.slice();
      const n = Math.min(count, copy.length);
      for (let i = 0; i < n; i += 1) {
        const j = int(i, copy.length - 1);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, n);
    },
  };
}
var init_random = __esm({
  'src/modules/articles/seed/random.ts'() {},
});

// src/modules/articles/seed/topics.ts
var TOPICS;
var init_topics = __esm({
  'src/modules/articles/seed/topics.ts'() {
    TOPICS = [
      {
        name: '\u4E61\u6751\u632F\u5174',
        dept: 'agriculture',
        reach: 'everywhere',
        tags: ['\u4E61\u6751\u632F\u5174', '\u73B0\u4EE3\u519C\u4E1A', '\u519C\u6C11\u589E\u6536'],
        titles: [
          '{place}\uFF1A\u7279\u8272\u4EA7\u4E1A\u201C\u94FE\u201D\u51FA\u4E61\u6751\u632F\u5174\u65B0\u56FE\u666F',
          '{place}{town}\u5927\u68DA\u852C\u83DC\u559C\u4E30\u6536 \u6751\u6C11\u589E\u6536\u6709\u5954\u5934',
          '{place}\u63A8\u8FDB\u548C\u7F8E\u4E61\u6751\u5EFA\u8BBE {n}\u4E2A\u6751\u5165\u9009\u7701\u7EA7\u793A\u8303\u6751',
          '\u5C0F\u5EAD\u9662\u6FC0\u6D3B\u5927\u4EA7\u4E1A {place}\u63A2\u7D22\u4E61\u6751\u632F\u5174\u65B0\u8DEF\u5F84',
        ],
        subtitles: [
          '\u53D1\u5C55\u7279\u8272\u79CD\u690D{k}\u4EA9 \u5E26\u52A8{k}\u6237\u7FA4\u4F17\u589E\u6536',
          '\u515A\u5EFA\u5F15\u9886 \u4EA7\u4E1A\u5E26\u52A8 \u4EBA\u624D\u652F\u6491',
        ],
        sentences: [
          '{md}\uFF0C\u8BB0\u8005\u8D70\u8FDB{place}{town}\u7684\u852C\u83DC\u5927\u68DA\uFF0C\u4E00\u6392\u6392\u897F\u7EA2\u67FF\u6302\u6EE1\u679D\u5934\uFF0C\u6751\u6C11\u4EEC\u6B63\u5FD9\u7740\u91C7\u6458\u3001\u88C5\u7BB1\u3002',
          '\u8FD1\u5E74\u6765\uFF0C{place}\u575A\u6301\u628A\u53D1\u5C55\u7279\u8272\u4EA7\u4E1A\u4F5C\u4E3A\u4E61\u6751\u632F\u5174\u7684\u91CD\u8981\u6293\u624B\uFF0C\u56E0\u5730\u5236\u5B9C\u53D1\u5C55\u8BBE\u65BD\u852C\u83DC\u3001\u98DF\u7528\u83CC\u3001\u4E2D\u836F\u6750\u7B49\u4EA7\u4E1A\u3002',
          '\u76EE\u524D\uFF0C{place}\u5DF2\u5EFA\u6210\u9AD8\u6807\u51C6\u519C\u7530{wan}\u4E07\u4EA9\uFF0C\u7CAE\u98DF\u603B\u4EA7\u8FDE\u7EED{n}\u5E74\u4FDD\u6301\u7A33\u5B9A\u3002',
          '\u201C\u4EE5\u524D\u79CD\u7CAE\u4E00\u4EA9\u5730\u6536\u5165\u4E0D\u5230\u4E00\u5343\u5143\uFF0C\u73B0\u5728\u79CD\u5927\u68DA\uFF0C\u4E00\u5E74\u80FD\u6536\u5165{n}\u4E07\u5143\u3002\u201D\u6751\u6C11\u8BF4\u8D77\u73B0\u5728\u7684\u65E5\u5B50\uFF0C\u8138\u4E0A\u6EE1\u662F\u7B11\u5BB9\u3002',
          '{place}\u5927\u529B\u63A8\u5E7F\u201C\u515A\u652F\u90E8+\u5408\u4F5C\u793E+\u519C\u6237\u201D\u6A21\u5F0F\uFF0C\u53D1\u5C55\u6751\u7EA7\u5408\u4F5C\u793E{k}\u5BB6\uFF0C\u5E26\u52A8\u6751\u96C6\u4F53\u589E\u6536{wan}\u4E07\u5143\u3002',
          '\u5728{town}\uFF0C\u95F2\u7F6E\u7684\u519C\u5BB6\u5C0F\u9662\u88AB\u6539\u9020\u6210\u6C11\u5BBF\u548C\u624B\u5DE5\u4F5C\u574A\uFF0C\u5438\u5F15\u4E86\u4E0D\u5C11\u57CE\u91CC\u6E38\u5BA2\u524D\u6765\u4F53\u9A8C\u4E61\u6751\u751F\u6D3B\u3002',
          '\u901A\u8FC7\u7EC4\u7EC7\u6280\u672F\u57F9\u8BAD{k}\u573A\u6B21\uFF0C{place}\u57F9\u80B2\u9AD8\u7D20\u8D28\u519C\u6C11{k}\u4EBA\uFF0C\u4E3A\u4E61\u6751\u632F\u5174\u63D0\u4F9B\u4E86\u4EBA\u624D\u652F\u6491\u3002',
          '\u53BB\u5E74\uFF0C{place}\u519C\u6751\u5C45\u6C11\u4EBA\u5747\u53EF\u652F\u914D\u6536\u5165\u540C\u6BD4\u589E\u957F{pct}%\uFF0C\u589E\u901F\u9AD8\u4E8E\u57CE\u9547\u5C45\u6C11\u3002',
        ],
        scenes: [
          '\u6751\u6C11\u5728\u5927\u68DA\u5185\u91C7\u6458\u897F\u7EA2\u67FF',
          '\u519C\u6280\u4EBA\u5458\u5728\u7530\u95F4\u6307\u5BFC\u6751\u6C11\u7BA1\u62A4\u5C0F\u9EA6',
          '\u6E38\u5BA2\u5728\u4E61\u6751\u6C11\u5BBF\u4F53\u9A8C\u519C\u4E8B\u6D3B\u52A8',
        ],
      },
      {
        name: '\u8425\u5546\u73AF\u5883',
        dept: 'approval',
        reach: 'everywhere',
        tags: ['\u8425\u5546\u73AF\u5883', '\u653F\u52A1\u670D\u52A1', '\u653E\u7BA1\u670D\u6539\u9769'],
        titles: [
          '{place}\u63A8\u51FA{n}\u9879\u4E3E\u63AA\u6301\u7EED\u4F18\u5316\u8425\u5546\u73AF\u5883',
          '\u201C\u4E00\u6B21\u529E\u597D\u201D\u518D\u63D0\u901F \u4F01\u4E1A\u5F00\u529E\u538B\u7F29\u81F3{n}\u4E2A\u5C0F\u65F6',
          '\u653F\u52A1\u670D\u52A1\u201C\u638C\u4E0A\u529E\u201D \u4F01\u4E1A\u7FA4\u4F17\u5C11\u8DD1\u817F',
          '{place}\uFF1A\u7528\u201C\u5E97\u5C0F\u4E8C\u201D\u670D\u52A1\u64E6\u4EAE\u8425\u5546\u73AF\u5883\u91D1\u5B57\u62DB\u724C',
        ],
        subtitles: [
          '\u4F01\u4E1A\u5F00\u529E\u3001\u9879\u76EE\u5BA1\u6279\u5B9E\u73B0\u201C\u4E00\u7A97\u53D7\u7406\u3001\u4E00\u6B21\u529E\u597D\u201D',
          '\u4ECA\u5E74\u4EE5\u6765\u7D2F\u8BA1\u4E3A\u4F01\u4E1A\u89E3\u51B3\u95EE\u9898{k}\u4E2A',
        ],
        sentences: [
          '{md}\uFF0C{dept}\u53D1\u5E03\u4F18\u5316\u8425\u5546\u73AF\u5883{n}\u9879\u5177\u4F53\u4E3E\u63AA\uFF0C\u6DB5\u76D6\u5E02\u573A\u51C6\u5165\u3001\u9879\u76EE\u5BA1\u6279\u3001\u8981\u7D20\u4FDD\u969C\u7B49\u591A\u4E2A\u65B9\u9762\u3002',
          '\u5728{place}\u653F\u52A1\u670D\u52A1\u4E2D\u5FC3\uFF0C\u524D\u6765\u529E\u4E8B\u7684\u4F01\u4E1A\u8D1F\u8D23\u4EBA\u5728\u7EFC\u5408\u7A97\u53E3\u63D0\u4EA4\u6750\u6599\uFF0C\u4E0D\u5230\u4E00\u4E2A\u5C0F\u65F6\u5C31\u62FF\u5230\u4E86\u8425\u4E1A\u6267\u7167\u3002',
          '\u4ECA\u5E74\u4EE5\u6765\uFF0C{place}\u7D2F\u8BA1\u529E\u7406\u5404\u7C7B\u653F\u52A1\u670D\u52A1\u4E8B\u9879{k}\u4EF6\uFF0C\u7FA4\u4F17\u6EE1\u610F\u5EA6\u8FBE\u5230{high}%\u3002',
          '\u201C\u4EE5\u524D\u529E\u8BC1\u8981\u8DD1\u597D\u51E0\u4E2A\u90E8\u95E8\uFF0C\u73B0\u5728\u5728\u4E00\u4E2A\u7A97\u53E3\u5C31\u80FD\u5168\u90E8\u529E\u5B8C\u3002\u201D{company}\u8D1F\u8D23\u4EBA\u8BF4\u3002',
          '{place}\u5EFA\u7ACB\u4F01\u4E1A\u8BC9\u6C42\u201C\u76F4\u901A\u8F66\u201D\u673A\u5236\uFF0C\u5BF9\u4F01\u4E1A\u53CD\u6620\u7684\u95EE\u9898\u5B9E\u884C\u53F0\u8D26\u7BA1\u7406\u3001\u9650\u65F6\u529E\u7ED3\u3002',
          '\u5168\u9762\u63A8\u884C\u201C\u627F\u8BFA\u5236+\u5BB9\u7F3A\u53D7\u7406\u201D\uFF0C{n}\u7C7B\u6D89\u4F01\u5BA1\u6279\u4E8B\u9879\u5B9E\u73B0\u5373\u6765\u5373\u529E\u3002',
          '{official}\u4ECB\u7ECD\uFF0C\u4E0B\u4E00\u6B65\u5C06\u6301\u7EED\u6DF1\u5316\u201C\u653E\u7BA1\u670D\u201D\u6539\u9769\uFF0C\u8BA9\u4F01\u4E1A\u529E\u4E8B\u66F4\u4FBF\u6377\u3001\u66F4\u8212\u5FC3\u3002',
          '\u622A\u81F3\u76EE\u524D\uFF0C{place}\u5B9E\u6709\u7ECF\u8425\u4E3B\u4F53{wan}\u4E07\u6237\uFF0C\u540C\u6BD4\u589E\u957F{pct}%\u3002',
        ],
        scenes: [
          '\u5DE5\u4F5C\u4EBA\u5458\u5728\u653F\u52A1\u670D\u52A1\u4E2D\u5FC3\u4E3A\u4F01\u4E1A\u7FA4\u4F17\u529E\u7406\u4E1A\u52A1',
          '\u4F01\u4E1A\u8D1F\u8D23\u4EBA\u5728\u7EFC\u5408\u7A97\u53E3\u9886\u53D6\u8425\u4E1A\u6267\u7167',
        ],
      },
      {
        name: '\u6587\u65C5\u878D\u5408',
        dept: 'culture',
        reach: 'everywhere',
        tags: ['\u6587\u65C5\u878D\u5408', '\u5168\u57DF\u65C5\u6E38', '\u6587\u5316\u60E0\u6C11'],
        titles: [
          '{place}\u6587\u65C5\u6D88\u8D39\u6301\u7EED\u5347\u6E29 {landmark}\u6E38\u5BA2\u7EDC\u7ECE\u4E0D\u7EDD',
          '\u591C\u7ECF\u6D4E\u70B9\u4EAE\u57CE\u5E02\u70DF\u706B\u6C14',
          '{place}\u4E3E\u529E\u7B2C{n}\u5C4A\u6587\u5316\u65C5\u6E38\u8282',
          '\u5047\u65E5\u671F\u95F4{place}\u63A5\u5F85\u6E38\u5BA2{wan}\u4E07\u4EBA\u6B21',
        ],
        subtitles: [
          '\u63A8\u51FA\u7CBE\u54C1\u65C5\u6E38\u7EBF\u8DEF{n}\u6761',
          '\u6587\u65C5\u878D\u5408\u6FC0\u53D1\u6D88\u8D39\u65B0\u6D3B\u529B',
        ],
        sentences: [
          '{md}\uFF0C{landmark}\u6E38\u4EBA\u5982\u7EC7\uFF0C\u4E0D\u5C11\u5916\u5730\u6E38\u5BA2\u4E13\u7A0B\u8D76\u6765\u6253\u5361\u62CD\u7167\u3002',
          '{place}\u6DF1\u5165\u6316\u6398\u5386\u53F2\u6587\u5316\u8D44\u6E90\uFF0C\u63A8\u51FA\u7814\u5B66\u6E38\u3001\u4E61\u6751\u6E38\u3001\u591C\u6E38\u7B49{n}\u6761\u7CBE\u54C1\u7EBF\u8DEF\u3002',
          '\u5047\u671F\u671F\u95F4\uFF0C{place}\u5171\u63A5\u5F85\u6E38\u5BA2{wan}\u4E07\u4EBA\u6B21\uFF0C\u5B9E\u73B0\u65C5\u6E38\u6536\u5165{yi}\u4EBF\u5143\uFF0C\u540C\u6BD4\u5206\u522B\u589E\u957F{pct}%\u548C{pct}%\u3002',
          '\u975E\u9057\u5C55\u6F14\u3001\u7279\u8272\u7F8E\u98DF\u3001\u6C11\u4FD7\u8868\u6F14\u8F6E\u756A\u767B\u573A\uFF0C\u8BA9\u6E38\u5BA2\u5728\u6E38\u73A9\u4E2D\u611F\u53D7\u5F53\u5730\u7684\u72EC\u7279\u9B45\u529B\u3002',
          '\u201C\u6CA1\u60F3\u5230\u8FD9\u91CC\u7684\u591C\u666F\u8FD9\u4E48\u7F8E\uFF0C\u4E0B\u6B21\u8FD8\u8981\u5E26\u5BB6\u4EBA\u4E00\u8D77\u6765\u3002\u201D\u6765\u81EA{origin}\u7684\u6E38\u5BA2\u8BF4\u3002',
          '{dept}\u76F8\u5173\u8D1F\u8D23\u4EBA\u8868\u793A\uFF0C\u5C06\u6301\u7EED\u4E30\u5BCC\u6587\u65C5\u4EA7\u54C1\u4F9B\u7ED9\uFF0C\u63A8\u52A8\u6587\u65C5\u4EA7\u4E1A\u63D0\u8D28\u5347\u7EA7\u3002',
          '\u666F\u533A\u8FD8\u63A8\u51FA\u4E86\u95E8\u7968\u4F18\u60E0\u3001\u6587\u521B\u5E02\u96C6\u7B49\u6D3B\u52A8\uFF0C\u8FDB\u4E00\u6B65\u6FC0\u53D1\u6587\u65C5\u6D88\u8D39\u6D3B\u529B\u3002',
          '{place}\u628A\u6587\u65C5\u878D\u5408\u4F5C\u4E3A\u9AD8\u8D28\u91CF\u53D1\u5C55\u7684\u91CD\u8981\u5F15\u64CE\uFF0C\u5168\u529B\u6253\u9020\u4E00\u6279\u53EB\u5F97\u54CD\u7684\u6587\u65C5\u54C1\u724C\u3002',
        ],
        scenes: [
          '\u6E38\u5BA2\u5728{landmark}\u6E38\u89C8',
          '\u6F14\u5458\u5728\u8857\u5934\u8868\u6F14\u4F20\u7EDF\u6C11\u4FD7\u8282\u76EE',
          '\u5E02\u6C11\u5728\u591C\u5E02\u9009\u8D2D\u7279\u8272\u5C0F\u5403',
        ],
      },
      {
        name: '\u6559\u80B2',
        dept: 'education',
        reach: 'everywhere',
        tags: ['\u6559\u80B2', '\u5B66\u6821\u5EFA\u8BBE', '\u8BFE\u540E\u670D\u52A1'],
        titles: [
          '{place}\u65B0\u5EFA\u6539\u6269\u5EFA\u4E2D\u5C0F\u5B66{n}\u6240 \u65B0\u589E\u5B66\u4F4D{k}\u4E2A',
          '\u8BFE\u540E\u670D\u52A1\u201C\u52A0\u7801\u201D \u5B66\u751F\u5BB6\u957F\u201C\u51CF\u8D1F\u201D',
          '{place}\uFF1A\u8BA9\u6BCF\u4E2A\u5B69\u5B50\u90FD\u80FD\u4EAB\u6709\u516C\u5E73\u800C\u6709\u8D28\u91CF\u7684\u6559\u80B2',
          '{place}{n}\u6240\u65B0\u5EFA\u5B66\u6821\u79CB\u5B63\u5B66\u671F\u6295\u5165\u4F7F\u7528',
        ],
        subtitles: [
          '\u96C6\u56E2\u5316\u529E\u5B66\u8986\u76D6\u57CE\u4E61\u5B66\u6821{n}\u6240',
          '\u8BFE\u540E\u670D\u52A1\u5B9E\u73B0\u4E49\u52A1\u6559\u80B2\u5B66\u6821\u5168\u8986\u76D6',
        ],
        sentences: [
          '{md}\uFF0C\u5728{place}{town}\u7684\u4E00\u6240\u65B0\u5EFA\u5C0F\u5B66\uFF0C\u5BBD\u655E\u660E\u4EAE\u7684\u6559\u5BA4\u91CC\u4F20\u51FA\u7405\u7405\u8BFB\u4E66\u58F0\u3002',
          '\u4ECA\u5E74\u4EE5\u6765\uFF0C{place}\u6295\u5165\u8D44\u91D1{yi}\u4EBF\u5143\uFF0C\u65B0\u5EFA\u6539\u6269\u5EFA\u4E2D\u5C0F\u5B66\u548C\u5E7C\u513F\u56ED{n}\u6240\uFF0C\u65B0\u589E\u5B66\u4F4D{k}\u4E2A\u3002',
          '{place}\u6DF1\u5165\u63A8\u8FDB\u96C6\u56E2\u5316\u529E\u5B66\uFF0C\u901A\u8FC7\u540D\u6821\u5E26\u65B0\u6821\u3001\u5F3A\u6821\u5E26\u5F31\u6821\uFF0C\u4FC3\u8FDB\u57CE\u4E61\u6559\u80B2\u4F18\u8D28\u5747\u8861\u53D1\u5C55\u3002',
          '\u8BFE\u540E\u670D\u52A1\u5B9E\u73B0\u4E49\u52A1\u6559\u80B2\u5B66\u6821\u5168\u8986\u76D6\uFF0C\u5B66\u6821\u5F00\u8BBE\u4E86\u4E66\u6CD5\u3001\u8DB3\u7403\u3001\u79D1\u5B66\u5B9E\u9A8C\u7B49{n}\u7C7B\u7279\u8272\u8BFE\u7A0B\u3002',
          '\u201C\u5B69\u5B50\u653E\u5B66\u540E\u5728\u5B66\u6821\u5C31\u80FD\u5B8C\u6210\u4F5C\u4E1A\uFF0C\u8FD8\u80FD\u53C2\u52A0\u5174\u8DA3\u793E\u56E2\uFF0C\u6211\u4EEC\u505A\u5BB6\u957F\u7684\u7701\u5FC3\u591A\u4E86\u3002\u201D\u4E00\u4F4D\u5B66\u751F\u5BB6\u957F\u8BF4\u3002',
          '{dept}\u6301\u7EED\u52A0\u5F3A\u6559\u5E08\u961F\u4F0D\u5EFA\u8BBE\uFF0C\u4ECA\u5E74\u62DB\u8058\u4E2D\u5C0F\u5B66\u6559\u5E08{k}\u540D\uFF0C\u7EC4\u7EC7\u9AA8\u5E72\u6559\u5E08\u57F9\u8BAD{k}\u4EBA\u6B21\u3002',
          '{official}\u8868\u793A\uFF0C\u5C06\u6301\u7EED\u63A8\u8FDB\u6559\u80B2\u4F18\u8D28\u5747\u8861\u53D1\u5C55\uFF0C\u52AA\u529B\u529E\u597D\u4EBA\u6C11\u6EE1\u610F\u7684\u6559\u80B2\u3002',
          '\u5B66\u6821\u8FD8\u914D\u5907\u4E86\u667A\u6167\u9ED1\u677F\u3001\u5F55\u64AD\u6559\u5BA4\u7B49\u4FE1\u606F\u5316\u8BBE\u5907\uFF0C\u8BA9\u4E61\u6751\u5B69\u5B50\u4E5F\u80FD\u5171\u4EAB\u4F18\u8D28\u6559\u80B2\u8D44\u6E90\u3002',
        ],
        scenes: [
          '\u5B66\u751F\u4EEC\u5728\u65B0\u5EFA\u6210\u7684\u6559\u5BA4\u91CC\u4E0A\u8BFE',
          '\u5B69\u5B50\u4EEC\u5728\u8BFE\u540E\u670D\u52A1\u65F6\u95F4\u53C2\u52A0\u8DB3\u7403\u8BAD\u7EC3',
        ],
      },
      {
        name: '\u533B\u7597\u536B\u751F',
        dept: 'health',
        reach: 'everywhere',
        tags: ['\u533B\u7597\u536B\u751F', '\u533B\u4FDD', '\u5065\u5EB7\u670D\u52A1'],
        titles: [
          '{place}\uFF1A\u5BB6\u95E8\u53E3\u770B\u75C5\u66F4\u65B9\u4FBF\u4E86',
          '{place}\u63A8\u8FDB\u7D27\u5BC6\u578B\u53BF\u57DF\u533B\u5171\u4F53\u5EFA\u8BBE \u7FA4\u4F17\u5C31\u533B\u66F4\u4FBF\u6377',
          '\u533B\u4FDD\u670D\u52A1\u201C\u4E0D\u6253\u70CA\u201D {n}\u9879\u4E1A\u52A1\u5B9E\u73B0\u201C\u638C\u4E0A\u529E\u201D',
          '\u4E13\u5BB6\u4E0B\u6C89\u5230\u57FA\u5C42 \u5927\u75C5\u4E0D\u51FA\u53BF',
        ],
        subtitles: [
          '{n}\u4E2A\u4E61\u9547\u536B\u751F\u9662\u5B8C\u6210\u63D0\u6863\u5347\u7EA7',
          '\u57FA\u5C42\u533B\u7597\u673A\u6784\u8BCA\u7597\u91CF\u540C\u6BD4\u589E\u957F{pct}%',
        ],
        sentences: [
          '{md}\uFF0C\u5728{place}{town}\u536B\u751F\u9662\uFF0C\u524D\u6765\u5C31\u8BCA\u7684\u7FA4\u4F17\u6709\u5E8F\u6392\u961F\uFF0C\u533B\u751F\u6B63\u5728\u4E3A\u60A3\u8005\u8FDB\u884C\u68C0\u67E5\u3002',
          '{place}\u6301\u7EED\u63A8\u8FDB\u4F18\u8D28\u533B\u7597\u8D44\u6E90\u6269\u5BB9\u4E0B\u6C89\uFF0C\u7EC4\u5EFA\u533B\u7597\u96C6\u56E2{n}\u4E2A\uFF0C\u8986\u76D6\u57FA\u5C42\u533B\u7597\u673A\u6784{k}\u5BB6\u3002',
          '\u901A\u8FC7\u8FDC\u7A0B\u4F1A\u8BCA\u7CFB\u7EDF\uFF0C\u57FA\u5C42\u533B\u751F\u53EF\u4EE5\u5B9E\u65F6\u5411\u4E0A\u7EA7\u533B\u9662\u4E13\u5BB6\u8BF7\u6559\uFF0C\u7FA4\u4F17\u5728\u5BB6\u95E8\u53E3\u5C31\u80FD\u4EAB\u53D7\u4E13\u5BB6\u670D\u52A1\u3002',
          '\u201C\u4EE5\u524D\u770B\u75C5\u5F97\u5F80\u5E02\u91CC\u8DD1\uFF0C\u73B0\u5728\u5728\u9547\u4E0A\u5C31\u80FD\u770B\uFF0C\u8FD8\u80FD\u76F4\u63A5\u62A5\u9500\uFF0C\u65B9\u4FBF\u591A\u4E86\u3002\u201D\u524D\u6765\u5C31\u8BCA\u7684\u6751\u6C11\u8BF4\u3002',
          '\u4ECA\u5E74\u4EE5\u6765\uFF0C{place}\u57FA\u5C42\u533B\u7597\u673A\u6784\u8BCA\u7597\u4EBA\u6B21\u540C\u6BD4\u589E\u957F{pct}%\uFF0C\u53BF\u57DF\u5185\u5C31\u8BCA\u7387\u8FBE\u5230{high}%\u3002',
          '{dept}\u63A8\u8FDB\u5BB6\u5EAD\u533B\u751F\u7B7E\u7EA6\u670D\u52A1\uFF0C\u91CD\u70B9\u4EBA\u7FA4\u7B7E\u7EA6\u7387\u8FBE\u5230{high}%\u3002',
          '\u533B\u4FDD\u90E8\u95E8\u63A8\u884C\u5F02\u5730\u5C31\u533B\u76F4\u63A5\u7ED3\u7B97\uFF0C\u7FA4\u4F17\u8DE8\u7701\u5C31\u533B\u4E0D\u7528\u518D\u57AB\u4ED8\u8D44\u91D1\u3001\u6765\u56DE\u8DD1\u817F\u3002',
          '{official}\u4ECB\u7ECD\uFF0C\u5C06\u7EE7\u7EED\u52A0\u5F3A\u57FA\u5C42\u533B\u7597\u536B\u751F\u670D\u52A1\u80FD\u529B\u5EFA\u8BBE\uFF0C\u8BA9\u7FA4\u4F17\u770B\u75C5\u5C31\u533B\u66F4\u7701\u5FC3\u3002',
        ],
        scenes: [
          '\u533B\u751F\u4E3A\u524D\u6765\u5C31\u8BCA\u7684\u7FA4\u4F17\u8FDB\u884C\u68C0\u67E5',
          '\u5BB6\u5EAD\u533B\u751F\u5165\u6237\u4E3A\u8001\u4EBA\u6D4B\u91CF\u8840\u538B',
        ],
      },
      {
        name: '\u4EA4\u901A\u5EFA\u8BBE',
        dept: 'transport',
        reach: 'everywhere',
        tags: ['\u4EA4\u901A\u5EFA\u8BBE', '\u519C\u6751\u516C\u8DEF', '\u516C\u4EA4\u51FA\u884C'],
        titles: [
          '{place}\uFF1A{n}\u6761\u519C\u6751\u516C\u8DEF\u63D0\u6863\u5347\u7EA7 \u6751\u6C11\u51FA\u884C\u66F4\u987A\u7545',
          '\u91CD\u70B9\u4EA4\u901A\u9879\u76EE\u52A0\u901F\u63A8\u8FDB {place}\u8DEF\u7F51\u5EFA\u8BBE\u63D0\u901F',
          '{place}\u65B0\u5F00\u901A{n}\u6761\u516C\u4EA4\u7EBF\u8DEF \u65B9\u4FBF\u7FA4\u4F17\u51FA\u884C',
          '\u9AD8\u94C1\u65F6\u4EE3 {place}\u878D\u5165\u201C\u4E00\u5C0F\u65F6\u7ECF\u6D4E\u5708\u201D',
        ],
        subtitles: [
          '\u4ECA\u5E74\u8BA1\u5212\u5B8C\u6210\u4EA4\u901A\u6295\u8D44{yi}\u4EBF\u5143',
          '\u65B0\u6539\u5EFA\u519C\u6751\u516C\u8DEF{k}\u516C\u91CC',
        ],
        sentences: [
          '{md}\uFF0C\u5728{place}\u4E00\u5904\u516C\u8DEF\u5EFA\u8BBE\u73B0\u573A\uFF0C\u65BD\u5DE5\u673A\u68B0\u6765\u56DE\u7A7F\u68AD\uFF0C\u5DE5\u4EBA\u4EEC\u6B63\u5728\u8FDB\u884C\u8DEF\u9762\u644A\u94FA\u4F5C\u4E1A\u3002',
          '\u4ECA\u5E74\uFF0C{place}\u8BA1\u5212\u5B9E\u65BD\u4EA4\u901A\u91CD\u70B9\u9879\u76EE{n}\u4E2A\uFF0C\u5B8C\u6210\u6295\u8D44{yi}\u4EBF\u5143\u3002',
          '{place}\u6DF1\u5165\u63A8\u8FDB\u201C\u56DB\u597D\u519C\u6751\u8DEF\u201D\u5EFA\u8BBE\uFF0C\u65B0\u6539\u5EFA\u519C\u6751\u516C\u8DEF{k}\u516C\u91CC\uFF0C\u5177\u5907\u6761\u4EF6\u7684\u81EA\u7136\u6751\u5168\u90E8\u901A\u4E0A\u4E86\u786C\u5316\u8DEF\u3002',
          '\u201C\u8DEF\u4FEE\u597D\u4E86\uFF0C\u519C\u4EA7\u54C1\u8FD0\u51FA\u53BB\u65B9\u4FBF\u4E86\uFF0C\u6536\u8D2D\u5546\u76F4\u63A5\u5F00\u8F66\u5230\u5730\u5934\u6765\u6536\u3002\u201D\u9644\u8FD1\u7684\u6751\u6C11\u8BF4\u3002',
          '{dept}\u4F18\u5316\u8C03\u6574\u516C\u4EA4\u7EBF\u8DEF\uFF0C\u65B0\u5F00\u901A{n}\u6761\u516C\u4EA4\u7EBF\u8DEF\uFF0C\u8986\u76D6{k}\u4E2A\u6751\u5E84\u548C\u793E\u533A\u3002',
          '\u9879\u76EE\u5EFA\u6210\u540E\uFF0C\u5C06\u8FDB\u4E00\u6B65\u5B8C\u5584\u533A\u57DF\u8DEF\u7F51\u7ED3\u6784\uFF0C\u4E3A\u6CBF\u7EBF\u7ECF\u6D4E\u53D1\u5C55\u6CE8\u5165\u65B0\u52A8\u80FD\u3002',
          '\u968F\u7740\u9AD8\u94C1\u5F00\u901A\u8FD0\u8425\uFF0C{place}\u5230\u5468\u8FB9\u4E2D\u5FC3\u57CE\u5E02\u7684\u65F6\u7A7A\u8DDD\u79BB\u5927\u5E45\u7F29\u77ED\u3002',
          '\u65BD\u5DE5\u5355\u4F4D\u5728\u786E\u4FDD\u5B89\u5168\u548C\u8D28\u91CF\u7684\u524D\u63D0\u4E0B\uFF0C\u5012\u6392\u5DE5\u671F\u3001\u6302\u56FE\u4F5C\u6218\uFF0C\u5168\u529B\u52A0\u5FEB\u65BD\u5DE5\u8FDB\u5EA6\u3002',
        ],
        scenes: [
          '\u65BD\u5DE5\u4EBA\u5458\u5728\u516C\u8DEF\u5EFA\u8BBE\u73B0\u573A\u4F5C\u4E1A',
          '\u5E02\u6C11\u4E58\u5750\u65B0\u5F00\u901A\u7684\u516C\u4EA4\u7EBF\u8DEF\u51FA\u884C',
        ],
      },
      {
        name: '\u9EC4\u6CB3\u6D41\u57DF\u751F\u6001\u4FDD\u62A4',
        dept: 'ecology',
        reach: 'everywhere',
        tags: ['\u9EC4\u6CB3\u6D41\u57DF\u751F\u6001\u4FDD\u62A4', '\u751F\u6001\u73AF\u5883', '\u6CB3\u957F\u5236'],
        titles: [
          '{place}\u624E\u5B9E\u63A8\u8FDB\u9EC4\u6CB3\u6D41\u57DF\u751F\u6001\u4FDD\u62A4\u548C\u9AD8\u8D28\u91CF\u53D1\u5C55',
          '\u5B88\u62A4\u6BCD\u4EB2\u6CB3 {place}\u6253\u597D\u751F\u6001\u4FDD\u62A4\u201C\u7EC4\u5408\u62F3\u201D',
          '{place}\u7A7A\u6C14\u8D28\u91CF\u4F18\u826F\u5929\u6570\u540C\u6BD4\u589E\u52A0{n}\u5929',
          '\u6CBF\u9EC4\u751F\u6001\u5ECA\u9053\u7EFF\u610F\u6D53 {place}\u751F\u6001\u989C\u503C\u6301\u7EED\u63D0\u5347',
        ],
        subtitles: [
          '\u4ECA\u5E74\u5B8C\u6210\u9020\u6797\u7EFF\u5316{k}\u4EA9',
          '\u6CB3\u6D41\u65AD\u9762\u6C34\u8D28\u7A33\u5B9A\u8FBE\u6807',
        ],
        sentences: [
          '{md}\uFF0C\u5728{place}\u6CBF\u9EC4\u751F\u6001\u5ECA\u9053\uFF0C\u65B0\u683D\u690D\u7684\u6811\u6728\u6210\u6392\u6210\u884C\uFF0C\u5824\u5761\u4E0A\u7EFF\u610F\u76CE\u7136\u3002',
          '{place}\u575A\u6301\u751F\u6001\u4F18\u5148\u3001\u7EFF\u8272\u53D1\u5C55\uFF0C\u7EDF\u7B79\u63A8\u8FDB\u5C71\u6C34\u6797\u7530\u6E56\u8349\u6C99\u4E00\u4F53\u5316\u4FDD\u62A4\u548C\u7CFB\u7EDF\u6CBB\u7406\u3002',
          '\u4ECA\u5E74\u4EE5\u6765\uFF0C{place}\u5B8C\u6210\u9020\u6797\u7EFF\u5316{k}\u4EA9\uFF0C\u65B0\u5EFA\u6E7F\u5730\u516C\u56ED{n}\u5904\u3002',
          '{dept}\u6301\u7EED\u6DF1\u5165\u6253\u597D\u84DD\u5929\u3001\u78A7\u6C34\u3001\u51C0\u571F\u4FDD\u536B\u6218\uFF0CPM2.5\u5E73\u5747\u6D53\u5EA6\u540C\u6BD4\u4E0B\u964D{pct}%\u3002',
          '\u901A\u8FC7\u5B9E\u65BD\u6CB3\u9053\u6E05\u6DE4\u3001\u5CB8\u7EBF\u6574\u6CBB\u7B49\u5DE5\u7A0B\uFF0C\u6CB3\u6D41\u6C34\u8D28\u660E\u663E\u6539\u5584\uFF0C\u767D\u9E6D\u3001\u91CE\u9E2D\u7B49\u9E1F\u7C7B\u56DE\u6765\u4E86\u3002',
          '\u201C\u73B0\u5728\u6CB3\u6C34\u6E05\u4E86\u3001\u5CB8\u8FB9\u7EFF\u4E86\uFF0C\u6BCF\u5929\u508D\u665A\u90FD\u6765\u8FD9\u91CC\u6563\u6563\u6B65\u3002\u201D\u9644\u8FD1\u5C45\u6C11\u8BF4\u3002',
          '{place}\u5168\u9762\u843D\u5B9E\u6CB3\u957F\u5236\u6E56\u957F\u5236\uFF0C\u5404\u7EA7\u6CB3\u6E56\u957F\u7D2F\u8BA1\u5DE1\u6CB3{k}\u6B21\uFF0C\u53D1\u73B0\u5E76\u6574\u6539\u95EE\u9898{k}\u4E2A\u3002',
          '\u4E0B\u4E00\u6B65\uFF0C\u5C06\u6301\u7EED\u63A8\u52A8\u9EC4\u6CB3\u6D41\u57DF\u751F\u6001\u4FDD\u62A4\u548C\u9AD8\u8D28\u91CF\u53D1\u5C55\u91CD\u5927\u56FD\u5BB6\u6218\u7565\u843D\u5730\u843D\u5B9E\u3002',
        ],
        scenes: [
          '\u6CBF\u9EC4\u751F\u6001\u5ECA\u9053\u666F\u8272\u5B9C\u4EBA',
          '\u767D\u9E6D\u5728\u6E7F\u5730\u4E2D\u89C5\u98DF',
        ],
      },
      {
        name: '\u8FD0\u6CB3\u6587\u5316',
        dept: 'culture',
        reach: 'local',
        tags: ['\u8FD0\u6CB3\u6587\u5316', '\u6587\u5316\u9057\u4EA7', '\u975E\u9057\u4F20\u627F'],
        titles: [
          '{place}\uFF1A\u64E6\u4EAE\u5927\u8FD0\u6CB3\u6587\u5316\u5E26\u201C\u91D1\u540D\u7247\u201D',
          '\u5343\u5E74\u8FD0\u6CB3\u7115\u65B0\u989C \u53E4\u57CE\u6587\u8109\u7EED\u65B0\u7BC7',
          '{place}\u63A8\u8FDB\u5927\u8FD0\u6CB3\u56FD\u5BB6\u6587\u5316\u516C\u56ED\u5EFA\u8BBE',
          '\u8FD0\u6CB3\u975E\u9057\u8FDB\u6821\u56ED \u4F20\u7EDF\u6587\u5316\u6DA6\u7AE5\u5FC3',
        ],
        subtitles: [
          '{n}\u4E2A\u8FD0\u6CB3\u6587\u5316\u4FDD\u62A4\u4F20\u627F\u9879\u76EE\u52A0\u5FEB\u63A8\u8FDB',
          '{n}\u4E2A\u975E\u9057\u9879\u76EE\u5165\u9009\u7701\u7EA7\u540D\u5F55',
        ],
        sentences: [
          '{md}\uFF0C\u5728{landmark}\uFF0C\u6E38\u5BA2\u4EEC\u9A7B\u8DB3\u89C2\u770B\u53E4\u5EFA\u7B51\uFF0C\u611F\u53D7\u5343\u5E74\u8FD0\u6CB3\u7684\u5386\u53F2\u97F5\u5473\u3002',
          '\u804A\u57CE\u56E0\u8FD0\u6CB3\u800C\u5174\uFF0C\u8FD0\u6CB3\u6587\u5316\u662F\u8FD9\u5EA7\u57CE\u5E02\u6700\u9C9C\u660E\u7684\u6587\u5316\u6807\u8BC6\u4E4B\u4E00\u3002',
          '{place}\u7CFB\u7EDF\u63A8\u8FDB\u5927\u8FD0\u6CB3\u6587\u5316\u4FDD\u62A4\u4F20\u627F\u5229\u7528\uFF0C\u5B9E\u65BD\u6587\u7269\u4FDD\u62A4\u4FEE\u7F2E\u9879\u76EE{n}\u4E2A\u3002',
          '\u4F9D\u6258\u8FD0\u6CB3\u6CBF\u7EBF\u7684\u4F1A\u9986\u3001\u949E\u5173\u3001\u53E4\u8857\u7B49\u5386\u53F2\u9057\u5B58\uFF0C{place}\u6253\u9020\u4E86\u4E00\u6279\u6587\u65C5\u878D\u5408\u65B0\u573A\u666F\u3002',
          '\u201C\u8FD0\u6CB3\u6587\u5316\u662F\u6211\u4EEC\u7684\u6839\uFF0C\u8981\u8BA9\u66F4\u591A\u5E74\u8F7B\u4EBA\u4E86\u89E3\u5B83\u3001\u559C\u6B22\u5B83\u3002\u201D\u4E00\u4F4D\u975E\u9057\u4F20\u627F\u4EBA\u8BF4\u3002',
          '\u76EE\u524D\uFF0C{place}\u5DF2\u6709{n}\u4E2A\u9879\u76EE\u5165\u9009\u7701\u7EA7\u4EE5\u4E0A\u975E\u7269\u8D28\u6587\u5316\u9057\u4EA7\u4EE3\u8868\u6027\u9879\u76EE\u540D\u5F55\u3002',
          '{dept}\u7EC4\u7EC7\u5F00\u5C55\u8FD0\u6CB3\u6587\u5316\u8FDB\u6821\u56ED\u3001\u8FDB\u793E\u533A\u6D3B\u52A8{k}\u573A\u6B21\uFF0C\u8BA9\u8FD0\u6CB3\u6587\u5316\u201C\u6D3B\u201D\u8D77\u6765\u3002',
          '\u4E0B\u4E00\u6B65\uFF0C\u5C06\u52A0\u5F3A\u8FD0\u6CB3\u6587\u5316\u7814\u7A76\u9610\u91CA\uFF0C\u8BB2\u597D\u65B0\u65F6\u4EE3\u8FD0\u6CB3\u6545\u4E8B\u3002',
        ],
        scenes: [
          '\u6E38\u5BA2\u5728\u8FD0\u6CB3\u5CB8\u8FB9\u6E38\u89C8',
          '\u975E\u9057\u4F20\u627F\u4EBA\u5C55\u793A\u4F20\u7EDF\u6280\u827A',
        ],
      },
      {
        name: '\u6C11\u751F\u5B9E\u4E8B',
        dept: 'civil',
        reach: 'everywhere',
        tags: ['\u6C11\u751F\u5B9E\u4E8B', '\u517B\u8001\u670D\u52A1', '\u8001\u65E7\u5C0F\u533A\u6539\u9020'],
        titles: [
          '{place}{n}\u4EF6\u6C11\u751F\u5B9E\u4E8B\u4EF6\u4EF6\u6709\u7740\u843D',
          '\u8001\u65E7\u5C0F\u533A\u6539\u9020 \u8BA9\u5C45\u6C11\u751F\u6D3B\u66F4\u8212\u5FC3',
          '{place}\uFF1A\u5E78\u798F\u98DF\u5802\u8BA9\u8001\u4EBA\u5403\u4E0A\u201C\u6696\u5FC3\u996D\u201D',
          '{place}\u4ECA\u5E74\u5C06\u529E\u597D{n}\u4EF6\u6C11\u751F\u5B9E\u4E8B',
        ],
        subtitles: [
          '\u6539\u9020\u8001\u65E7\u5C0F\u533A{n}\u4E2A \u60E0\u53CA\u5C45\u6C11{k}\u6237',
          '\u6C11\u751F\u652F\u51FA\u5360\u6BD4\u4FDD\u6301\u5728\u516B\u6210\u5DE6\u53F3',
        ],
        sentences: [
          '{md}\uFF0C\u5728{place}{town}\u7684\u4E00\u5904\u8001\u65E7\u5C0F\u533A\uFF0C\u65B0\u94FA\u7684\u9053\u8DEF\u5E73\u6574\u5E72\u51C0\uFF0C\u697C\u9053\u91CC\u88C5\u4E0A\u4E86\u58F0\u63A7\u706F\u3002',
          '\u4ECA\u5E74\u4EE5\u6765\uFF0C{place}\u805A\u7126\u7FA4\u4F17\u6025\u96BE\u6101\u76FC\u95EE\u9898\uFF0C\u786E\u5B9A\u4E86{n}\u4EF6\u6C11\u751F\u5B9E\u4E8B\u9879\u76EE\uFF0C\u76EE\u524D\u5DF2\u5B8C\u6210\u5E74\u5EA6\u76EE\u6807\u4EFB\u52A1\u7684{high}%\u3002',
          '{place}\u5EFA\u8BBE\u8FD0\u8425\u5E78\u798F\u98DF\u5802{k}\u5904\uFF0C\u4E3A\u8F96\u533A\u8001\u5E74\u4EBA\u63D0\u4F9B\u52A9\u9910\u670D\u52A1\u3002',
          '\u201C\u73B0\u5728\u5728\u5BB6\u95E8\u53E3\u5C31\u80FD\u5403\u4E0A\u70ED\u4E4E\u996D\uFF0C\u4EF7\u683C\u4E5F\u5B9E\u60E0\uFF0C\u6211\u4EEC\u8001\u4E24\u53E3\u53EF\u7701\u5FC3\u4E86\u3002\u201D\u6B63\u5728\u5C31\u9910\u7684\u8001\u4EBA\u8BF4\u3002',
          '{dept}\u63A8\u8FDB\u8001\u65E7\u5C0F\u533A\u6539\u9020\uFF0C\u4ECA\u5E74\u8BA1\u5212\u6539\u9020\u5C0F\u533A{n}\u4E2A\uFF0C\u60E0\u53CA\u5C45\u6C11{k}\u6237\u3002',
          '\u793E\u533A\u8FD8\u914D\u5EFA\u4E86\u53E3\u888B\u516C\u56ED\u3001\u4FBF\u6C11\u670D\u52A1\u7AD9\uFF0C\u5C45\u6C11\u7684\u5E78\u798F\u611F\u3001\u83B7\u5F97\u611F\u4E0D\u65AD\u63D0\u5347\u3002',
          '{official}\u8868\u793A\uFF0C\u5C06\u575A\u6301\u5C3D\u529B\u800C\u4E3A\u3001\u91CF\u529B\u800C\u884C\uFF0C\u628A\u6C11\u751F\u5B9E\u4E8B\u4E00\u4EF6\u4E00\u4EF6\u529E\u597D\u3002',
          '{place}\u6C11\u751F\u652F\u51FA\u5360\u4E00\u822C\u516C\u5171\u9884\u7B97\u652F\u51FA\u7684\u6BD4\u91CD\u4FDD\u6301\u5728\u516B\u6210\u5DE6\u53F3\u3002',
        ],
        scenes: [
          '\u793E\u533A\u5FD7\u613F\u8005\u4E3A\u8001\u4EBA\u9001\u9910',
          '\u6539\u9020\u540E\u7684\u8001\u65E7\u5C0F\u533A\u73AF\u5883\u6574\u6D01',
        ],
      },
      {
        name: '\u9632\u6C5B',
        dept: 'emergency',
        reach: 'everywhere',
        tags: ['\u9632\u6C5B', '\u5E94\u6025\u7BA1\u7406', '\u5B89\u5168\u751F\u4EA7'],
        titles: [
          '{place}\u5168\u529B\u505A\u597D\u9632\u6C5B\u5907\u6C5B\u5404\u9879\u5DE5\u4F5C',
          '\u95FB\u201C\u6C5B\u201D\u800C\u52A8 {place}\u7B51\u7262\u5B89\u5168\u5EA6\u6C5B\u9632\u7EBF',
          '{place}\u5F00\u5C55\u9632\u6C5B\u5E94\u6025\u6F14\u7EC3 \u63D0\u5347\u5B9E\u6218\u80FD\u529B',
          '\u5F3A\u964D\u96E8\u6765\u88AD {place}\u5E72\u90E8\u7FA4\u4F17\u8FDE\u591C\u6392\u6D9D',
        ],
        subtitles: [
          '\u50A8\u5907\u9632\u6C5B\u7269\u8D44{k}\u4F59\u4EF6',
          '{n}\u652F\u62A2\u9669\u961F\u4F0D\u968F\u65F6\u5F85\u547D',
        ],
        sentences: [
          '{md}\uFF0C{place}\u7EC4\u7EC7\u5F00\u5C55\u9632\u6C5B\u5E94\u6025\u6F14\u7EC3\uFF0C\u6A21\u62DF\u6CB3\u9053\u7BA1\u6D8C\u3001\u5824\u575D\u6F2B\u6EA2\u7B49\u9669\u60C5\u5904\u7F6E\u3002',
          '\u5165\u6C5B\u4EE5\u6765\uFF0C{place}\u4E25\u683C\u843D\u5B9E24\u5C0F\u65F6\u503C\u73ED\u548C\u9886\u5BFC\u5E26\u73ED\u5236\u5EA6\uFF0C\u786E\u4FDD\u6C5B\u60C5\u65E9\u53D1\u73B0\u3001\u65E9\u62A5\u544A\u3001\u65E9\u5904\u7F6E\u3002',
          '{place}\u50A8\u5907\u7F16\u7EC7\u888B\u3001\u6551\u751F\u8863\u3001\u62BD\u6C34\u6CF5\u7B49\u5404\u7C7B\u9632\u6C5B\u7269\u8D44{k}\u4F59\u4EF6\uFF0C\u7EC4\u5EFA\u62A2\u9669\u6551\u63F4\u961F\u4F0D{n}\u652F\u3002',
          '\u53D7\u5F3A\u964D\u96E8\u5F71\u54CD\uFF0C\u90E8\u5206\u8DEF\u6BB5\u51FA\u73B0\u79EF\u6C34\uFF0C\u76F8\u5173\u90E8\u95E8\u7B2C\u4E00\u65F6\u95F4\u51FA\u52A8\u6392\u6D9D\u8BBE\u5907\u548C\u4EBA\u5458\u8FDB\u884C\u62A2\u6392\u3002',
          '\u201C\u96E8\u4E00\u505C\u6211\u4EEC\u5C31\u4E0A\u6765\u5DE1\u67E5\u4E86\uFF0C\u4F4E\u6D3C\u5730\u6BB5\u4E00\u4E2A\u90FD\u4E0D\u80FD\u6F0F\u3002\u201D\u6B63\u5728\u5DE1\u67E5\u7684\u5DE5\u4F5C\u4EBA\u5458\u8BF4\u3002',
          '{dept}\u5BF9\u8F96\u533A\u6CB3\u9053\u3001\u6C34\u5E93\u3001\u6DB5\u95F8\u7B49\u91CD\u70B9\u90E8\u4F4D\u5F00\u5C55\u62C9\u7F51\u5F0F\u6392\u67E5\uFF0C\u53D1\u73B0\u5E76\u6574\u6539\u9690\u60A3{n}\u5904\u3002',
          '{official}\u63D0\u9192\uFF0C\u5E7F\u5927\u5E02\u6C11\u8981\u5BC6\u5207\u5173\u6CE8\u5929\u6C14\u9884\u62A5\uFF0C\u96E8\u5929\u5C3D\u91CF\u51CF\u5C11\u5916\u51FA\uFF0C\u6CE8\u610F\u51FA\u884C\u5B89\u5168\u3002',
          '\u636E\u6C14\u8C61\u90E8\u95E8\u9884\u6D4B\uFF0C\u672A\u6765\u51E0\u5929\u4ECD\u6709\u964D\u96E8\u8FC7\u7A0B\uFF0C\u5404\u7EA7\u5404\u90E8\u95E8\u8981\u65F6\u523B\u7EF7\u7D27\u9632\u6C5B\u8FD9\u6839\u5F26\u3002',
        ],
        scenes: [
          '\u6551\u63F4\u4EBA\u5458\u8FDB\u884C\u9632\u6C5B\u5E94\u6025\u6F14\u7EC3',
          '\u5DE5\u4F5C\u4EBA\u5458\u5728\u79EF\u6C34\u8DEF\u6BB5\u6392\u6D9D',
        ],
      },
      {
        name: '\u62DB\u5546\u5F15\u8D44',
        dept: 'commerce',
        reach: 'everywhere',
        tags: ['\u62DB\u5546\u5F15\u8D44', '\u9879\u76EE\u5EFA\u8BBE', '\u9AD8\u8D28\u91CF\u53D1\u5C55'],
        titles: [
          '{place}{n}\u4E2A\u91CD\u70B9\u9879\u76EE\u96C6\u4E2D\u7B7E\u7EA6 \u603B\u6295\u8D44{yi}\u4EBF\u5143',
          '{place}\uFF1A\u4EE5\u201C\u9879\u76EE\u4E3A\u738B\u201D\u63A8\u52A8\u9AD8\u8D28\u91CF\u53D1\u5C55',
          '{company}\u9879\u76EE\u5F00\u5DE5 \u9884\u8BA1\u5E74\u4EA7\u503C{yi}\u4EBF\u5143',
          '\u62DB\u5927\u5F15\u5F3A {place}\u62DB\u5546\u5F15\u8D44\u5B9E\u73B0\u65B0\u7A81\u7834',
        ],
        subtitles: [
          '\u7B7E\u7EA6\u9879\u76EE\u6DB5\u76D6\u65B0\u6750\u6599\u3001\u9AD8\u7AEF\u88C5\u5907\u3001\u751F\u7269\u533B\u836F\u7B49\u9886\u57DF',
          '\u4ECA\u5E74\u4EE5\u6765\u65B0\u7B7E\u7EA6\u8FC7\u4EBF\u5143\u9879\u76EE{n}\u4E2A',
        ],
        sentences: [
          '{md}\uFF0C{place}\u4E3E\u884C\u91CD\u70B9\u9879\u76EE\u96C6\u4E2D\u7B7E\u7EA6\u4EEA\u5F0F\uFF0C{n}\u4E2A\u9879\u76EE\u73B0\u573A\u7B7E\u7EA6\uFF0C\u603B\u6295\u8D44{yi}\u4EBF\u5143\u3002',
          '\u7B7E\u7EA6\u9879\u76EE\u6DB5\u76D6\u65B0\u6750\u6599\u3001\u9AD8\u7AEF\u88C5\u5907\u5236\u9020\u3001\u751F\u7269\u533B\u836F\u3001\u73B0\u4EE3\u7269\u6D41\u7B49\u9886\u57DF\uFF0C\u4EA7\u4E1A\u5E26\u52A8\u4F5C\u7528\u5F3A\u3002',
          '{company}\u8D1F\u8D23\u4EBA\u8868\u793A\uFF0C\u770B\u4E2D\u7684\u662F\u8FD9\u91CC\u826F\u597D\u7684\u4EA7\u4E1A\u57FA\u7840\u548C\u9AD8\u6548\u7684\u653F\u52A1\u670D\u52A1\u3002',
          '{place}\u575A\u6301\u62DB\u5927\u5F15\u5F3A\u3001\u62DB\u65B0\u5F15\u4F18\uFF0C\u7EC4\u5EFA{n}\u4E2A\u4EA7\u4E1A\u94FE\u62DB\u5546\u4E13\u73ED\uFF0C\u5F00\u5C55\u7CBE\u51C6\u62DB\u5546\u3002',
          '\u4ECA\u5E74\u4EE5\u6765\uFF0C{place}\u65B0\u7B7E\u7EA6\u8FC7\u4EBF\u5143\u9879\u76EE{n}\u4E2A\uFF0C\u5230\u4F4D\u8D44\u91D1{yi}\u4EBF\u5143\uFF0C\u540C\u6BD4\u589E\u957F{pct}%\u3002',
          '\u5728{company}\u9879\u76EE\u5EFA\u8BBE\u73B0\u573A\uFF0C\u5854\u540A\u6797\u7ACB\uFF0C\u673A\u5668\u8F70\u9E23\uFF0C\u5DE5\u4EBA\u4EEC\u6B63\u5728\u6293\u7D27\u65BD\u5DE5\u3002',
          '{dept}\u5B9E\u884C\u9879\u76EE\u5168\u751F\u547D\u5468\u671F\u670D\u52A1\uFF0C\u4E3A\u4F01\u4E1A\u63D0\u4F9B\u201C\u4E00\u5BF9\u4E00\u201D\u5E2E\u529E\u4EE3\u529E\u670D\u52A1\u3002',
          '\u9879\u76EE\u5EFA\u6210\u6295\u4EA7\u540E\uFF0C\u9884\u8BA1\u53EF\u5B9E\u73B0\u5E74\u4EA7\u503C{yi}\u4EBF\u5143\uFF0C\u5E26\u52A8\u5C31\u4E1A{k}\u4EBA\u3002',
        ],
        scenes: [
          '\u91CD\u70B9\u9879\u76EE\u96C6\u4E2D\u7B7E\u7EA6\u73B0\u573A',
          '\u5DE5\u4EBA\u5728\u9879\u76EE\u5EFA\u8BBE\u73B0\u573A\u65BD\u5DE5',
        ],
      },
      {
        name: '\u79D1\u6280\u521B\u65B0',
        dept: 'science',
        reach: 'everywhere',
        tags: ['\u79D1\u6280\u521B\u65B0', '\u65B0\u8D28\u751F\u4EA7\u529B', '\u6570\u5B57\u7ECF\u6D4E'],
        titles: [
          '{place}\uFF1A\u79D1\u6280\u521B\u65B0\u8D4B\u80FD\u4EA7\u4E1A\u8F6C\u578B\u5347\u7EA7',
          '{company}\u7814\u53D1\u65B0\u4EA7\u54C1 \u586B\u8865\u884C\u4E1A\u6280\u672F\u7A7A\u767D',
          '{place}\u65B0\u589E\u9AD8\u65B0\u6280\u672F\u4F01\u4E1A{n}\u5BB6',
          '\u667A\u80FD\u5316\u6539\u9020\u8BA9\u4F20\u7EDF\u4F01\u4E1A\u7115\u53D1\u65B0\u6D3B\u529B',
        ],
        subtitles: [
          '\u7814\u53D1\u6295\u5165\u540C\u6BD4\u589E\u957F{pct}%',
          '\u5EFA\u6210\u7701\u7EA7\u4EE5\u4E0A\u521B\u65B0\u5E73\u53F0{n}\u4E2A',
        ],
        sentences: [
          '{md}\uFF0C\u5728{company}\u7684\u667A\u80FD\u8F66\u95F4\u91CC\uFF0C\u673A\u68B0\u81C2\u7CBE\u51C6\u4F5C\u4E1A\uFF0C\u751F\u4EA7\u7EBF\u6709\u5E8F\u8FD0\u8F6C\u3002',
          '{place}\u6DF1\u5165\u5B9E\u65BD\u521B\u65B0\u9A71\u52A8\u53D1\u5C55\u6218\u7565\uFF0C\u4ECA\u5E74\u65B0\u589E\u9AD8\u65B0\u6280\u672F\u4F01\u4E1A{n}\u5BB6\u3001\u79D1\u6280\u578B\u4E2D\u5C0F\u4F01\u4E1A{k}\u5BB6\u3002',
          '\u4F01\u4E1A\u4E0E\u9AD8\u6821\u9662\u6240\u5408\u4F5C\u5171\u5EFA\u7814\u53D1\u5E73\u53F0\uFF0C\u653B\u514B\u5173\u952E\u6838\u5FC3\u6280\u672F{n}\u9879\uFF0C\u53D6\u5F97\u53D1\u660E\u4E13\u5229{n}\u9879\u3002',
          '\u201C\u901A\u8FC7\u667A\u80FD\u5316\u6539\u9020\uFF0C\u751F\u4EA7\u6548\u7387\u63D0\u9AD8\u4E86{pct}%\uFF0C\u4EA7\u54C1\u4E0D\u826F\u7387\u5927\u5E45\u4E0B\u964D\u3002\u201D{company}\u8D1F\u8D23\u4EBA\u8BF4\u3002',
          '{dept}\u51FA\u53F0\u652F\u6301\u79D1\u6280\u521B\u65B0\u82E5\u5E72\u63AA\u65BD\uFF0C\u5BF9\u4F01\u4E1A\u7814\u53D1\u6295\u5165\u7ED9\u4E88\u5956\u8865\uFF0C\u6FC0\u53D1\u4F01\u4E1A\u521B\u65B0\u6D3B\u529B\u3002',
          '{place}\u52A0\u5FEB\u53D1\u5C55\u65B0\u8D28\u751F\u4EA7\u529B\uFF0C\u63A8\u52A8\u6570\u5B57\u6280\u672F\u4E0E\u5B9E\u4F53\u7ECF\u6D4E\u6DF1\u5EA6\u878D\u5408\u3002',
          '\u76EE\u524D\uFF0C{place}\u5DF2\u5EFA\u6210\u7701\u7EA7\u4EE5\u4E0A\u521B\u65B0\u5E73\u53F0{n}\u4E2A\uFF0C\u96C6\u805A\u5404\u7C7B\u9AD8\u5C42\u6B21\u4EBA\u624D{k}\u4EBA\u3002',
          '{official}\u8868\u793A\uFF0C\u5C06\u6301\u7EED\u5F3A\u5316\u4F01\u4E1A\u521B\u65B0\u4E3B\u4F53\u5730\u4F4D\uFF0C\u4EE5\u79D1\u6280\u521B\u65B0\u5F15\u9886\u4EA7\u4E1A\u521B\u65B0\u3002',
        ],
        scenes: [
          '\u6280\u672F\u4EBA\u5458\u5728\u5B9E\u9A8C\u5BA4\u5F00\u5C55\u7814\u53D1',
          '\u667A\u80FD\u751F\u4EA7\u7EBF\u6B63\u5728\u8FD0\u8F6C',
        ],
      },
      {
        name: '12345\u70ED\u7EBF',
        dept: 'urban',
        reach: 'hotline',
        tags: ['12345\u70ED\u7EBF', '\u63A5\u8BC9\u5373\u529E', '\u6C11\u751F\u5B9E\u4E8B'],
        titles: [
          '\u5E02\u6C11\u53CD\u6620\u5C0F\u533A\u8DEF\u706F\u4E0D\u4EAE \u70ED\u7EBF\u7763\u529E\u540E\u5F53\u5929\u4FEE\u590D',
          '\u70ED\u7EBF\u56DE\u97F3\uFF1A{town}\u79EF\u6C34\u8DEF\u6BB5\u6709\u4E86\u65B0\u6392\u6C34\u7BA1',
          '\u7FA4\u4F17\u8BC9\u6C42\u201C\u4EF6\u4EF6\u6709\u56DE\u97F3\u201D 12345\u70ED\u7EBF\u529E\u7ED3\u7387\u8FBE{high}%',
          '\u4F9B\u6696\u4E0D\u70ED\uFF1F\u70ED\u7EBF\u8F6C\u529E\u540E\u7EF4\u4FEE\u4EBA\u5458\u4E0A\u95E8\u89E3\u51B3',
        ],
        subtitles: ['{month}\u53D7\u7406\u7FA4\u4F17\u8BC9\u6C42{k}\u4EF6'],
        sentences: [
          '\u8FD1\u65E5\uFF0C\u5BB6\u4F4F{place}{town}\u7684\u5E02\u6C11\u62E8\u625312345\u70ED\u7EBF\u53CD\u6620\uFF0C\u5C0F\u533A\u95E8\u53E3\u4E00\u6BB5\u8DEF\u9762\u7834\u635F\u4E25\u91CD\uFF0C\u96E8\u5929\u79EF\u6C34\uFF0C\u51FA\u884C\u4E0D\u4FBF\u3002',
          '\u70ED\u7EBF\u5DE5\u4F5C\u4EBA\u5458\u63A5\u5230\u8BC9\u6C42\u540E\uFF0C\u7B2C\u4E00\u65F6\u95F4\u5C06\u95EE\u9898\u8F6C\u529E\u81F3{dept}\u548C\u5C5E\u5730\u8857\u9053\u3002',
          '\u76F8\u5173\u90E8\u95E8\u5DE5\u4F5C\u4EBA\u5458\u5F53\u5929\u5230\u73B0\u573A\u67E5\u770B\uFF0C\u5236\u5B9A\u7EF4\u4FEE\u65B9\u6848\uFF0C{n}\u5929\u5185\u5B8C\u6210\u4E86\u8DEF\u9762\u4FEE\u590D\u3002',
          '\u201C\u6CA1\u60F3\u5230\u6253\u4E2A\u7535\u8BDD\u95EE\u9898\u8FD9\u4E48\u5FEB\u5C31\u89E3\u51B3\u4E86\uFF0C\u4E3A\u90E8\u95E8\u7684\u529E\u4E8B\u6548\u7387\u70B9\u8D5E\u3002\u201D\u53CD\u6620\u95EE\u9898\u7684\u5E02\u6C11\u8BF4\u3002',
          '{month}\uFF0C12345\u70ED\u7EBF\u5171\u53D7\u7406\u7FA4\u4F17\u8BC9\u6C42{k}\u4EF6\uFF0C\u529E\u7ED3\u7387{high}%\uFF0C\u7FA4\u4F17\u6EE1\u610F\u7387{high}%\u3002',
          '\u5BF9\u7FA4\u4F17\u53CD\u6620\u96C6\u4E2D\u7684\u95EE\u9898\uFF0C\u70ED\u7EBF\u5EFA\u7ACB\u201C\u63A5\u8BC9\u5373\u529E\u201D\u5DE5\u4F5C\u673A\u5236\uFF0C\u5B9E\u884C\u9996\u63A5\u8D1F\u8D23\u3001\u9650\u65F6\u529E\u7ED3\u3002',
          '\u8BB0\u8005\u56DE\u8BBF\u65F6\u770B\u5230\uFF0C\u7834\u635F\u8DEF\u9762\u5DF2\u7ECF\u4FEE\u8865\u5E73\u6574\uFF0C\u5468\u8FB9\u73AF\u5883\u4E5F\u5F97\u5230\u4E86\u6574\u6CBB\u3002',
          '\u5982\u679C\u60A8\u5728\u751F\u6D3B\u4E2D\u9047\u5230\u96BE\u9898\uFF0C\u53EF\u62E8\u625312345\u70ED\u7EBF\u6216\u901A\u8FC7\u804A\u57CE\u65B0\u95FB\u7F51\u201C\u70ED\u7EBF\u201D\u680F\u76EE\u53CD\u6620\u3002',
        ],
        scenes: [
          '\u5DE5\u4F5C\u4EBA\u5458\u73B0\u573A\u7EF4\u4FEE\u7834\u635F\u8DEF\u9762',
          '\u70ED\u7EBF\u5DE5\u4F5C\u4EBA\u5458\u63A5\u542C\u7FA4\u4F17\u6765\u7535',
        ],
      },
      {
        name: '\u56FD\u9645\u5408\u4F5C',
        dept: 'foreign',
        reach: 'international',
        tags: ['\u56FD\u9645\u5408\u4F5C', '\u5BF9\u5916\u5F00\u653E', '\u4E00\u5E26\u4E00\u8DEF'],
        titles: [
          '\u4E2D\u56FD\u540C{place}\u7B7E\u7F72\u591A\u9879\u5408\u4F5C\u6587\u4EF6',
          '\u4E2D\u6B27\u73ED\u5217\u5F00\u884C\u91CF\u6301\u7EED\u589E\u957F \u52A9\u529B\u4E2D\u5916\u8D38\u6613\u5F80\u6765',
          '{place}\u4E3E\u529E\u4E2D\u56FD\u6587\u5316\u5468\u6D3B\u52A8',
          '\u5916\u4EA4\u90E8\uFF1A\u4E2D\u65B9\u613F\u540C{place}\u6DF1\u5316\u5404\u9886\u57DF\u52A1\u5B9E\u5408\u4F5C',
        ],
        subtitles: [
          '\u53CC\u8FB9\u8D38\u6613\u989D\u540C\u6BD4\u589E\u957F{pct}%',
          '\u5171\u5EFA\u201C\u4E00\u5E26\u4E00\u8DEF\u201D\u5408\u4F5C\u6210\u679C\u4E30\u7855',
        ],
        sentences: [
          '{md}\uFF0C\u4E2D\u56FD\u4E0E{place}\u5728\u53CC\u8FB9\u5408\u4F5C\u6846\u67B6\u4E0B\u7B7E\u7F72\u4E86\u7ECF\u8D38\u3001\u79D1\u6280\u3001\u4EBA\u6587\u7B49\u9886\u57DF\u591A\u9879\u5408\u4F5C\u6587\u4EF6\u3002',
          '{official}\u8868\u793A\uFF0C\u4E2D\u65B9\u613F\u540C{place}\u52A0\u5F3A\u53D1\u5C55\u6218\u7565\u5BF9\u63A5\uFF0C\u63A8\u52A8\u5171\u5EFA\u201C\u4E00\u5E26\u4E00\u8DEF\u201D\u9AD8\u8D28\u91CF\u53D1\u5C55\u3002',
          '\u4ECA\u5E74\u4EE5\u6765\uFF0C\u4E2D\u56FD\u4E0E{place}\u53CC\u8FB9\u8D38\u6613\u989D\u540C\u6BD4\u589E\u957F{pct}%\uFF0C\u5408\u4F5C\u6F5C\u529B\u6301\u7EED\u91CA\u653E\u3002',
          '{place}\u65B9\u9762\u8868\u793A\uFF0C\u671F\u5F85\u540C\u4E2D\u65B9\u5728\u65B0\u80FD\u6E90\u3001\u6570\u5B57\u7ECF\u6D4E\u3001\u519C\u4E1A\u7B49\u9886\u57DF\u5F00\u5C55\u66F4\u591A\u5408\u4F5C\u3002',
          '\u8FD1\u5E74\u6765\uFF0C\u8D8A\u6765\u8D8A\u591A\u7684\u4E2D\u56FD\u4F01\u4E1A\u8D70\u8FDB{place}\uFF0C\u4E3A\u5F53\u5730\u521B\u9020\u4E86\u5927\u91CF\u5C31\u4E1A\u5C97\u4F4D\u3002',
          '\u6D3B\u52A8\u671F\u95F4\uFF0C\u975E\u9057\u5C55\u793A\u3001\u4E2D\u56FD\u7F8E\u98DF\u3001\u6C11\u65CF\u97F3\u4E50\u7B49\u7CBE\u5F69\u5185\u5BB9\u5438\u5F15\u4E86\u4F17\u591A\u5F53\u5730\u6C11\u4F17\u53C2\u4E0E\u3002',
          '\u5206\u6790\u4EBA\u58EB\u8BA4\u4E3A\uFF0C\u53CC\u65B9\u5408\u4F5C\u4E92\u8865\u6027\u5F3A\uFF0C\u5C06\u4E3A\u4E24\u56FD\u7ECF\u6D4E\u53D1\u5C55\u6CE8\u5165\u65B0\u52A8\u529B\u3002',
          '\u4E2D\u6B27\u73ED\u5217\u7D2F\u8BA1\u5F00\u884C\u8D85\u8FC7{k}\u5217\uFF0C\u901A\u8FBE\u6B27\u6D32\u591A\u4E2A\u56FD\u5BB6\u548C\u57CE\u5E02\u3002',
        ],
        scenes: [
          '\u5F53\u5730\u6C11\u4F17\u53C2\u89C2\u4E2D\u56FD\u6587\u5316\u5C55',
          '\u4E2D\u6B27\u73ED\u5217\u6574\u88C5\u5F85\u53D1',
        ],
      },
    ];
  },
});

// src/modules/articles/seed/vocabulary.ts
var COUNTIES,
  ZONES,
  LANDMARKS,
  SHANDONG_CITIES,
  PROVINCES,
  COUNTRIES,
  ORIGINS,
  DEPARTMENTS,
  OFFICIAL_POSTS,
  SOURCES,
  SURNAMES,
  GIVEN,
  surnames,
  givenChars,
  EDITORS,
  KICKERS,
  HEADINGS,
  COMMON_SENTENCES,
  COMMENTARY_TITLES,
  COMMENTARY_SENTENCES,
  SCOPE_TAGS,
  COMPANY_BRANDS,
  COMPANY_TRADES,
  IMAGE_SIZES;
var init_vocabulary = __esm({
  'src/modules/articles/seed/vocabulary.ts'() {
    COUNTIES = [
      {
        slug: 'dongchangfu',
        name: '\u4E1C\u660C\u5E9C\u533A',
        towns: [
          '\u53E4\u697C\u8857\u9053',
          '\u67F3\u56ED\u8857\u9053',
          '\u65B0\u533A\u8857\u9053',
          '\u6E56\u897F\u8857\u9053',
          '\u5802\u9091\u9547',
          '\u6C99\u9547\u9547',
        ],
        landmarks: [
          '\u4E1C\u660C\u6E56',
          '\u5149\u5CB3\u697C',
          '\u5C71\u9655\u4F1A\u9986',
          '\u4E2D\u56FD\u8FD0\u6CB3\u6587\u5316\u535A\u7269\u9986',
          '\u6D77\u6E90\u9601',
          '\u804A\u57CE\u53E4\u57CE',
          '\u5B54\u7E41\u68EE\u540C\u5FD7\u7EAA\u5FF5\u9986',
        ],
      },
      {
        slug: 'linqing',
        name: '\u4E34\u6E05\u5E02',
        towns: [
          '\u65B0\u534E\u8DEF\u8857\u9053',
          '\u9752\u5E74\u8DEF\u8857\u9053',
          '\u5927\u8F9B\u5E84\u8857\u9053',
          '\u70DF\u5E97\u9547',
          '\u677E\u6797\u9547',
          '\u9B4F\u6E7E\u9547',
        ],
        landmarks: [
          '\u4E34\u6E05\u8FD0\u6CB3\u949E\u5173',
          '\u4E34\u6E05\u820D\u5229\u5B9D\u5854',
          '\u9CCC\u5934\u77F6',
        ],
      },
      {
        slug: 'yanggu',
        name: '\u9633\u8C37\u53BF',
        towns: [
          '\u72EE\u5B50\u697C\u8857\u9053',
          '\u4FA8\u6DA6\u8857\u9053',
          '\u963F\u57CE\u9547',
          '\u4E03\u7EA7\u9547',
          '\u5F20\u79CB\u9547',
          '\u5BFF\u5F20\u9547',
        ],
        landmarks: ['\u666F\u9633\u5188', '\u72EE\u5B50\u697C'],
      },
      {
        slug: 'chiping',
        name: '\u830C\u5E73\u533A',
        towns: [
          '\u632F\u5174\u8857\u9053',
          '\u4FE1\u53D1\u8857\u9053',
          '\u535A\u5E73\u9547',
          '\u675C\u90CE\u53E3\u9547',
          '\u4E50\u5E73\u94FA\u9547',
          '\u97E9\u5C6F\u9547',
        ],
        landmarks: [],
      },
      {
        slug: 'shenxian',
        name: '\u8398\u53BF',
        towns: [
          '\u8398\u5DDE\u8857\u9053',
          '\u8398\u4EAD\u8857\u9053',
          '\u71D5\u5E97\u9547',
          '\u671D\u57CE\u9547',
          '\u5341\u516B\u91CC\u94FA\u9547',
          '\u5F20\u9C81\u56DE\u65CF\u9547',
        ],
        landmarks: [],
      },
      {
        slug: 'donge',
        name: '\u4E1C\u963F\u53BF',
        towns: [
          '\u94DC\u57CE\u8857\u9053',
          '\u65B0\u57CE\u8857\u9053',
          '\u5218\u96C6\u9547',
          '\u59DC\u697C\u9547',
          '\u9C7C\u5C71\u9547',
          '\u725B\u89D2\u5E97\u9547',
        ],
        landmarks: ['\u4E1C\u963F\u963F\u80F6\u57CE', '\u9C7C\u5C71\u66F9\u690D\u5893'],
      },
      {
        slug: 'guanxian',
        name: '\u51A0\u53BF',
        towns: [
          '\u6E05\u6CC9\u8857\u9053',
          '\u5D07\u6587\u8857\u9053',
          '\u70DF\u5E84\u8857\u9053',
          '\u8F9B\u96C6\u9547',
          '\u6881\u5802\u9547',
          '\u8D3E\u9547',
        ],
        landmarks: ['\u6B66\u8BAD\u7EAA\u5FF5\u9986'],
      },
      {
        slug: 'gaotang',
        name: '\u9AD8\u5510\u53BF',
        towns: [
          '\u9C7C\u90B1\u6E56\u8857\u9053',
          '\u6C47\u946B\u8857\u9053',
          '\u4EBA\u548C\u8857\u9053',
          '\u6E05\u5E73\u9547',
          '\u7409\u7483\u5BFA\u9547',
          '\u5C39\u96C6\u9547',
        ],
        landmarks: ['\u674E\u82E6\u7985\u7EAA\u5FF5\u9986'],
      },
    ];
    ZONES = [
      '\u804A\u57CE\u7ECF\u6D4E\u6280\u672F\u5F00\u53D1\u533A',
      '\u804A\u57CE\u9AD8\u65B0\u6280\u672F\u4EA7\u4E1A\u5F00\u53D1\u533A',
      '\u6C5F\u5317\u6C34\u57CE\u65C5\u6E38\u5EA6\u5047\u533A',
    ];
    LANDMARKS = COUNTIES.flatMap((c) => c.landmarks);
    SHANDONG_CITIES = [
      '\u6D4E\u5357\u5E02',
      '\u9752\u5C9B\u5E02',
      '\u6DC4\u535A\u5E02',
      '\u67A3\u5E84\u5E02',
      '\u4E1C\u8425\u5E02',
      '\u70DF\u53F0\u5E02',
      '\u6F4D\u574A\u5E02',
      '\u6D4E\u5B81\u5E02',
      '\u6CF0\u5B89\u5E02',
      '\u5A01\u6D77\u5E02',
      '\u65E5\u7167\u5E02',
      '\u4E34\u6C82\u5E02',
      '\u5FB7\u5DDE\u5E02',
      '\u6EE8\u5DDE\u5E02',
      '\u83CF\u6CFD\u5E02',
    ];
    PROVINCES = [
      '\u5317\u4EAC\u5E02',
      '\u5929\u6D25\u5E02',
      '\u6CB3\u5317\u7701',
      '\u5C71\u897F\u7701',
      '\u6C5F\u82CF\u7701',
      '\u6D59\u6C5F\u7701',
      '\u5B89\u5FBD\u7701',
      '\u798F\u5EFA\u7701',
      '\u6CB3\u5357\u7701',
      '\u6E56\u5317\u7701',
      '\u6E56\u5357\u7701',
      '\u5E7F\u4E1C\u7701',
      '\u56DB\u5DDD\u7701',
      '\u9655\u897F\u7701',
      '\u7518\u8083\u7701',
      '\u4E91\u5357\u7701',
    ];
    COUNTRIES = [
      '\u4FC4\u7F57\u65AF',
      '\u54C8\u8428\u514B\u65AF\u5766',
      '\u5FB7\u56FD',
      '\u6CD5\u56FD',
      '\u5308\u7259\u5229',
      '\u585E\u5C14\u7EF4\u4E9A',
      '\u65B0\u52A0\u5761',
      '\u9A6C\u6765\u897F\u4E9A',
      '\u5370\u5EA6\u5C3C\u897F\u4E9A',
      '\u6CF0\u56FD',
      '\u8D8A\u5357',
      '\u97E9\u56FD',
      '\u6C99\u7279\u963F\u62C9\u4F2F',
      '\u963F\u8054\u914B',
      '\u5DF4\u897F',
      '\u5357\u975E',
    ];
    ORIGINS = [
      '\u6D4E\u5357',
      '\u5317\u4EAC',
      '\u5929\u6D25',
      '\u6CB3\u5317\u90AF\u90F8',
      '\u6CB3\u5357\u6FEE\u9633',
      '\u6C5F\u82CF\u5F90\u5DDE',
      '\u4E0A\u6D77',
      '\u5FB7\u5DDE',
    ];
    DEPARTMENTS = {
      agriculture: [
        '\u5E02\u519C\u4E1A\u519C\u6751\u5C40',
        '\u7701\u519C\u4E1A\u519C\u6751\u5385',
        '\u519C\u4E1A\u519C\u6751\u90E8',
      ],
      approval: [
        '\u5E02\u884C\u653F\u5BA1\u6279\u670D\u52A1\u5C40',
        '\u7701\u653F\u5E9C\u529E\u516C\u5385',
        '\u56FD\u52A1\u9662\u529E\u516C\u5385',
      ],
      culture: [
        '\u5E02\u6587\u5316\u548C\u65C5\u6E38\u5C40',
        '\u7701\u6587\u5316\u548C\u65C5\u6E38\u5385',
        '\u6587\u5316\u548C\u65C5\u6E38\u90E8',
      ],
      education: ['\u5E02\u6559\u80B2\u5C40', '\u7701\u6559\u80B2\u5385', '\u6559\u80B2\u90E8'],
      health: [
        '\u5E02\u536B\u751F\u5065\u5EB7\u59D4',
        '\u7701\u536B\u751F\u5065\u5EB7\u59D4',
        '\u56FD\u5BB6\u536B\u751F\u5065\u5EB7\u59D4',
      ],
      transport: [
        '\u5E02\u4EA4\u901A\u8FD0\u8F93\u5C40',
        '\u7701\u4EA4\u901A\u8FD0\u8F93\u5385',
        '\u4EA4\u901A\u8FD0\u8F93\u90E8',
      ],
      ecology: [
        '\u5E02\u751F\u6001\u73AF\u5883\u5C40',
        '\u7701\u751F\u6001\u73AF\u5883\u5385',
        '\u751F\u6001\u73AF\u5883\u90E8',
      ],
      civil: ['\u5E02\u6C11\u653F\u5C40', '\u7701\u6C11\u653F\u5385', '\u6C11\u653F\u90E8'],
      emergency: [
        '\u5E02\u5E94\u6025\u7BA1\u7406\u5C40',
        '\u7701\u5E94\u6025\u7BA1\u7406\u5385',
        '\u5E94\u6025\u7BA1\u7406\u90E8',
      ],
      commerce: ['\u5E02\u5546\u52A1\u5C40', '\u7701\u5546\u52A1\u5385', '\u5546\u52A1\u90E8'],
      science: ['\u5E02\u79D1\u6280\u5C40', '\u7701\u79D1\u6280\u5385', '\u79D1\u6280\u90E8'],
      urban: [
        '\u5E02\u57CE\u5E02\u7BA1\u7406\u5C40',
        '\u7701\u4F4F\u623F\u57CE\u4E61\u5EFA\u8BBE\u5385',
        '\u4F4F\u623F\u57CE\u4E61\u5EFA\u8BBE\u90E8',
      ],
      foreign: ['\u5E02\u5916\u529E', '\u7701\u5916\u529E', '\u5916\u4EA4\u90E8'],
    };
    OFFICIAL_POSTS = {
      \u5C40: [
        '\u515A\u7EC4\u4E66\u8BB0\u3001\u5C40\u957F',
        '\u5C40\u957F',
        '\u526F\u5C40\u957F',
        '\u515A\u7EC4\u6210\u5458\u3001\u526F\u5C40\u957F',
      ],
      \u59D4: ['\u515A\u7EC4\u4E66\u8BB0\u3001\u4E3B\u4EFB', '\u4E3B\u4EFB', '\u526F\u4E3B\u4EFB'],
      \u529E: ['\u4E3B\u4EFB', '\u526F\u4E3B\u4EFB'],
    };
    SOURCES = {
      local: [
        '\u804A\u57CE\u65B0\u95FB\u7F51',
        '\u804A\u57CE\u65B0\u95FB\u7F51',
        '\u804A\u57CE\u65E5\u62A5',
        '\u804A\u57CE\u665A\u62A5',
        '\u804A\u57CE\u5E7F\u64AD\u7535\u89C6\u53F0',
        '\u5927\u4F17\u65E5\u62A5',
        '\u9F50\u9C81\u665A\u62A5',
      ],
      province: [
        '\u5927\u4F17\u65E5\u62A5',
        '\u5927\u4F17\u62A5\u4E1A\xB7\u5927\u4F17\u65E5\u62A5\u5BA2\u6237\u7AEF',
        '\u9F50\u9C81\u665A\u62A5',
        '\u95EA\u7535\u65B0\u95FB',
        '\u9F50\u9C81\u58F9\u70B9',
      ],
      national: [
        '\u65B0\u534E\u793E',
        '\u4EBA\u6C11\u65E5\u62A5',
        '\u592E\u89C6\u65B0\u95FB',
        '\u4E2D\u56FD\u65B0\u95FB\u7F51',
      ],
      international: [
        '\u65B0\u534E\u793E',
        '\u65B0\u534E\u793E',
        '\u4EBA\u6C11\u65E5\u62A5',
        '\u592E\u89C6\u65B0\u95FB',
      ],
    };
    SURNAMES =
      '\u738B\u674E\u5F20\u5218\u9648\u6768\u8D75\u9EC4\u5468\u5434\u5F90\u5B59\u9A6C\u6731\u80E1\u90ED\u4F55\u9AD8\u6797\u7F57\u90D1\u6881\u8C22\u5B8B\u5510\u8BB8\u97E9\u51AF\u9093\u66F9\u5F6D\u66FE\u8096\u7530\u8463\u8881\u6F58\u4E8E\u848B\u8521\u4F59\u675C\u53F6\u7A0B\u82CF\u9B4F\u5415\u4E01\u4EFB\u6C88\u59DC\u5D14';
    GIVEN =
      '\u4F1F\u82B3\u5A1C\u654F\u9759\u4E3D\u5F3A\u78CA\u519B\u6D0B\u52C7\u8273\u6770\u5A1F\u6D9B\u660E\u8D85\u79C0\u971E\u5E73\u521A\u6842\u6587\u8F89\u946B\u5B87\u6D69\u6668\u6B23\u5A77\u96EA\u6167\u7433\u9E4F\u535A\u5E05\u4F73\u5189\u51EF\u745E\u7389\u5170\u5EFA\u56FD\u7EA2\u82F1\u6D77\u71D5\u5FD7\u534E\u5E86\u6625';
    surnames = [...SURNAMES];
    givenChars = [...GIVEN];
    EDITORS = [
      '\u738B\u6653\u71D5',
      '\u674E\u9759',
      '\u5F20\u5B81',
      '\u5218\u6D0B',
      '\u9648\u6668',
      '\u6768\u5E06',
      '\u8D75\u654F',
      '\u5B59\u4E3D',
      '\u5468\u5A77',
      '\u9A6C\u8D85',
    ];
    KICKERS = [
      '\u594B\u8FDB\u65B0\u5F81\u7A0B \u5EFA\u529F\u65B0\u65F6\u4EE3',
      '\u4E00\u7EBF\u89C1\u95FB',
      '\u9AD8\u8D28\u91CF\u53D1\u5C55\u8C03\u7814\u884C',
      '\u8BB0\u8005\u8E72\u70B9',
      '\u5173\u6CE8\u6C11\u751F',
      '\u9879\u76EE\u5EFA\u8BBE\u8FDB\u884C\u65F6',
    ];
    HEADINGS = [
      '\u575A\u6301\u9AD8\u4F4D\u63A8\u52A8 \u51DD\u805A\u5DE5\u4F5C\u5408\u529B',
      '\u805A\u7126\u7FA4\u4F17\u5173\u5207 \u529E\u597D\u6C11\u751F\u5B9E\u4E8B',
      '\u521B\u65B0\u5DE5\u4F5C\u673A\u5236 \u6FC0\u53D1\u53D1\u5C55\u6D3B\u529B',
      '\u5F3A\u5316\u8981\u7D20\u4FDD\u969C \u63A8\u52A8\u9879\u76EE\u843D\u5730',
      '\u8865\u9F50\u77ED\u677F\u5F31\u9879 \u63D0\u5347\u670D\u52A1\u6C34\u5E73',
      '\u575A\u6301\u4E45\u4E45\u4E3A\u529F \u64E6\u4EAE\u7279\u8272\u54C1\u724C',
    ];
    COMMON_SENTENCES = [
      '{official}\u4ECB\u7ECD\uFF0C\u4ECA\u5E74\u4EE5\u6765\uFF0C{place}\u56F4\u7ED5{topic}\u51FA\u53F0\u4E86\u4E00\u7CFB\u5217\u653F\u7B56\u63AA\u65BD\uFF0C\u53D6\u5F97\u4E86\u9636\u6BB5\u6027\u6210\u6548\u3002',
      '\u4E0B\u4E00\u6B65\uFF0C{place}\u5C06\u6301\u7EED\u5728{topic}\u4E0A\u4E0B\u529F\u592B\uFF0C\u63A8\u52A8\u5404\u9879\u4EFB\u52A1\u843D\u5730\u89C1\u6548\uFF0C\u8BA9\u7FA4\u4F17\u6709\u66F4\u591A\u83B7\u5F97\u611F\u3002',
      '\u636E\u4E86\u89E3\uFF0C{place}\u5DF2\u5C06{topic}\u7EB3\u5165\u5E74\u5EA6\u91CD\u70B9\u5DE5\u4F5C\uFF0C\u5B9E\u884C\u6E05\u5355\u5316\u7BA1\u7406\u3001\u9879\u76EE\u5316\u63A8\u8FDB\u3002',
      '{place}\u575A\u6301\u95EE\u9898\u5BFC\u5411\uFF0C\u5EFA\u7ACB\u5B9A\u671F\u8C03\u5EA6\u3001\u7763\u5BFC\u68C0\u67E5\u673A\u5236\uFF0C\u786E\u4FDD{topic}\u5404\u9879\u5DE5\u4F5C\u843D\u5230\u5B9E\u5904\u3002',
      '\u5404\u7EA7\u5404\u90E8\u95E8\u4E3B\u52A8\u4F5C\u4E3A\u3001\u534F\u540C\u914D\u5408\uFF0C\u5F62\u6210\u4E86\u63A8\u8FDB{topic}\u7684\u5F3A\u5927\u5408\u529B\u3002',
      '\u201C\u6211\u4EEC\u8981\u628A\u7FA4\u4F17\u6EE1\u610F\u4F5C\u4E3A\u5DE5\u4F5C\u7684\u51FA\u53D1\u70B9\u548C\u843D\u811A\u70B9\u3002\u201D{official}\u8BF4\u3002',
      '\u540C\u65F6\uFF0C{place}\u6CE8\u91CD\u603B\u7ED3\u63A8\u5E7F\u5178\u578B\u7ECF\u9A8C\uFF0C\u4EE5\u70B9\u5E26\u9762\u63A8\u52A8{topic}\u6574\u4F53\u63D0\u5347\u3002',
    ];
    COMMENTARY_TITLES = [
      '\u4EE5{topic}\u65B0\u6210\u6548\u56DE\u5E94\u7FA4\u4F17\u65B0\u671F\u5F85',
      '{topic}\u65E2\u8981\u201C\u5FEB\u201D\u66F4\u8981\u201C\u5B9E\u201D',
      '\u628A{topic}\u8FD9\u7BC7\u5927\u6587\u7AE0\u505A\u597D',
      '\u8BA9{topic}\u6210\u679C\u66F4\u591A\u60E0\u53CA\u767E\u59D3',
    ];
    COMMENTARY_SENTENCES = [
      '{topic}\u4E8B\u5173\u53D1\u5C55\u5168\u5C40\uFF0C\u4E5F\u4E8B\u5173\u7FA4\u4F17\u5207\u8EAB\u5229\u76CA\u3002',
      '\u505A\u597D{topic}\uFF0C\u5173\u952E\u5728\u4E8E\u628A\u63E1\u597D\u201C\u8FDB\u201D\u4E0E\u201C\u7A33\u201D\u7684\u5173\u7CFB\uFF0C\u65E2\u8981\u79EF\u6781\u4F5C\u4E3A\uFF0C\u53C8\u8981\u4E45\u4E45\u4E3A\u529F\u3002',
      '\u6293{topic}\uFF0C\u4E0D\u80FD\u53EA\u770B\u6570\u5B57\u597D\u4E0D\u597D\u770B\uFF0C\u66F4\u8981\u770B\u7FA4\u4F17\u662F\u5426\u771F\u6B63\u5F97\u5230\u5B9E\u60E0\u3002',
      '\u4ECE{place}\u7684\u5B9E\u8DF5\u6765\u770B\uFF0C\u53EA\u6709\u628A\u529F\u592B\u4E0B\u5728\u5E73\u65F6\u3001\u628A\u5DE5\u4F5C\u505A\u5728\u57FA\u5C42\uFF0C\u624D\u80FD\u8D62\u5F97\u7FA4\u4F17\u7684\u8BA4\u53EF\u3002',
      '\u5404\u7EA7\u5E72\u90E8\u8981\u591A\u5230\u4E00\u7EBF\u8D70\u4E00\u8D70\u3001\u770B\u4E00\u770B\uFF0C\u771F\u6B63\u628A\u7FA4\u4F17\u7684\u9700\u6C42\u6478\u6E05\u695A\u3001\u628A\u95EE\u9898\u89E3\u51B3\u597D\u3002',
      '\u8BF4\u4E00\u5343\u9053\u4E00\u4E07\uFF0C\u4E0D\u5982\u5E72\u4E00\u4EF6\u662F\u4E00\u4EF6\u3002',
      '\u671F\u5F85\u66F4\u591A\u5730\u65B9\u5728{topic}\u4E0A\u62FF\u51FA\u5B9E\u62DB\u3001\u786C\u62DB\uFF0C\u4EE5\u5B9E\u5E72\u5B9E\u7EE9\u4E66\u5199\u9AD8\u8D28\u91CF\u53D1\u5C55\u65B0\u7BC7\u7AE0\u3002',
    ];
    SCOPE_TAGS = {
      local: ['\u804A\u57CE', '\u9AD8\u8D28\u91CF\u53D1\u5C55'],
      province: ['\u5C71\u4E1C', '\u9AD8\u8D28\u91CF\u53D1\u5C55'],
      national: ['\u5168\u56FD', '\u9AD8\u8D28\u91CF\u53D1\u5C55'],
      international: ['\u56FD\u9645'],
    };
    COMPANY_BRANDS = [
      '\u6C34\u57CE',
      '\u8FD0\u6CB3',
      '\u51E4\u51F0',
      '\u91D1\u7A57',
      '\u660C\u6DA6',
      '\u534E\u5B87',
      '\u4E1C\u5CB3',
      '\u745E\u4E30',
      '\u9C81\u804A',
      '\u6CF0\u548C',
    ];
    COMPANY_TRADES = [
      '\u65B0\u6750\u6599\u79D1\u6280',
      '\u667A\u80FD\u88C5\u5907',
      '\u751F\u7269\u79D1\u6280',
      '\u98DF\u54C1',
      '\u65B0\u80FD\u6E90',
      '\u6C7D\u8F66\u96F6\u90E8\u4EF6',
      '\u7CBE\u5BC6\u8F74\u627F',
      '\u7EBA\u7EC7',
    ];
    IMAGE_SIZES = [
      [1080, 720],
      [1280, 720],
      [1200, 800],
      [960, 640],
      [1080, 1440],
    ];
  },
});

// src/modules/articles/seed/generate.ts
function profileFor(path) {
  const [top, sub] = path.split('/');
  const county = top === 'xianyu' ? (COUNTIES.find((c) => c.slug === sub) ?? null) : null;
  if (top === 'ruiping') return { scope: 'local', mode: 'commentary', county };
  if (top === 'rexian') return { scope: 'local', mode: 'hotline', county };
  if (path === 'yaowen/shandong') return { scope: 'province', mode: 'story', county };
  if (path === 'yaowen/guonei') return { scope: 'national', mode: 'story', county };
  if (path === 'yaowen/guoji') return { scope: 'international', mode: 'story', county };
  return { scope: 'local', mode: 'story', county };
}
function topicsFor({ scope, mode }) {
  if (mode === 'hotline') return TOPICS.filter((t) => t.reach === 'hotline');
  if (scope === 'international') return TOPICS.filter((t) => t.reach === 'international');
  return TOPICS.filter((t) => t.reach === 'everywhere' || (scope === 'local' && t.reach === 'local'));
}
function placeFor(profile, rng) {
  if (profile.county) return countyPlace(profile.county);
  if (profile.mode === 'hotline') return countyPlace(rng.pick(COUNTIES));
  const elsewhere = (place) => ({ place, towns: [], landmarks: [], countyDepts: false });
  switch (profile.scope) {
    case 'province':
      return elsewhere(rng.pick(SHANDONG_CITIES));
    case 'national':
      return elsewhere(rng.pick(PROVINCES));
    case 'international':
      return elsewhere(rng.pick(COUNTRIES));
    case 'local': {
      const roll = rng.next();
      if (roll < 0.4) return { place: '\u804A\u57CE\u5E02', towns: [], landmarks: LANDMARKS, countyDepts: false };
      if (roll < 0.85) return countyPlace(rng.pick(COUNTIES));
      return elsewhere(rng.pick(ZONES));
    }
  }
}
function officialFor(profile, dept, rng) {
  if (profile.scope !== 'local') {
    const spokesperson =
      profile.scope === 'international' ? `${dept}\u53D1\u8A00\u4EBA` : `${dept}\u6709\u5173\u8D1F\u8D23\u4EBA`;
    return { full: spokesperson, short: spokesperson, mentioned: false };
  }
  const name = personName(rng);
  const posts = OFFICIAL_POSTS[dept.slice(-1)] ?? ['\u8D1F\u8D23\u4EBA'];
  return { full: `${dept}${rng.pick(posts)}${name}`, short: name, mentioned: false };
}
function contextFor(profile, topic, rng, eventDay) {
  const { place, towns, landmarks, countyDepts } = placeFor(profile, rng);
  const level = profile.scope === 'local' ? 0 : profile.scope === 'province' ? 1 : 2;
  const cityDept = DEPARTMENTS[topic.dept][level];
  const dept = countyDepts && cityDept.startsWith('\u5E02') ? place + cityDept.slice(1) : cityDept;
  const month = eventDay.getUTCMonth() + 1;
  return {
    rng,
    topic,
    place,
    towns,
    town: towns.length ? rng.pick(towns) : '',
    landmark: landmarks.length ? rng.pick(landmarks) : null,
    dept,
    official: officialFor(profile, dept, rng),
    company: `${rng.pick(COMPANY_BRANDS)}${rng.pick(COMPANY_TRADES)}\u6709\u9650\u516C\u53F8`,
    md: `${month}\u6708${eventDay.getUTCDate()}\u65E5`,
    month: `${month}\u6708`,
  };
}
function fill(template, ctx) {
  const { rng } = ctx;
  return template.replace(/\{(\w+)\}/g, (_, key) => {
    switch (key) {
      case 'n':
        return String(rng.int(2, 30));
      case 'k':
        return String(rng.int(100, 9999));
      case 'wan':
        return decimal(rng, 1, 99.9);
      case 'yi':
        return decimal(rng, 0.5, 99.9);
      case 'pct':
        return decimal(rng, 1, 35);
      case 'high':
        return decimal(rng, 85, 99.9);
      case 'topic':
        return ctx.topic.name;
      case 'origin':
        return rng.pick(ORIGINS);
      case 'official': {
        const { full, short, mentioned } = ctx.official;
        ctx.official.mentioned = true;
        return mentioned ? short : full;
      }
      case 'place':
      case 'town':
      case 'dept':
      case 'company':
      case 'md':
      case 'month':
        return ctx[key];
      case 'landmark':
        return ctx.landmark ?? ctx.place;
      default:
        throw new Error(`unknown placeholder {${key}}`);
    }
  });
}
function publishedAtFor(index4) {
  const timeIndex = index4 % 97 === 1 && index4 > 1 ? index4 - 1 : index4;
  const rng = rngFor(timeIndex, STREAM_TIME);
  const day = rng.int(0, WINDOW_DAYS - 1);
  const second = rng.int(7 * 3600, 23 * 3600 - 1);
  return new Date(WINDOW_START + day * DAY_MS + second * 1e3);
}
function statusFor(index4) {
  if (index4 % 50 === 17) return 'draft';
  if (index4 % 100 === 42) return 'retracted';
  return 'published';
}
function image(ctx, url, alt, caption, credit) {
  const [width, height] = ctx.rng.pick(IMAGE_SIZES);
  return { url, width, height, alt, caption, credit };
}
function paragraphs(ctx, lead, pool, count) {
  const shuffled = ctx.rng.sample(pool, pool.length);
  const out = [lead];
  for (let i = 1; i < count && shuffled.length; i += 1) {
    const left = count - i;
    const take = Math.max(1, Math.min(ctx.rng.int(2, 3), Math.floor(shuffled.length / left)));
    out.push(
      shuffled
        .splice(0, take)
        .map((s) => fill(s, ctx))
        .join(''),
    );
  }
  return out;
}
function leadAndPool(ctx, profile) {
  const { rng } = ctx;
  const sentences = usable(ctx.topic.sentences, ctx);
  const facts = sentences.filter((s) => !/^[{“]|^近日/.test(s));
  if (profile.mode === 'commentary') {
    const opener2 = rng.pick(COMMENTARY_SENTENCES.slice(0, 2));
    const pool2 = [...COMMENTARY_SENTENCES.filter((s) => s !== opener2), ...rng.sample(facts, 3)];
    return { lead: fill(opener2, ctx), pool: pool2 };
  }
  const dated = sentences.find((s) => s.startsWith('{md}') || s.startsWith('\u8FD1\u65E5'));
  const standalone = facts.filter((s) => /^(今年|近年来|目前|去年|截至|\{place\})/.test(s));
  const opener = dated ?? rng.pick(standalone.length ? standalone : facts);
  const lead = dated ? fill(dated, ctx) : `\u8BB0\u8005\u4ECE${ctx.dept}\u83B7\u6089\uFF0C${fill(opener, ctx)}`;
  const pool = [
    ...sentences.filter((s) => s !== opener),
    // The generic sentences talk about a policy field, which neither hotline nor world news is.
    ...(profile.scope === 'international' || profile.mode === 'hotline' ? [] : COMMON_SENTENCES),
  ];
  return { lead, pool };
}
function bylinesFor(ctx, kind, profile, source2) {
  const { rng } = ctx;
  const correspondent = profile.scope === 'local' ? rng.next() : 1;
  const person = (role, organisation = source2) => ({
    role,
    name: personName(rng),
    organisation,
  });
  if (profile.mode === 'commentary') return [person('author')];
  if (kind === 'gallery') {
    const photographers = Array.from({ length: rng.int(1, 2) }, () => person('photographer'));
    return correspondent < 0.3 ? [...photographers, person('correspondent', ctx.dept)] : photographers;
  }
  const roll = rng.next();
  const reporters = Array.from({ length: roll < 0.5 ? 1 : roll < 0.85 ? 2 : 3 }, () => person('reporter'));
  if (kind === 'video') return [...reporters, person('videographer')];
  const extra = [];
  if (rng.chance(0.25)) extra.push(person('photographer'));
  if (correspondent < 0.4) extra.push(person('correspondent', ctx.dept));
  return [...reporters, ...extra];
}
function generateArticle(index4, channels3) {
  const eligible = channels3.filter((c) => ARTICLE_KIND[c.kind] !== null);
  if (eligible.length === 0) throw new Error('no news, video or photo channel to publish in');
  const rng = rngFor(index4, STREAM_CONTENT);
  const channel = rng.pick(eligible);
  const kind = ARTICLE_KIND[channel.kind] ?? 'story';
  const profile = profileFor(channel.path);
  const topic = rng.pick(topicsFor(profile));
  const publishedAt = publishedAtFor(index4);
  const local = beijing(publishedAt);
  const eventDay = rng.chance(0.5) ? new Date(local.getTime() - DAY_MS) : local;
  const ctx = contextFor(profile, topic, rng, eventDay);
  const yyyy = local.getUTCFullYear();
  const mm = pad2(local.getUTCMonth() + 1);
  const dd = pad2(local.getUTCDate());
  const asset = (n) => `/uploads/${yyyy}/${mm}/${dd}/${index4}-${n}.jpg`;
  const commentary = profile.mode === 'commentary';
  const title = fill(rng.pick(usable(commentary ? COMMENTARY_TITLES : topic.titles, ctx)), ctx);
  const subtitleCount = commentary ? 0 : rng.pick([0, 0, 0, 0, 0, 0, 1, 1, 1, 2]);
  const subtitles = rng.sample(usable(topic.subtitles, ctx), subtitleCount).map((s) => fill(s, ctx));
  const kicker =
    profile.mode === 'story' && (profile.scope === 'local' || profile.scope === 'province') && rng.chance(0.15)
      ? rng.pick(KICKERS)
      : null;
  const source2 =
    commentary || profile.mode === 'hotline' ? '\u804A\u57CE\u65B0\u95FB\u7F51' : rng.pick(SOURCES[profile.scope]);
  const bylines = bylinesFor(ctx, kind, profile, source2);
  const credit = `${(bylines.find((b) => b.role === 'photographer') ?? bylines[0])?.name ?? source2} \u6444`;
  const { lead, pool } = leadAndPool(ctx, profile);
  const summary = lead.slice(0, lead.indexOf('\u3002') + 1) || lead;
  const scenes = rng.sample(usable(topic.scenes, ctx), topic.scenes.length);
  const spot = () => {
    if (kind !== 'gallery') return ctx.place + ctx.town;
    const county = profile.scope === 'local' && !profile.county ? rng.pick(COUNTIES) : null;
    if (county) return county.name + rng.pick(county.towns);
    return ctx.place + (ctx.towns.length ? rng.pick(ctx.towns) : '');
  };
  const scene = (n) => {
    const template = scenes[n % scenes.length];
    const text4 = fill(template, ctx);
    const where = template.includes('{landmark}') ? '' : `\u5728${spot()}\uFF0C`;
    return { alt: text4, caption: `${ctx.md}\uFF0C${where}${text4}\u3002` };
  };
  const body = [];
  let cover = null;
  if (kind === 'video') {
    const poster = image(ctx, asset(0), title, null, null);
    body.push({
      type: 'embed',
      media: 'video',
      url: `/uploads/video/${yyyy}/${mm}${dd}/${index4}.mp4`,
      title,
      durationSeconds: rng.int(45, 480),
      poster,
    });
    for (const text4 of paragraphs(ctx, lead, pool, rng.int(1, 2))) body.push({ type: 'paragraph', text: text4 });
    cover = poster;
  } else if (kind === 'gallery') {
    body.push({ type: 'paragraph', text: lead });
    for (let n = 1, count = rng.int(4, 8); n <= count; n += 1) {
      const { alt, caption } = scene(n);
      body.push({ type: 'image', image: image(ctx, asset(n), alt, caption, credit) });
    }
    cover = body[1]?.type === 'image' ? body[1].image : null;
  } else {
    const texts = paragraphs(ctx, lead, pool, rng.int(3, 8));
    const headed = !commentary && texts.length >= 5 && rng.chance(0.3);
    const headings = headed ? rng.sample(HEADINGS, 3) : [];
    for (const [i, text4] of texts.entries()) {
      const heading = i % 2 === 1 ? headings[(i - 1) / 2] : void 0;
      if (heading) body.push({ type: 'heading', level: 2, text: heading });
      body.push({ type: 'paragraph', text: text4 });
      if (i === 0 && !commentary && rng.chance(0.35)) {
        const { alt, caption } = scene(0);
        cover = image(ctx, asset(1), alt, caption, credit);
        body.push({ type: 'image', image: cover });
      }
    }
    if (!cover && !commentary && rng.chance(0.6)) cover = image(ctx, asset(0), title, null, null);
  }
  const status = statusFor(index4);
  const edited = status === 'retracted' ? rng.int(1, 72) * HOUR_MS : rng.chance(0.2) ? rng.int(5, 180) * 6e4 : 0;
  const topicTags = rng.sample(topic.tags, rng.int(1, 3));
  const scopeTags = SCOPE_TAGS[profile.scope].filter((t) => !topicTags.includes(t));
  const placeTags = rng.sample(scopeTags, rng.int(topicTags.length === 1 ? 1 : 0, 1));
  return {
    channelPath: channel.path,
    path: `/${channel.path}/${yyyy}${mm}${dd}/${index4}.html`,
    kind,
    status,
    kicker,
    title,
    subtitles,
    summary,
    source: source2,
    body,
    cover,
    editor: rng.pick(EDITORS),
    publishedAt,
    updatedAt: new Date(publishedAt.getTime() + edited),
    bylines,
    tags: [...topicTags, ...placeTags],
  };
}
var HOUR_MS,
  DAY_MS,
  BEIJING_OFFSET_MS,
  WINDOW_START,
  WINDOW_DAYS,
  STREAM_CONTENT,
  STREAM_TIME,
  ARTICLE_KIND,
  personName,
  decimal,
  countyPlace,
  usable,
  beijing,
  pad2,
  GENERATED_TAGS;
var init_generate = __esm({
  'src/modules/articles/seed/generate.ts'() {
    init_random();
    init_topics();
    init_vocabulary();
    HOUR_MS = 36e5;
    DAY_MS = 24 * HOUR_MS;
    BEIJING_OFFSET_MS = 8 * HOUR_MS;
    WINDOW_START = Date.parse('2023-07-01T00:00:00+08:00');
    WINDOW_DAYS = 274;
    STREAM_CONTENT = 0;
    STREAM_TIME = 1;
    ARTICLE_KIND = {
      news: 'story',
      video: 'video',
      photo: 'gallery',
      epaper: null,
      tv: null,
      radio: null,
    };
    personName = (rng) => rng.pick(surnames) + rng.pick(givenChars) + (rng.chance(0.7) ? rng.pick(givenChars) : '');
    decimal = (rng, min, max) => String(rng.int(min * 10, max * 10) / 10);
    countyPlace = (county) => ({
      place: county.name,
      towns: county.towns,
      landmarks: county.landmarks,
      countyDepts: true,
    });
    usable = (templates, ctx) =>
      templates.filter((t) => (ctx.town || !t.includes('{town}')) && (ctx.landmark || !t.includes('{landmark}')));
    beijing = (instant) => new Date(instant.getTime() + BEIJING_OFFSET_MS);
    pad2 = (n) => String(n).padStart(2, '0');
    GENERATED_TAGS = [
      .../* @__PURE__ */ new Set([...TOPICS.flatMap((t) => t.tags), ...Object.values(SCOPE_TAGS).flat()]),
    ];
  },
});

// src/modules/articles/seed/seed-article.ts
var SEED_ARTICLE_PATH, ORGANISATION, PUBLISHED_AT, SEED_ARTICLE;
var init_seed_article = __esm({
  'src/modules/articles/seed/seed-article.ts'() {
    SEED_ARTICLE_PATH = '/yaowen/shandong/20240315/sdwchy.html';
    ORGANISATION = '\u5927\u4F17\u65E5\u62A5\xB7\u5927\u4F17\u65B0\u95FB\u5BA2\u6237\u7AEF';
    PUBLISHED_AT = /* @__PURE__ */ new Date('2024-03-15T19:05:37+08:00');
    SEED_ARTICLE = {
      channelPath: 'yaowen/shandong',
      path: SEED_ARTICLE_PATH,
      kind: 'story',
      status: 'published',
      kicker: null,
      title:
        '\u7701\u59D4\u5E38\u59D4\u4F1A\u4F1A\u8BAE\u66A8\u7701\u7EFF\u8272\u4F4E\u78B3\u9AD8\u8D28\u91CF\u53D1\u5C55\u5148\u884C\u533A\u5EFA\u8BBE\u9886\u5BFC\u5C0F\u7EC4\u4F1A\u8BAE\u53EC\u5F00',
      subtitles: [
        '\u6293\u7262\u6293\u5B9E\u5148\u884C\u533A\u5EFA\u8BBE\u91CD\u70B9\u4EFB\u52A1',
        '\u52A0\u5FEB\u63A8\u52A8\u7EFF\u8272\u4F4E\u78B3\u9AD8\u8D28\u91CF\u53D1\u5C55',
        '\u6797\u6B66\u5468\u4E43\u7FD4\u8BB2\u8BDD \u845B\u6167\u541B\u51FA\u5E2D',
      ],
      summary:
        '3\u670814\u65E5,\u7701\u59D4\u5E38\u59D4\u4F1A\u4F1A\u8BAE\u66A8\u7701\u7EFF\u8272\u4F4E\u78B3\u9AD8\u8D28\u91CF\u53D1\u5C55\u5148\u884C\u533A\u5EFA\u8BBE\u9886\u5BFC\u5C0F\u7EC4\u4F1A\u8BAE\u5728\u6D4E\u5357\u65B0\u65E7\u52A8\u80FD\u8F6C\u6362\u8D77\u6B65\u533A\u53EC\u5F00\u3002',
      source: '\u5927\u4F17\u62A5\u4E1A\xB7\u5927\u4F17\u65E5\u62A5\u5BA2\u6237\u7AEF',
      body: [
        {
          type: 'paragraph',
          text: '3\u670814\u65E5,\u7701\u59D4\u5E38\u59D4\u4F1A\u4F1A\u8BAE\u66A8\u7701\u7EFF\u8272\u4F4E\u78B3\u9AD8\u8D28\u91CF\u53D1\u5C55\u5148\u884C\u533A\u5EFA\u8BBE\u9886\u5BFC\u5C0F\u7EC4\u4F1A\u8BAE\u5728\u6D4E\u5357\u65B0\u65E7\u52A8\u80FD\u8F6C\u6362\u8D77\u6B65\u533A\u53EC\u5F00\u3002\u4F1A\u8BAE\u6DF1\u5165\u5B66\u4E60\u8D2F\u5F7B\u4E60\u8FD1\u5E73\u603B\u4E66\u8BB0\u91CD\u8981\u8BB2\u8BDD\u3001\u91CD\u8981\u6307\u793A\u7CBE\u795E\u548C\u515A\u4E2D\u592E\u51B3\u7B56\u90E8\u7F72,\u8D2F\u5F7B\u843D\u5B9E\u5168\u56FD\u4E24\u4F1A\u7CBE\u795E,\u4E13\u9898\u7814\u7A76\u6211\u7701\u7EFF\u8272\u4F4E\u78B3\u9AD8\u8D28\u91CF\u53D1\u5C55\u5148\u884C\u533A\u5EFA\u8BBE\u3001\u6D4E\u5357\u65B0\u65E7\u52A8\u80FD\u8F6C\u6362\u8D77\u6B65\u533A\u5EFA\u8BBE\u5DE5\u4F5C,\u52A0\u5FEB\u63A8\u52A8\u7EFF\u8272\u4F4E\u78B3\u9AD8\u8D28\u91CF\u53D1\u5C55\u3002',
        },
        {
          type: 'paragraph',
          text: '\u7701\u59D4\u4E66\u8BB0\u3001\u7701\u7EFF\u8272\u4F4E\u78B3\u9AD8\u8D28\u91CF\u53D1\u5C55\u5148\u884C\u533A\u5EFA\u8BBE\u9886\u5BFC\u5C0F\u7EC4\u7EC4\u957F\u6797\u6B66\u4E3B\u6301\u4F1A\u8BAE\u5E76\u8BB2\u8BDD,\u7701\u59D4\u526F\u4E66\u8BB0\u3001\u7701\u957F\u3001\u7701\u7EFF\u8272\u4F4E\u78B3\u9AD8\u8D28\u91CF\u53D1\u5C55\u5148\u884C\u533A\u5EFA\u8BBE\u9886\u5BFC\u5C0F\u7EC4\u7EC4\u957F\u5468\u4E43\u7FD4\u8BB2\u8BDD,\u7701\u653F\u534F\u4E3B\u5E2D\u845B\u6167\u541B,\u7701\u4EBA\u5927\u5E38\u59D4\u4F1A\u526F\u4E3B\u4EFB\u3001\u515A\u7EC4\u4E66\u8BB0\u6768\u4E1C\u5947\u51FA\u5E2D\u3002',
        },
        {
          type: 'paragraph',
          text: '14\u65E5\u4E0A\u5348,\u7701\u59D4\u5E38\u59D4\u3001\u6709\u5173\u7701\u9886\u5BFC\u548C\u7701\u76F4\u90E8\u95E8\u8D1F\u8D23\u540C\u5FD7\u5728\u6D4E\u5357\u65B0\u65E7\u52A8\u80FD\u8F6C\u6362\u8D77\u6B65\u533A,\u5B9E\u5730\u8C03\u7814\u4E86\u6D4E\u5357\u56FD\u9645\u6807\u51C6\u5730\u62DB\u5546\u4EA7\u4E1A\u56ED\u3001\u6D4E\u5357\u7EFF\u52A8\u6C22\u80FD\u79D1\u6280\u6709\u9650\u516C\u53F8\u3001\u5C71\u4E1C\u5927\u5B66\u7B2C\u4E8C\u533B\u9662\u5317\u9662\u533A\u3001\u9EC4\u6CB3\u4F53\u80B2\u4E2D\u5FC3\u3001\u57CE\u5E02\u526F\u4E2D\u5FC3\u793A\u8303\u533A\u3001\u603B\u90E8\u7ECF\u6D4E\u533A\u3001\u4E2D\u65B0(\u6D4E\u5357)\u7EFF\u8272\u667A\u6167\u793A\u8303\u533A\u3001\u5927\u6865\u8857\u9053\u5B89\u7F6E\u623F\u7B49\u9879\u76EE\u3002\u901A\u8FC7\u8C03\u7814,\u5927\u5BB6\u666E\u904D\u611F\u5230,\u8D77\u6B65\u533A\u5EFA\u8BBE\u89C4\u5212\u5DF2\u57FA\u672C\u5B9A\u578B\u5E76\u6574\u4F53\u8F6C\u5165\u843D\u5730\u5B9E\u65BD\u9636\u6BB5,\u5185\u5916\u4EA4\u901A\u66F4\u52A0\u7545\u901A\u4FBF\u6377,\u91CD\u5927\u4EA7\u4E1A\u9879\u76EE\u5E26\u52A8\u4F5C\u7528\u6BD4\u8F83\u5F3A,\u7EFC\u5408\u627F\u8F7D\u80FD\u529B\u9010\u6B65\u63D0\u5347,\u5404\u65B9\u9762\u6210\u6548\u660E\u663E\u3001\u53D8\u5316\u5F88\u5927\u3002\u4ECE\u5168\u7701\u6765\u770B,\u6211\u4EEC\u575A\u6301\u628A\u5EFA\u8BBE\u7EFF\u8272\u4F4E\u78B3\u9AD8\u8D28\u91CF\u53D1\u5C55\u5148\u884C\u533A\u4F5C\u4E3A\u5404\u9879\u5DE5\u4F5C\u7684\u603B\u6293\u624B,\u951A\u5B9A\u201C\u8D70\u5728\u524D\u3001\u5F00\u65B0\u5C40\u201D,\u5065\u5168\u5DE5\u4F5C\u673A\u5236,\u5B8C\u5584\u653F\u7B56\u4F53\u7CFB,\u592F\u5B9E\u9879\u76EE\u652F\u6491,\u5148\u884C\u533A\u5EFA\u8BBE\u53D6\u5F97\u663E\u8457\u6210\u6548\u3001\u5B9E\u73B0\u5F3A\u52BF\u5F00\u5C40,\u5448\u73B0\u51FA\u8BF8\u591A\u4EAE\u70B9\u3002',
        },
        {
          type: 'paragraph',
          text: '\u5927\u5BB6\u8868\u793A,\u5F53\u524D,\u5148\u884C\u533A\u5EFA\u8BBE\u5DF2\u4ECE\u89C4\u5212\u7F16\u5236\u3001\u5F00\u5C40\u8D77\u6B65\u8F6C\u5165\u5168\u9762\u5C55\u5F00\u3001\u7EB5\u6DF1\u63A8\u8FDB\u7684\u65B0\u9636\u6BB5,\u6B63\u5904\u4E8E\u4E00\u4E2A\u975E\u5E38\u5173\u952E\u7684\u65F6\u671F,\u9700\u8981\u8FDB\u4E00\u6B65\u660E\u786E\u53D1\u529B\u65B9\u5411\u548C\u5DE5\u4F5C\u7740\u529B\u70B9\u3002\u8FD9\u6B21\u4F1A\u8BAE\u4E13\u9898\u7814\u7A76\u8D77\u6B65\u533A\u3001\u5148\u884C\u533A\u5EFA\u8BBE,\u4F53\u73B0\u51FA\u7701\u59D4\u5BF9\u63A8\u8FDB\u8D77\u6B65\u533A\u3001\u5148\u884C\u533A\u5EFA\u8BBE\u7684\u9AD8\u5EA6\u91CD\u89C6,\u5FC5\u5C06\u9F13\u821E\u6597\u5FD7\u3001\u6FC0\u53D1\u5E72\u52B2,\u575A\u5B9A\u5168\u7701\u4E0A\u4E0B\u4E58\u52BF\u800C\u4E0A\u3001\u6DF1\u5165\u63A8\u52A8\u7EFF\u8272\u4F4E\u78B3\u9AD8\u8D28\u91CF\u53D1\u5C55\u7684\u4FE1\u5FC3\u51B3\u5FC3\u3002',
        },
        {
          type: 'paragraph',
          text: '\u5728\u4E0B\u5348\u4E3E\u884C\u7684\u4F1A\u8BAE\u4E0A,\u542C\u53D6\u4E86\u5173\u4E8E2023\u5E74\u7701\u7EFF\u8272\u4F4E\u78B3\u9AD8\u8D28\u91CF\u53D1\u5C55\u5148\u884C\u533A\u5EFA\u8BBE\u63A8\u8FDB\u60C5\u51B5\u548C2024\u5E74\u5DE5\u4F5C\u601D\u8DEF\u3001\u6D4E\u5357\u65B0\u65E7\u52A8\u80FD\u8F6C\u6362\u8D77\u6B65\u533A\u5EFA\u8BBE\u5DE5\u4F5C\u60C5\u51B5\u53CA\u4E0B\u6B65\u5DE5\u4F5C\u6253\u7B97\u7684\u6C47\u62A5,\u5BA1\u8BAE\u4E86\u300A\u5C71\u4E1C\u7701\u7EFF\u8272\u4F4E\u78B3\u9AD8\u8D28\u91CF\u53D1\u5C55\u5148\u884C\u533A\u5EFA\u8BBE\u5DE5\u4F5C\u60C5\u51B5\u62A5\u544A\u300B\u7B49\u6709\u5173\u6587\u4EF6\u3002\u6797\u6B66\u3001\u5468\u4E43\u7FD4\u4F5C\u4E86\u8BB2\u8BDD\u3002',
        },
        {
          type: 'paragraph',
          text: '\u4F1A\u8BAE\u6307\u51FA,\u6DF1\u5316\u7EFF\u8272\u4F4E\u78B3\u9AD8\u8D28\u91CF\u53D1\u5C55\u5148\u884C\u533A\u5EFA\u8BBE,\u662F\u8D2F\u5F7B\u843D\u5B9E\u4E60\u8FD1\u5E73\u603B\u4E66\u8BB0\u91CD\u8981\u6307\u793A\u7CBE\u795E\u7684\u5FC5\u7136\u8981\u6C42,\u662F\u63A8\u8FDB\u4E2D\u56FD\u5F0F\u73B0\u4EE3\u5316\u5C71\u4E1C\u5B9E\u8DF5\u7684\u5FC5\u7136\u8981\u6C42,\u662F\u5851\u9020\u5C71\u4E1C\u9AD8\u8D28\u91CF\u53D1\u5C55\u65B0\u4F18\u52BF\u7684\u5FC5\u7136\u8981\u6C42,\u662F\u4FC3\u8FDB\u5171\u540C\u5BCC\u88D5\u7684\u5FC5\u7136\u8981\u6C42\u3002\u63A8\u8FDB\u5148\u884C\u533A\u5EFA\u8BBE,\u6700\u6839\u672C\u7684\u662F\u8D2F\u5F7B\u65B0\u53D1\u5C55\u7406\u5FF5,\u6700\u5173\u952E\u7684\u662F\u63A8\u8FDB\u7EFF\u8272\u4F4E\u78B3\u8F6C\u578B,\u6700\u7D27\u8FEB\u7684\u662F\u5927\u529B\u53D1\u5C55\u5B9E\u4F53\u7ECF\u6D4E\u3002\u5404\u7EA7\u5404\u90E8\u95E8\u8981\u5207\u5B9E\u628A\u601D\u60F3\u548C\u884C\u52A8\u7EDF\u4E00\u5230\u515A\u4E2D\u592E\u90E8\u7F72\u8981\u6C42\u4E0A\u6765,\u8FDB\u4E00\u6B65\u63D0\u9AD8\u653F\u6CBB\u7AD9\u4F4D,\u5F3A\u5316\u4F7F\u547D\u62C5\u5F53,\u7262\u7262\u626D\u4F4F\u5EFA\u8BBE\u7EFF\u8272\u4F4E\u78B3\u9AD8\u8D28\u91CF\u53D1\u5C55\u5148\u884C\u533A\u8FD9\u4E2A\u603B\u6293\u624B\u4E0D\u52A8\u6447,\u52A0\u538B\u594B\u8FDB\u3001\u653B\u575A\u7A81\u7834,\u52AA\u529B\u63A8\u52A8\u5404\u9879\u5DE5\u4F5C\u4E0D\u65AD\u53D6\u5F97\u65B0\u8FDB\u5C55\u3001\u65B0\u6210\u6548,\u4EE5\u5B9E\u9645\u884C\u52A8\u575A\u5B9A\u62E5\u62A4\u201C\u4E24\u4E2A\u786E\u7ACB\u201D\u3001\u575A\u51B3\u505A\u5230\u201C\u4E24\u4E2A\u7EF4\u62A4\u201D\u3002',
        },
        {
          type: 'paragraph',
          text: '\u4F1A\u8BAE\u5F3A\u8C03,\u5EFA\u8BBE\u7EFF\u8272\u4F4E\u78B3\u9AD8\u8D28\u91CF\u53D1\u5C55\u5148\u884C\u533A\u662F\u8986\u76D6\u5168\u7701\u5168\u57DF\u7684\u91CD\u5927\u6218\u7565,\u6D4E\u5357\u8D77\u6B65\u533A\u662F\u63A8\u52A8\u5148\u884C\u533A\u5EFA\u8BBE\u7684\u91CD\u8981\u8F7D\u4F53\u5E73\u53F0,\u4E5F\u662F\u4FC3\u8FDB\u5168\u7701\u9AD8\u8D28\u91CF\u53D1\u5C55\u7684\u91CD\u8981\u589E\u957F\u6781;\u8D77\u6B65\u533A\u5EFA\u597D\u4E86,\u5C31\u80FD\u5BF9\u5148\u884C\u533A\u8D77\u5230\u5F3A\u6709\u529B\u7684\u793A\u8303\u5F15\u9886\u4F5C\u7528\u3002\u52A0\u5FEB\u5EFA\u8BBE\u8D77\u6B65\u533A,\u5173\u952E\u662F\u505A\u597D\u4EA7\u57CE\u878D\u5408\u7684\u6587\u7AE0,\u8981\u6309\u7167\u201C\u4EE5\u4EA7\u4FC3\u57CE\u3001\u4EE5\u57CE\u5174\u4EA7\u3001\u4EA7\u57CE\u878D\u5408\u201D\u7684\u601D\u8DEF,\u52A0\u5FEB\u63A8\u8FDB\u57FA\u7840\u8BBE\u65BD\u914D\u5957,\u52A0\u5FEB\u5BFC\u5165\u57F9\u80B2\u4F18\u8D28\u4EA7\u4E1A,\u594B\u529B\u5411\u201C\u4E94\u5E74\u6210\u5F62\u201D\u76EE\u6807\u8FC8\u8FDB\u3002\u8981\u4E0B\u5927\u529B\u6C14\u6293\u4EA7\u4E1A\u53D1\u5C55,\u7740\u529B\u62DB\u5927\u5F15\u5F3A,\u7740\u529B\u805A\u94FE\u6210\u7FA4,\u7740\u529B\u57F9\u4F18\u80B2\u65B0;\u4E0B\u5927\u529B\u6C14\u6293\u793A\u8303\u533A\u5EFA\u8BBE,\u4F18\u5316\u53D1\u5C55\u5E03\u5C40,\u52A0\u5FEB\u5DE5\u4F5C\u63A8\u8FDB,\u5851\u4F18\u57CE\u5E02\u5F62\u8C61;\u4E0B\u5927\u529B\u6C14\u6293\u57CE\u5E02\u529F\u80FD\u5B8C\u5584,\u52A0\u5FEB\u5B8C\u5584\u7EFC\u5408\u4EA4\u901A\u3001\u516C\u5171\u670D\u52A1\u3001\u751F\u6001\u73AF\u5883\u8BBE\u65BD,\u63D0\u5347\u57CE\u5E02\u7EFC\u5408\u627F\u8F7D\u529B;\u4E0B\u5927\u529B\u6C14\u6293\u8F6F\u73AF\u5883\u8425\u9020,\u505A\u4F18\u4EBA\u624D\u751F\u6001\u3001\u6570\u5B57\u6CBB\u7406\u3001\u8425\u5546\u73AF\u5883,\u63D0\u5347\u5438\u5F15\u529B\u3001\u7ADE\u4E89\u529B\u3001\u5F71\u54CD\u529B\u3002',
        },
        {
          type: 'paragraph',
          text: '\u4F1A\u8BAE\u6307\u51FA,\u8981\u4EE5\u6709\u529B\u4E3E\u63AA\u6293\u597D\u5148\u884C\u533A\u5EFA\u8BBE\u91CD\u70B9\u4EFB\u52A1\u843D\u5B9E\u3002\u4E00\u662F\u52A0\u5FEB\u63A8\u8FDB\u8BBE\u5907\u66F4\u65B0,\u6478\u6E05\u5E95\u6570,\u505A\u597D\u5DE5\u4F5C,\u4FC3\u8FDB\u5148\u8FDB\u8BBE\u5907\u751F\u4EA7\u5E94\u7528,\u63A8\u52A8\u5148\u8FDB\u4EA7\u80FD\u6BD4\u91CD\u6301\u7EED\u63D0\u5347;\u6293\u597D\u6D88\u8D39\u54C1\u4EE5\u65E7\u6362\u65B0\u5DE5\u4F5C,\u7814\u7A76\u652F\u6301\u5F15\u5BFC\u653F\u7B56,\u63A8\u52A8\u4F9B\u7ED9\u63D0\u8D28\u5347\u7EA7,\u6709\u6548\u63D0\u632F\u5C45\u6C11\u6D88\u8D39\u3002\u4E8C\u662F\u52A0\u5FEB\u53D1\u5C55\u65B0\u8D28\u751F\u4EA7\u529B,\u7A81\u51FA\u79D1\u6280\u521B\u65B0\u5F15\u9886,\u52A0\u5FEB\u4EA7\u4E1A\u63D0\u6863\u5347\u7EA7,\u56E0\u5730\u5236\u5B9C\u6709\u5E8F\u63A8\u8FDB,\u5168\u9762\u91CA\u653E\u53D1\u5C55\u65B0\u8D28\u751F\u4EA7\u529B\u7684\u52A8\u529B\u6D3B\u529B\u3002\u4E09\u662F\u52A0\u5FEB\u5BF9\u5185\u5BF9\u5916\u5F00\u653E,\u5145\u5206\u7528\u597D\u4E24\u4E2A\u5E02\u573A\u3001\u4E24\u79CD\u8D44\u6E90,\u5728\u533A\u57DF\u534F\u4F5C\u4E0A\u6709\u65B0\u4E3E\u63AA,\u5728\u62DB\u5546\u5F15\u8D44\u4E0A\u6709\u65B0\u6210\u679C,\u5728\u56FD\u9645\u7ECF\u8D38\u5408\u4F5C\u4E0A\u6709\u65B0\u7A81\u7834,\u4E3A\u9AD8\u8D28\u91CF\u53D1\u5C55\u6CE8\u5165\u5F3A\u52B2\u52A8\u80FD\u3002\u56DB\u662F\u52A0\u5FEB\u6784\u5EFA\u65B0\u578B\u80FD\u6E90\u4F53\u7CFB,\u6253\u9020\u66F4\u591A\u7EFF\u8272\u751F\u4EA7\u6807\u6746\u793A\u8303,\u6DF1\u5165\u5B9E\u65BD\u7EFF\u8272\u4F4E\u78B3\u5168\u6C11\u884C\u52A8,\u63A8\u52A8\u7ECF\u6D4E\u793E\u4F1A\u5168\u9762\u7EFF\u8272\u4F4E\u78B3\u8F6C\u578B\u3002\u4E94\u662F\u52A0\u5FEB\u63D0\u5347\u4EBA\u6C11\u751F\u6D3B\u54C1\u8D28,\u6293\u597D\u57CE\u5E02\u66F4\u65B0\u3001\u517B\u8001\u6258\u80B2\u8BBE\u65BD\u5EFA\u8BBE\u3001\u57FA\u672C\u516C\u5171\u670D\u52A1\u8BBE\u65BD\u914D\u5957\u7B49\u91CD\u70B9\u9886\u57DF\u5DE5\u4F5C,\u771F\u6B63\u628A\u597D\u4E8B\u5B9E\u4E8B\u529E\u5230\u7FA4\u4F17\u5FC3\u574E\u4E0A\u3002',
        },
        {
          type: 'paragraph',
          text: '\u4F1A\u8BAE\u5F3A\u8C03,\u4E0D\u7BA1\u662F\u5EFA\u8BBE\u5148\u884C\u533A\u8FD8\u662F\u8D77\u6B65\u533A,\u90FD\u8981\u843D\u5B9E\u5230\u4E00\u4E2A\u4E2A\u9879\u76EE\u4E0A\u3002\u8981\u5065\u5168\u9879\u76EE\u5EFA\u8BBE\u68AF\u6B21\u63A8\u8FDB\u673A\u5236,\u5B8C\u5584\u5168\u8FC7\u7A0B\u95ED\u73AF\u63A8\u8FDB\u4F53\u7CFB,\u4EE5\u9AD8\u6C34\u5E73\u9879\u76EE\u5EFA\u8BBE\u652F\u6491\u9AD8\u8D28\u91CF\u53D1\u5C55\u3002\u8981\u538B\u5B9E\u5DE5\u4F5C\u8D23\u4EFB,\u52A0\u5F3A\u653F\u7B56\u4FDD\u969C,\u52A0\u5F3A\u8BC4\u4F30\u95EE\u6548,\u52A0\u5F3A\u5BA3\u4F20\u5F15\u5BFC,\u51DD\u805A\u9F50\u6293\u5171\u7BA1\u3001\u534F\u540C\u63A8\u8FDB\u7684\u5F3A\u5927\u5408\u529B\u3002',
        },
        {
          type: 'paragraph',
          text: '\u4F1A\u8BAE\u4EE5\u89C6\u9891\u5F62\u5F0F\u53EC\u5F00\u3002\u7701\u59D4\u5E38\u59D4,\u6709\u5173\u7701\u9886\u5BFC,\u6D4E\u5357\u5E02\u3001\u7701\u76F4\u6709\u5173\u90E8\u95E8\u8D1F\u8D23\u540C\u5FD7\u5728\u4E3B\u4F1A\u573A\u53C2\u52A0\u4F1A\u8BAE\u3002\u5404\u5E02\u8BBE\u5206\u4F1A\u573A\u3002',
        },
      ],
      cover: {
        url: '/uploads/2024/03/15/sdwchy-cover.jpg',
        width: 1080,
        height: 720,
        alt: '\u7701\u59D4\u5E38\u59D4\u4F1A\u4F1A\u8BAE\u66A8\u7701\u7EFF\u8272\u4F4E\u78B3\u9AD8\u8D28\u91CF\u53D1\u5C55\u5148\u884C\u533A\u5EFA\u8BBE\u9886\u5BFC\u5C0F\u7EC4\u4F1A\u8BAE\u73B0\u573A',
        caption:
          '3\u670814\u65E5,\u7701\u59D4\u5E38\u59D4\u4F1A\u4F1A\u8BAE\u66A8\u7701\u7EFF\u8272\u4F4E\u78B3\u9AD8\u8D28\u91CF\u53D1\u5C55\u5148\u884C\u533A\u5EFA\u8BBE\u9886\u5BFC\u5C0F\u7EC4\u4F1A\u8BAE\u5728\u6D4E\u5357\u65B0\u65E7\u52A8\u80FD\u8F6C\u6362\u8D77\u6B65\u533A\u53EC\u5F00\u3002',
        credit: '\u738B\u4E16\u7FD4 \u6444',
      },
      editor: '\u6C88\u6B23\u6B23',
      publishedAt: PUBLISHED_AT,
      updatedAt: PUBLISHED_AT,
      bylines: [
        { role: 'reporter', name: '\u8D75\u6D2A\u6770', organisation: ORGANISATION },
        { role: 'reporter', name: '\u5218\u5175', organisation: ORGANISATION },
        { role: 'reporter', name: '\u674E\u5B50\u8DEF', organisation: ORGANISATION },
        { role: 'photographer', name: '\u738B\u4E16\u7FD4', organisation: ORGANISATION },
      ],
      tags: [
        '\u7EFF\u8272\u4F4E\u78B3',
        '\u5148\u884C\u533A',
        '\u8D77\u6B65\u533A',
        '\u9AD8\u8D28\u91CF\u53D1\u5C55',
        '\u65B0\u8D28\u751F\u4EA7\u529B',
        '\u7701\u59D4\u5E38\u59D4\u4F1A',
      ],
    };
  },
});

// src/modules/articles/seed/articles.ts
import { inArray as inArray2, sql as sql5 } from 'drizzle-orm';

async function upsertTags(db, names2, ids) {
  const missing = [...new Set(names2)].filter((name) => !ids.has(name));
  for (const batch of chunks(missing, BATCH)) {
    const saved = await db
      .insert(tags)
      .values(batch.map((name) => ({ name })))
      .onConflictDoUpdate({ target: tags.name, set: excluded(tags, ['name']) })
      .returning({ id: tags.id, name: tags.name });
    for (const { id, name } of saved) ids.set(name, id);
  }
}
async function upsertArticles(db, records, channelIds, tagIds2) {
  const rows = records.map(({ channelPath, bylines: _, tags: __, ...article }) => {
    const channelId = channelIds.get(channelPath);
    if (channelId === void 0) throw new Error(`article ${article.path}: unknown channel ${channelPath}`);
    return { ...article, channelId };
  });
  const saved = await db
    .insert(articles)
    .values(rows)
    .onConflictDoUpdate({
      target: articles.path,
      set: excluded(articles, [
        'channelId',
        'kind',
        'status',
        'kicker',
        'title',
        'subtitles',
        'summary',
        'source',
        'body',
        'cover',
        'editor',
        'publishedAt',
        'updatedAt',
      ]),
    })
    .returning({ id: articles.id, path: articles.path });
  const idByPath = new Map(saved.map(({ id, path }) => [path, id]));
  const articleIds = saved.map(({ id }) => id);
  await db.delete(articleBylines).where(inArray2(articleBylines.articleId, articleIds));
  await db.delete(articleTags).where(inArray2(articleTags.articleId, articleIds));
  await upsertTags(
    db,
    records.flatMap((r) => r.tags),
    tagIds2,
  );
  const bylineRows = records.flatMap((r) =>
    r.bylines.map((byline, position) => ({ articleId: idByPath.get(r.path), position, ...byline })),
  );
  const tagRows = records.flatMap((r) =>
    [...new Set(r.tags)].map((name, position) => ({
      articleId: idByPath.get(r.path),
      tagId: tagIds2.get(name),
      position,
    })),
  );
  for (const batch of chunks(bylineRows, BATCH * 4)) await db.insert(articleBylines).values(batch);
  for (const batch of chunks(tagRows, BATCH * 4)) await db.insert(articleTags).values(batch);
  return articleIds;
}
async function seedArticles(db, run) {
  const total = run.options.articles ?? DEFAULT_ARTICLES;
  const channelRows = await db.execute(sql5.raw(CHANNEL_ROWS_SQL));
  const rows = channelRows.rows;
  const channelIds = new Map(rows.map((row) => [row.path, row.id]));
  const refs = channelRefs(rows);
  const tagIds2 = /* @__PURE__ */ new Map();
  await upsertTags(db, [...SEED_ARTICLE.tags, ...GENERATED_TAGS], tagIds2);
  const written = await upsertArticles(db, [SEED_ARTICLE], channelIds, tagIds2);
  for (let first = 1; first <= total; first += BATCH) {
    const last = Math.min(total, first + BATCH - 1);
    const batch = Array.from({ length: last - first + 1 }, (_, i) => generateArticle(first + i, refs));
    written.push(...(await upsertArticles(db, batch, channelIds, tagIds2)));
  }
  run.written.articles = written;
  return { articles: total + 1, tags: tagIds2.size };
}
var DEFAULT_ARTICLES, BATCH;
var init_articles = __esm({
  'src/modules/articles/seed/articles.ts'() {
    init_seed();
    init_tables3();
    init_channel_refs();
    init_generate();
    init_seed_article();
    DEFAULT_ARTICLES = 360;
    BATCH = 200;
  },
});

// src/modules/articles/seed.ts
var seed_exports = {};
__export(seed_exports, {
  seed: () => seedArticles,
});
var init_seed2 = __esm({
  'src/modules/articles/seed.ts'() {
    init_articles();
  },
});

// src/modules/channels/seed.ts
var seed_exports2 = {};
__export(seed_exports2, {
  seed: () => seed,
});
function flatten(nodes, parent) {
  return nodes.flatMap((node, position) => {
    const seed5 = {
      slug: node.slug,
      path: parent ? `${parent.path}/${node.slug}` : node.slug,
      depth: parent ? parent.depth + 1 : 0,
      position,
      name: node.name,
      description: node.description,
      kind: node.kind ?? parent?.kind ?? 'news',
      // Sub-channels are navigable too; the page header simply shows the top level only.
      inNavigation: true,
    };
    return [seed5, ...flatten(node.children ?? [], seed5)];
  });
}
async function seed(db) {
  const ids = /* @__PURE__ */ new Map();
  const maxDepth = Math.max(...CHANNELS.map((c) => c.depth));
  for (let depth = 0; depth <= maxDepth; depth += 1) {
    const level = CHANNELS.filter((c) => c.depth === depth);
    const rows = level.map(({ path, ...channel }) => {
      const parentPath = path.slice(0, path.lastIndexOf('/'));
      const parentId = depth === 0 ? null : ids.get(parentPath);
      if (parentId === void 0) throw new Error(`channel ${path} comes before its parent`);
      return { siteId: SITE_ID, parentId, path, ...channel };
    });
    const saved = await db
      .insert(channels)
      .values(rows)
      .onConflictDoUpdate({
        target: channels.path,
        set: excluded(channels, [
          'siteId',
          'parentId',
          'slug',
          'depth',
          'name',
          'description',
          'kind',
          'position',
          'inNavigation',
        ]),
      })
      .returning({ id: channels.id, path: channels.path });
    for (const { id, path } of saved) ids.set(path, id);
  }
  return { channels: ids.size };
}
var TREE, CHANNELS;
var init_seed3 = __esm({
  'src/modules/channels/seed.ts'() {
    init_seed();
    init_site();
    init_tables2();
    TREE = [
      {
        slug: 'ruiping',
        name: '\u9510\u8BC4',
        description:
          '\u804A\u57CE\u65B0\u95FB\u7F51\u8BC4\u8BBA\u5458\u5BF9\u672C\u5730\u70ED\u70B9\u8BDD\u9898\u7684\u89C2\u70B9\u4E0E\u8BC4\u8BBA\u3002',
      },
      {
        slug: 'yaowen',
        name: '\u8981\u95FB',
        description: '\u804A\u57CE\u3001\u5C71\u4E1C\u53CA\u56FD\u5185\u5916\u7684\u91CD\u8981\u65B0\u95FB\u3002',
        children: [
          {
            slug: 'shandong',
            name: '\u5C71\u4E1C',
            description:
              '\u5168\u7701\u91CD\u8981\u4F1A\u8BAE\u3001\u653F\u7B56\u90E8\u7F72\u4E0E\u53D1\u5C55\u52A8\u6001\u3002',
          },
          {
            slug: 'liaocheng',
            name: '\u804A\u57CE',
            description:
              '\u804A\u57CE\u5E02\u59D4\u5E02\u653F\u5E9C\u91CD\u8981\u6D3B\u52A8\u4E0E\u5168\u5E02\u53D1\u5C55\u52A8\u6001\u3002',
          },
          {
            slug: 'guonei',
            name: '\u56FD\u5185',
            description: '\u56FD\u5185\u91CD\u8981\u65F6\u653F\u3001\u7ECF\u6D4E\u4E0E\u793E\u4F1A\u65B0\u95FB\u3002',
          },
          {
            slug: 'guoji',
            name: '\u56FD\u9645',
            description:
              '\u56FD\u9645\u91CD\u8981\u65B0\u95FB\u4E0E\u5BF9\u5916\u4EA4\u6D41\u5408\u4F5C\u52A8\u6001\u3002',
          },
        ],
      },
      {
        slug: 'shiting',
        name: '\u89C6\u542C',
        kind: 'video',
        description: '\u804A\u57CE\u65B0\u95FB\u7F51\u539F\u521B\u77ED\u89C6\u9891\u4E0E\u65B0\u95FB\u89C6\u9891\u3002',
      },
      {
        slug: 'tushuo',
        name: '\u56FE\u8BF4',
        kind: 'photo',
        description: '\u7528\u955C\u5934\u8BB0\u5F55\u6C5F\u5317\u6C34\u57CE\u7684\u4EBA\u548C\u4E8B\u3002',
      },
      {
        slug: 'rexian',
        name: '\u70ED\u7EBF',
        description:
          '\u53D7\u7406\u7FA4\u4F17\u53CD\u6620\u7684\u6025\u96BE\u6101\u76FC\u95EE\u9898\uFF0C\u5E76\u8DDF\u8E2A\u62A5\u9053\u529E\u7406\u7ED3\u679C\u3002',
      },
      {
        slug: 'bumen',
        name: '\u90E8\u95E8',
        description:
          '\u5E02\u76F4\u90E8\u95E8\u548C\u5355\u4F4D\u7684\u5DE5\u4F5C\u52A8\u6001\u4E0E\u653F\u7B56\u89E3\u8BFB\u3002',
      },
      {
        slug: 'xianyu',
        name: '\u53BF\u57DF',
        description:
          '\u804A\u57CE\u5404\u53BF\uFF08\u5E02\u3001\u533A\uFF09\u7684\u53D1\u5C55\u52A8\u6001\u4E0E\u57FA\u5C42\u65B0\u95FB\u3002',
        children: [
          {
            slug: 'dongchangfu',
            name: '\u4E1C\u660C\u5E9C',
            description: '\u4E1C\u660C\u5E9C\u533A\u7684\u53D1\u5C55\u52A8\u6001\u4E0E\u57FA\u5C42\u65B0\u95FB\u3002',
          },
          {
            slug: 'linqing',
            name: '\u4E34\u6E05',
            description: '\u4E34\u6E05\u5E02\u7684\u53D1\u5C55\u52A8\u6001\u4E0E\u57FA\u5C42\u65B0\u95FB\u3002',
          },
          {
            slug: 'yanggu',
            name: '\u9633\u8C37',
            description: '\u9633\u8C37\u53BF\u7684\u53D1\u5C55\u52A8\u6001\u4E0E\u57FA\u5C42\u65B0\u95FB\u3002',
          },
          {
            slug: 'chiping',
            name: '\u830C\u5E73',
            description: '\u830C\u5E73\u533A\u7684\u53D1\u5C55\u52A8\u6001\u4E0E\u57FA\u5C42\u65B0\u95FB\u3002',
          },
          {
            slug: 'shenxian',
            name: '\u8398\u53BF',
            description: '\u8398\u53BF\u7684\u53D1\u5C55\u52A8\u6001\u4E0E\u57FA\u5C42\u65B0\u95FB\u3002',
          },
          {
            slug: 'donge',
            name: '\u4E1C\u963F',
            description: '\u4E1C\u963F\u53BF\u7684\u53D1\u5C55\u52A8\u6001\u4E0E\u57FA\u5C42\u65B0\u95FB\u3002',
          },
          {
            slug: 'guanxian',
            name: '\u51A0\u53BF',
            description: '\u51A0\u53BF\u7684\u53D1\u5C55\u52A8\u6001\u4E0E\u57FA\u5C42\u65B0\u95FB\u3002',
          },
          {
            slug: 'gaotang',
            name: '\u9AD8\u5510',
            description: '\u9AD8\u5510\u53BF\u7684\u53D1\u5C55\u52A8\u6001\u4E0E\u57FA\u5C42\u65B0\u95FB\u3002',
          },
        ],
      },
      {
        slug: 'szb',
        name: '\u6570\u5B57\u62A5',
        kind: 'epaper',
        description: '\u804A\u57CE\u65E5\u62A5\u3001\u804A\u57CE\u665A\u62A5\u7684\u6570\u5B57\u7248\u3002',
      },
      {
        slug: 'tv',
        name: '\u770B\u7535\u89C6',
        kind: 'tv',
        description:
          '\u804A\u57CE\u5E7F\u64AD\u7535\u89C6\u53F0\u7535\u89C6\u9891\u9053\u7684\u76F4\u64AD\u4E0E\u70B9\u64AD\u3002',
      },
      {
        slug: 'radio',
        name: '\u542C\u5E7F\u64AD',
        kind: 'radio',
        description:
          '\u804A\u57CE\u4EBA\u6C11\u5E7F\u64AD\u7535\u53F0\u5404\u9891\u7387\u7684\u76F4\u64AD\u4E0E\u8282\u76EE\u56DE\u542C\u3002',
      },
    ];
    CHANNELS = flatten(TREE, null);
  },
});

// src/modules/recommendations/seed.ts
var seed_exports3 = {};
__export(seed_exports3, {
  seed: () => seed2,
});
async function seed2(db, run) {
  const ids = run.written.articles ?? [];
  await computeRelatedByTags(db, ids);
  return { relatedLists: ids.length };
}
var init_seed4 = __esm({
  'src/modules/recommendations/seed.ts'() {
    init_compute();
  },
});

// src/modules/site/seed.ts
var seed_exports4 = {};
__export(seed_exports4, {
  seed: () => seed3,
});

import { and as and2, eq as eq3, gte } from 'drizzle-orm';

async function seed3(db) {
  await db
    .insert(sites)
    .values(SITE)
    .onConflictDoUpdate({
      target: sites.id,
      set: excluded(sites, [
        'name',
        'url',
        'homeLabel',
        'copyright',
        'operators',
        'operatorsNote',
        'reportPhone',
        'reportEmail',
      ]),
    });
  await db
    .insert(siteLinks)
    .values(SITE_LINKS.map((link, position) => ({ siteId: SITE_ID, position, ...link })))
    .onConflictDoUpdate({
      target: [siteLinks.siteId, siteLinks.position],
      set: excluded(siteLinks, ['label', 'href']),
    });
  await db.delete(siteLinks).where(and2(eq3(siteLinks.siteId, SITE_ID), gte(siteLinks.position, SITE_LINKS.length)));
  await db
    .insert(siteLicences)
    .values(SITE_LICENCES.map((licence, position) => ({ siteId: SITE_ID, position, ...licence })))
    .onConflictDoUpdate({
      target: [siteLicences.siteId, siteLicences.position],
      set: excluded(siteLicences, ['kind', 'label', 'number', 'text', 'href']),
    });
  await db
    .delete(siteLicences)
    .where(and2(eq3(siteLicences.siteId, SITE_ID), gte(siteLicences.position, SITE_LICENCES.length)));
  return { sites: 1, footerLinks: SITE_LINKS.length, licences: SITE_LICENCES.length };
}
var SITE, SITE_LINKS, SITE_LICENCES;
var init_seed5 = __esm({
  'src/modules/site/seed.ts'() {
    init_seed();
    init_tables();
    init_types();
    SITE = {
      id: SITE_ID,
      name: '\u804A\u57CE\u65B0\u95FB\u7F51',
      url: 'https://www.lcxw.cn',
      homeLabel: '\u9996\u9875',
      copyright: '\u804A\u57CE\u65B0\u95FB\u7F51 2006-2023 \u7248\u6743\u6240\u6709',
      operators: [
        '\u804A\u57CE\u5E02\u65B0\u95FB\u4F20\u5A92\u4E2D\u5FC3',
        '\u804A\u57CE\u5E02\u653F\u5E9C\u65B0\u95FB\u529E\u516C\u5BA4',
      ],
      operatorsNote: '\u8054\u5408\u4E3B\u529E',
      reportPhone: '18663509279',
      reportEmail: 'lcxw@lcxw.cn',
    };
    SITE_LINKS = [
      { label: '\u5173\u4E8E\u6211\u4EEC', href: '/about' },
      { label: '\u5E7F\u544A\u670D\u52A1', href: '/ads' },
      { label: '\u7248\u6743\u58F0\u660E', href: '/copyright' },
      { label: '\u8054\u7CFB\u6211\u4EEC', href: '/contact' },
      { label: '\u8DDF\u5E16\u8BC4\u8BBA\u81EA\u5F8B\u7BA1\u7406\u627F\u8BFA\u4E66', href: '/comment-pledge' },
    ];
    SITE_LICENCES = [
      {
        kind: 'news_service',
        label: '\u4E92\u8054\u7F51\u65B0\u95FB\u4FE1\u606F\u670D\u52A1\u8BB8\u53EF\u8BC1',
        number: '37120180030',
        text: '\u4E92\u8054\u7F51\u65B0\u95FB\u4FE1\u606F\u670D\u52A1\u8BB8\u53EF\u8BC1\u7F16\u53F7:37120180030',
        href: null,
      },
      {
        kind: 'icp',
        label: 'ICP\u5907\u6848',
        number: '\u9C81ICP\u590709083931\u53F7',
        text: '\u9C81ICP\u590709083931\u53F7',
        href: 'https://beian.miit.gov.cn',
      },
      {
        kind: 'public_security',
        label: '\u516C\u5B89\u5907\u6848',
        number: '37150202000134',
        text: '\u9C81\u516C\u7F51\u5B89\u5907 37150202000134\u53F7',
        href: null,
      },
      {
        kind: 'audiovisual',
        label: '\u4FE1\u606F\u7F51\u7EDC\u4F20\u64AD\u89C6\u542C\u8282\u76EE\u8BB8\u53EF\u8BC1',
        number: '115330086',
        text: '\u4FE1\u606F\u7F51\u7EDC\u4F20\u64AD\u89C6\u542C\u8282\u76EE\u8BB8\u53EF\u8BC1\u7F16\u53F7:115330086',
        href: null,
      },
      {
        kind: 'broadcast_production',
        label: '\u5E7F\u64AD\u7535\u89C6\u8282\u76EE\u5236\u4F5C\u7ECF\u8425\u8BB8\u53EF\u8BC1',
        number: '(\u9C81)\u5B57\u7B2C720\u53F7',
        text: '\u5E7F\u64AD\u7535\u89C6\u8282\u76EE\u5236\u4F5C\u7ECF\u8425\u8BB8\u53EF\u8BC1(\u9C81)\u5B57\u7B2C720\u53F7',
        href: null,
      },
    ];
  },
});

// src/cache/memory-store.ts
// src/cache/tag-index.ts
import { LRUCache, LRUCache as LRUCache2 } from 'lru-cache';

var TagIndex = class {
  keysByTag = /* @__PURE__ */ new Map();
  tagsByKey;
  constructor(maxKeys = 5e4) {
    this.tagsByKey = new LRUCache({
      max: maxKeys,
      dispose: (tags2, key) => this.unlink(key, tags2),
    });
  }
  add(key, tags2) {
    this.tagsByKey.delete(key);
    this.tagsByKey.set(key, tags2);
    for (const tag of tags2) {
      const keys = this.keysByTag.get(tag);
      if (keys) keys.add(key);
      else this.keysByTag.set(tag, /* @__PURE__ */ new Set([key]));
    }
  }
  remove(key) {
    this.tagsByKey.delete(key);
  }
  /** The keys carrying any of `tags`, forgotten by the index as they are returned. */
  take(tags2) {
    const keys = /* @__PURE__ */ new Set();
    for (const tag of tags2) for (const key of this.keysByTag.get(tag) ?? []) keys.add(key);
    for (const key of keys) this.remove(key);
    return [...keys];
  }
  get size() {
    return this.tagsByKey.size;
  }
  unlink(key, tags2) {
    for (const tag of tags2) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }
};

// src/cache/memory-store.ts
var sizeOf = (entry) => entry.body.byteLength + 2 * entry.tags.join(',').length + 256;
var MemoryStore = class {
  index = new TagIndex();
  entries;
  /** A store of size 0 keeps nothing: tests of the database path use one. */
  disabled;
  constructor(maxBytes = 64 * 2 ** 20) {
    this.entries = new LRUCache2({
      maxSize: Math.max(1, maxBytes),
      sizeCalculation: sizeOf,
      maxEntrySize: Math.max(1, maxBytes),
      ttlAutopurge: false,
      dispose: (_entry, key, reason) => {
        if (reason !== 'set') this.index.remove(key);
      },
    });
    this.disabled = maxBytes <= 0;
  }
  get(key) {
    return this.entries.get(key);
  }
  async put(key, entry, keepFor) {
    if (this.disabled) return;
    this.entries.set(key, entry, { ttl: keepFor * 1e3, start: entry.storedAt });
    if (this.entries.has(key)) this.index.add(key, entry.tags);
  }
  async purge(tags2) {
    const keys = this.index.take(tags2);
    let dropped = 0;
    for (const key of keys) if (this.entries.delete(key)) dropped += 1;
    return dropped;
  }
};

// src/db/migrations.ts
import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';

var migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
async function migrate(source2) {
  const config = { migrationsFolder };
  if (source2.kind === 'pglite') await migratePglite(source2.admin, config);
  else await migratePg(source2.admin, config);
}

// src/db/prepared-statements.ts
import { createHash } from 'node:crypto';
// src/db/node-postgres.ts
import { drizzle } from 'drizzle-orm/node-postgres';
import { LRUCache as LRUCache3 } from 'lru-cache';
import pg from 'pg';

var PREPARED_PER_CONNECTION = 100;
var READ = /^\s*(select|with)\b/i;
var names = new LRUCache3({ max: 2e3 });
function nameOf(text4) {
  let name = names.get(text4);
  if (!name) {
    name = `s${createHash('sha1').update(text4).digest('base64url').slice(0, 24)}`;
    names.set(text4, name);
  }
  return name;
}
var perConnection = /* @__PURE__ */ new WeakMap();
function withStatementName(client, query) {
  if (query.name || !READ.test(query.text)) return query;
  const name = nameOf(query.text);
  let prepared = perConnection.get(client);
  if (!prepared) {
    const internals = client;
    prepared = new LRUCache3({
      max: PREPARED_PER_CONNECTION,
      dispose: (_value, evicted) => {
        delete internals.connection?.parsedStatements?.[evicted];
        internals.query(`DEALLOCATE ${evicted}`).catch(() => {});
      },
    });
    perConnection.set(client, prepared);
  }
  prepared.set(name, true);
  return { ...query, name };
}

// src/db/errors.ts
var DatabaseUnavailableError = class extends Error {
  name = 'DatabaseUnavailableError';
};
var UNAVAILABLE_SQLSTATE = /^(08|53|57P)/;
function isStatementError(error) {
  const code = error?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !UNAVAILABLE_SQLSTATE.test(code);
}
function asDatabaseError(error) {
  if (error instanceof DatabaseUnavailableError || isStatementError(error)) return error;
  return new DatabaseUnavailableError('the database is unreachable', { cause: error });
}

// src/db/statement.ts
var DEFAULT_DB_TIMEOUT_MS = 3e3;
async function runStatement(meter, text4, execute, timeoutMs, onTimeout) {
  meter?.start(text4);
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new DatabaseUnavailableError(`no answer from the database within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([execute(), timeout]);
  } catch (error) {
    throw asDatabaseError(error);
  } finally {
    clearTimeout(timer);
    meter?.end();
  }
}
function statementText(config) {
  if (typeof config === 'string') return config;
  const text4 = config?.text;
  return typeof text4 === 'string' ? text4 : '';
}
function meteredClient(client, meter, timeoutMs, onTimeout) {
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property !== 'query') return value.bind(target);
      const query = value;
      return (...args) =>
        runStatement(meter, statementText(args[0]), () => query.apply(target, args), timeoutMs, onTimeout);
    },
  });
}

// src/db/node-postgres.ts
function destroy(client) {
  client.connection?.stream?.destroy();
}
function createNodePostgresSource(options) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_DB_TIMEOUT_MS;
  const prepare = options.prepare ?? true;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: timeoutMs,
    // The server gives up too, so a statement we stopped waiting for does not keep running.
    statement_timeout: timeoutMs,
    idle_in_transaction_session_timeout: 10 * timeoutMs,
    // A peer that vanished without closing (a network partition) is noticed by TCP keep-alive.
    keepAlive: true,
    keepAliveInitialDelayMillis: 1e4,
    idleTimeoutMillis: 3e4,
  });
  pool.on('error', () => {});
  function query(meter, config, values) {
    let client;
    let released = false;
    const release = (error) => {
      if (client && !released) {
        released = true;
        client.release(error);
      }
    };
    return runStatement(
      meter,
      statementText(config),
      async () => {
        client = await pool.connect();
        try {
          const base = typeof config === 'string' ? { text: config } : config;
          const named = prepare ? withStatementName(client, base) : base;
          return await client.query(named, values);
        } finally {
          release();
        }
      },
      timeoutMs,
      () => {
        if (!client) return;
        destroy(client);
        release(new Error('statement timed out'));
      },
    );
  }
  async function connect(meter) {
    const client = await runStatement(meter, 'connect', () => pool.connect(), timeoutMs);
    return meteredClient(client, meter, timeoutMs, () => destroy(client));
  }
  const clientFor = (meter) =>
    new Proxy(pool, {
      get(target, property) {
        if (property === 'query') return (config, values) => query(meter, config, values);
        if (property === 'connect') return () => connect(meter);
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const connectTo = (meter) => drizzle({ client: clientFor(meter), relations: options.relations });
  const admin = connectTo(void 0);
  return {
    kind: 'postgres',
    admin,
    session(meter) {
      const db = connectTo(meter);
      return { db, writer: () => db };
    },
    close: () => pool.end(),
  };
}

// src/db/pglite.ts
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzle2 } from 'drizzle-orm/pglite';

async function createPgliteSource(options) {
  const pglite = new PGlite({
    ...(options.dataDir && { dataDir: options.dataDir }),
    ...(options.loadDataDir && { loadDataDir: options.loadDataDir }),
  });
  await pglite.waitReady;
  const timeoutMs = options.timeoutMs ?? DEFAULT_DB_TIMEOUT_MS;
  const connectTo = (meter) =>
    drizzle2({ client: meteredClient(pglite, meter, timeoutMs), relations: options.relations });
  return {
    kind: 'pglite',
    pglite,
    admin: connectTo(void 0),
    session(meter) {
      const db = connectTo(meter);
      return { db, writer: () => db };
    },
    close: () => pglite.close(),
  };
}

// src/db/node-source.ts
async function openNodeSource(relations2, env = process.env) {
  const timeoutMs = env.DB_TIMEOUT_MS ? Number(env.DB_TIMEOUT_MS) : void 0;
  const source2 = env.DATABASE_URL
    ? createNodePostgresSource({ connectionString: env.DATABASE_URL, relations: relations2, timeoutMs })
    : await createPgliteSource({ relations: relations2, dataDir: env.PGLITE_DIR, timeoutMs });
  await migrate(source2);
  return source2;
}

// src/gateway/gateway.ts
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
// src/builder.ts
import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { getTableConfig } from 'drizzle-orm/pg-core';
// src/schema.ts
import { GraphQLError as GraphQLError4, lexicographicSortSchema } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { LRUCache as LRUCache8 } from 'lru-cache';

// src/cache/tags.ts
function tagText(value) {
  return encodeURIComponent(value.toWellFormed());
}
function entityTag(typename, id) {
  return `${typename.charAt(0).toLowerCase()}${typename.slice(1)}:${tagText(String(id))}`;
}

// src/cache/lookups.ts
var LOOKUP_MISS_MAX_AGE = 120;
function lookupTags(globalId) {
  if (typeof globalId !== 'string' || globalId.length > 256) return [];
  try {
    const decoded = atob(globalId);
    const separator = decoded.indexOf(':');
    const typename = decoded.slice(0, separator);
    const id = decoded.slice(separator + 1);
    return separator > 0 && /^[A-Z][A-Za-z]*$/.test(typename) && /^[1-9]\d{0,9}$/.test(id)
      ? [entityTag(typename, id)]
      : [];
  } catch {
    return [];
  }
}

// src/shared/errors.ts
import { GraphQLError } from 'graphql';

function userError(message, code = 'BAD_USER_INPUT', details) {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

// src/shared/global-id.ts
var MAX_INT = 2147483647;
var CANONICAL_ID = /^[1-9]\d{0,9}$/;
var invalid = (globalId) =>
  userError(`"${globalId.slice(0, 64).toWellFormed()}" is not a valid ID: use an \`id\` returned by this API.`);
function decodeGlobalId(globalId) {
  let decoded;
  try {
    decoded = atob(globalId);
  } catch {
    throw invalid(globalId);
  }
  const separator = decoded.indexOf(':');
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator <= 0 || !/^[A-Z][A-Za-z]*$/.test(typename) || !CANONICAL_ID.test(id) || Number(id) > MAX_INT) {
    throw invalid(globalId);
  }
  return { typename, id };
}
function idOf(globalId, typename) {
  if (globalId.typename !== typename) {
    throw userError(
      `That ID belongs to a ${globalId.typename}, not a${/^[AEIOU]/.test(typename) ? 'n' : ''} ${typename}.`,
    );
  }
  return Number(globalId.id);
}

// src/shared/public-nodes.ts
function publicNode(node) {
  if (node && typeof node === 'object' && 'status' in node && node.status !== 'published') return null;
  return node;
}
var MISSING_ROW = /^Model \w+\(.*\) not found$/;
async function missingAsNull(load) {
  try {
    return await load;
  } catch (error) {
    if (error instanceof Error && MISSING_ROW.test(error.message)) return null;
    throw error;
  }
}

// src/builder.ts
function createBuilder(relations2) {
  const builder = new SchemaBuilder({
    plugins: [ScopeAuthPlugin, RelayPlugin, DrizzlePlugin],
    defaultFieldNullability: false,
    scopeAuth: {
      authScopes: (ctx) => ({ editor: ctx.editor }),
      unauthorizedError: () =>
        userError('This needs the editor token: send `Authorization: Bearer <editor token>`.', 'UNAUTHENTICATED'),
    },
    relay: {
      clientMutationId: 'omit',
      cursorType: 'String',
      decodeGlobalID: decodeGlobalId,
      nodeTypeOptions: { description: 'An object with a global ID that `node(id:)` can fetch again.' },
      pageInfoTypeOptions: { description: 'Where a page sits in its connection, with the cursors to move on from it.' },
      nodeQueryOptions: {
        description: 'Fetches any object by its global ID; `null` when it does not exist or is not public.',
        args: { id: { description: 'A global ID returned by this API.' } },
        extensions: {
          cache: { tags: (args) => lookupTags(args.id), missMaxAge: LOOKUP_MISS_MAX_AGE },
        },
        resolve: async (_root, args, _ctx, _info, resolveNode) => publicNode(await missingAsNull(resolveNode(args.id))),
      },
      nodesQueryOptions: {
        description:
          'Fetches several objects by their global IDs, in order; `null` for each one not found or not public.',
        args: { ids: { description: 'Global IDs returned by this API; at most 100.' } },
        extensions: {
          cache: {
            tags: (args) => (Array.isArray(args.ids) ? args.ids.flatMap(lookupTags) : []),
            missMaxAge: LOOKUP_MISS_MAX_AGE,
          },
        },
        resolve: async (_root, args, _ctx, _info, resolveNodes) =>
          args.ids.map(async (id) => publicNode(await missingAsNull(resolveNodes([id]).then(([node]) => node)))),
      },
      idFieldOptions: { description: 'Global ID, stable and opaque; pass it to `node(id:)`.' },
      cursorFieldOptions: {
        description: 'Opaque cursor of this edge; pass it as `after` or `before` to page on from here.',
      },
      nodeFieldOptions: { description: 'The item at this edge.' },
      edgesFieldOptions: { description: 'The items of this page with their cursors, in order.' },
      pageInfoFieldOptions: { description: 'Cursors and flags to fetch the next or previous page.' },
      hasNextPageFieldOptions: {
        description: 'Whether more items follow this page (when paging forward with `first`).',
      },
      hasPreviousPageFieldOptions: {
        description: 'Whether items precede this page (when paging backward with `last`).',
      },
      startCursorFieldOptions: { description: 'Cursor of the first item of the page; pass it as `before`.' },
      endCursorFieldOptions: { description: 'Cursor of the last item of the page; pass it as `after`.' },
      firstArgOptions: { description: 'How many items to return from the start, 1 to 100 (default 20).' },
      lastArgOptions: { description: 'How many items to return from the end, 1 to 100.' },
      afterArgOptions: { description: 'Return items after this cursor (an `endCursor` or `edges.cursor`).' },
      beforeArgOptions: { description: 'Return items before this cursor (a `startCursor` or `edges.cursor`).' },
      defaultConnectionTypeOptions: { description: 'A page of items with cursors (Relay connection).' },
      defaultEdgeTypeOptions: { description: 'An item of a page with its cursor.' },
    },
    drizzle: {
      client: (ctx) => ctx.db,
      getTableConfig,
      relations: relations2,
      defaultConnectionSize: 20,
      maxConnectionSize: 100,
    },
  });
  builder.queryType({ description: 'Public reads of the news portal. Everything here is safe to cache.' });
  builder.mutationType({ description: 'Editor operations. They need the editor token and purge the edge cache.' });
  return builder;
}

// src/cache/hints.ts
import { getNamedType, isAbstractType, isObjectType } from 'graphql';

var CacheHints = class {
  /** `defaultMaxAge` covers responses that touched nothing with a policy (`{ __typename }`). */
  constructor(now, defaultMaxAge = 300) {
    this.now = now;
    this.defaultMaxAge = defaultMaxAge;
  }
  now;
  defaultMaxAge;
  tags = /* @__PURE__ */ new Set();
  shortest = Number.POSITIVE_INFINITY;
  seen = /* @__PURE__ */ new WeakSet();
  /** Seconds; the shortest lifetime of anything the response contains. */
  get maxAge() {
    return Number.isFinite(this.shortest) ? this.shortest : this.defaultMaxAge;
  }
  add(tags2, maxAge) {
    for (const tag of tags2) this.tags.add(tag);
    if (maxAge !== void 0) this.shortest = Math.max(0, Math.min(this.shortest, Math.floor(maxAge)));
  }
  /** Records an entity once, however many of its fields were resolved. */
  addEntity(entity, policy) {
    if (this.seen.has(entity)) return;
    this.seen.add(entity);
    const { maxAge } = policy;
    this.add(policy.tags(entity), typeof maxAge === 'number' ? maxAge : maxAge(entity, this.now));
  }
};
var isThenable = (value) => typeof value?.then === 'function';
function eachEntity(value, visit) {
  if (Array.isArray(value)) for (const item of value) eachEntity(item, visit);
  else if (value && typeof value === 'object') visit(value);
}
function recorder(type) {
  if (isObjectType(type)) {
    const policy = type.extensions?.cache;
    return policy ? (value, hints) => eachEntity(value, (entity) => hints.addEntity(entity, policy)) : null;
  }
  if (!isAbstractType(type)) return null;
  return (value, hints, context, info) =>
    eachEntity(value, (entity) => {
      const typename = type.resolveType?.(entity, context, info, type);
      const record = (name) => {
        const concrete = typeof name === 'string' ? info.schema.getType(name) : void 0;
        const policy = concrete?.extensions?.cache;
        if (policy) hints.addEntity(entity, policy);
      };
      return isThenable(typename) ? Promise.resolve(typename).then(record) : record(typename);
    });
}
function applyCacheHints(schema2) {
  for (const type of Object.values(schema2.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const fieldPolicy = field.extensions?.cache;
      const record = recorder(getNamedType(field.type));
      if (!fieldPolicy && !record) continue;
      const resolve = field.resolve;
      field.resolve = (parent, args, context, info) => {
        const hints = context.cache;
        if (hints && fieldPolicy) hints.add(fieldPolicy.tags(args, parent), fieldPolicy.maxAge);
        const result = resolve ? resolve(parent, args, context, info) : parent?.[info.fieldName];
        if (!hints) return result;
        const missMaxAge = fieldPolicy?.missMaxAge;
        const settle = (value) => {
          if (value == null && missMaxAge !== void 0) hints.add([], missMaxAge);
          if (record) record(value, hints, context, info);
          return value;
        };
        return isThenable(result) ? Promise.resolve(result).then(settle) : settle(result);
      };
    }
  }
  return schema2;
}

// src/modules/index.ts
init_module();

// src/modules/articles/index.ts
init_module();

// src/modules/articles/feed.ts
import { sql as sql2 } from 'drizzle-orm';
import { LRUCache as LRUCache4 } from 'lru-cache';

// src/modules/channels/index.ts
init_module();

// src/modules/channels/relations.ts
init_tables();
init_tables2();

import { defineRelationsPart } from 'drizzle-orm';

var channelRelations = defineRelationsPart({ sites, channels }, (r) => ({
  channels: {
    site: r.one.sites({ from: r.channels.siteId, to: r.sites.id, optional: false }),
    parent: r.one.channels({ from: r.channels.parentId, to: r.channels.id, alias: 'parent' }),
    children: r.many.channels({ from: r.channels.id, to: r.channels.parentId, alias: 'parent' }),
  },
  // The site's navigation is the channel tree: channels add it to the site's table.
  sites: {
    channels: r.many.channels({ from: r.sites.id, to: r.channels.siteId }),
  },
}));

// src/modules/channels/types.ts
init_enums();

// src/modules/channels/breadcrumb.ts
var MAX_CHANNEL_DEPTH = 3;
var crumbColumns = { name: true, path: true };
function parentSelection(levels) {
  return levels <= 1
    ? { columns: crumbColumns }
    : { columns: crumbColumns, with: { parent: parentSelection(levels - 1) } };
}
var breadcrumbSelection = {
  columns: crumbColumns,
  with: {
    site: { columns: { homeLabel: true } },
    parent: parentSelection(MAX_CHANNEL_DEPTH),
  },
};
function channelUrlPath(path) {
  return `/${path}/`;
}
function breadcrumbOf(channel) {
  const trail = [];
  for (let step = channel; step; step = step.parent) {
    trail.unshift({ name: step.name, path: channelUrlPath(step.path), channelPath: step.path });
  }
  trail.unshift({ name: channel.site.homeLabel, path: '/', channelPath: null });
  return trail;
}

// src/modules/channels/cache.ts
var CHANNEL_MAX_AGE = 3600;
var channelTag = (id) => entityTag('Channel', id);

// src/modules/channels/channel-path.ts
var CHANNEL_PATH = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;
function parseChannelPath(input) {
  const trimmed = input.trim().replace(/^\/+|\/+$/g, '');
  return CHANNEL_PATH.test(trimmed) ? trimmed : null;
}

// src/modules/channels/refs.ts
import { ObjectRef } from '@pothos/core';

var BreadcrumbItemRef = new ObjectRef('BreadcrumbItem');

// src/modules/channels/types.ts
init_tables2();
function registerChannels(builder) {
  const ChannelKind = enumFromPg(builder, 'ChannelKind', channelKind, {
    description: 'What a channel carries, so a client knows which page to render for it.',
    values: {
      news: 'Articles (\u9510\u8BC4, \u8981\u95FB, \u70ED\u7EBF, \u2026).',
      video: 'Video stories (\u89C6\u542C).',
      photo: 'Photo galleries (\u56FE\u8BF4).',
      epaper: 'The digital edition of the print newspaper (\u6570\u5B57\u62A5).',
      tv: 'Live television with programme guide (\u770B\u7535\u89C6).',
      radio: 'Live radio with programme guide (\u542C\u5E7F\u64AD).',
    },
  });
  builder.objectType(BreadcrumbItemRef, {
    description: 'One step of a breadcrumb trail, e.g. \u9996\u9875 > \u8981\u95FB > \u5C71\u4E1C.',
    fields: (t) => ({
      name: t.exposeString('name', { description: 'Label to show: \u9996\u9875, \u8981\u95FB, \u5C71\u4E1C.' }),
      path: t.exposeString('path', {
        description: 'Site-relative URL of the step: `/`, `/yaowen/`, `/yaowen/shandong/`.',
      }),
      channelPath: t.exposeString('channelPath', {
        nullable: true,
        description: 'The channel path to pass to `channel(path:)` or `articles(channel:)`; null for the home page.',
      }),
    }),
  });
  const Channel = builder.drizzleNode('channels', {
    name: 'Channel',
    description: 'A section of the site (\u680F\u76EE). Channels form a tree: \u8981\u95FB contains \u5C71\u4E1C.',
    id: { column: (channel) => channel.id },
    select: { columns: { id: true } },
    extensions: {
      cache: { tags: (channel) => [channelTag(channel.id)], maxAge: CHANNEL_MAX_AGE },
    },
    fields: (t) => ({
      slug: t.exposeString('slug', { description: 'Pinyin slug of this level, e.g. `shandong`.' }),
      path: t.exposeString('path', { description: 'Full slug path from the top, e.g. `yaowen/shandong`.' }),
      url: t.string({
        description: 'Site-relative URL of the channel page, e.g. `/yaowen/shandong/`.',
        select: { columns: { path: true } },
        resolve: (channel) => channelUrlPath(channel.path),
      }),
      name: t.exposeString('name', { description: 'Display name, e.g. \u5C71\u4E1C.' }),
      description: t.exposeString('description', { description: 'One sentence on what the channel covers.' }),
      kind: t.expose('kind', { type: ChannelKind, description: 'What the channel carries.' }),
      depth: t.exposeInt('depth', { description: '0 for a top-level channel, 1 for its sub-channels, and so on.' }),
      parent: t.relation('parent', { nullable: true, description: 'The channel above, or null at the top level.' }),
      children: t.relation('children', {
        description: 'Sub-channels in display order.',
        query: { orderBy: { position: 'asc' } },
      }),
      breadcrumb: t.field({
        type: [BreadcrumbItemRef],
        description: 'Trail from the home page down to this channel: \u9996\u9875 > \u8981\u95FB > \u5C71\u4E1C.',
        select: breadcrumbSelection,
        resolve: (channel) => breadcrumbOf(channel),
      }),
    }),
  });
  builder.drizzleObjectField('sites', 'navigation', (t) =>
    t.relation('channels', {
      type: Channel,
      description:
        'Top-level channels in navigation order (\u9510\u8BC4 \u8981\u95FB \u89C6\u542C \u2026), each with its sub-channels.',
      query: { where: { parentId: { isNull: true }, inNavigation: true }, orderBy: { position: 'asc' } },
    }),
  );
  builder.queryFields((t) => ({
    channel: t.drizzleField({
      type: Channel,
      nullable: true,
      description: 'A channel by its slug path (`yaowen/shandong`); null when there is none.',
      args: { path: t.arg.string({ required: true, description: 'Slug path, e.g. `yaowen` or `yaowen/shandong`.' }) },
      resolve: (query, _root, args, ctx) => {
        const path = parseChannelPath(args.path);
        if (path === null)
          throw userError(`"${args.path.slice(0, 64)}" is not a channel path: use slugs like "yaowen/shandong".`);
        return ctx.db.query.channels.findFirst(query({ where: { path } }));
      },
    }),
    channels: t.drizzleField({
      type: [Channel],
      description: 'The channel tree: every top-level channel in navigation order; descend with `children`.',
      resolve: (query, _root, _args, ctx) =>
        ctx.db.query.channels.findMany(query({ where: { parentId: { isNull: true } }, orderBy: { position: 'asc' } })),
    }),
  }));
}

// src/modules/channels/index.ts
init_tables2();
var channels2 = defineModule({ name: 'channels', relations: channelRelations, schema: registerChannels });

// src/modules/articles/cache.ts
var FEED_MAX_AGE = 120;
var TAG_MAX_AGE = 3600;
var FRESH_ARTICLE_MAX_AGE = 60;
var HOUR = 36e5;
function articleLifetime(article, now) {
  const age = article.updatedAt ? now - article.updatedAt.getTime() : 0;
  if (age < 6 * HOUR) return FRESH_ARTICLE_MAX_AGE;
  if (age < 7 * 24 * HOUR) return 600;
  return 86400;
}
var articleCacheTags = {
  article: (id) => entityTag('Article', id),
  /** A lookup by path, which may have found nothing yet (a draft): publishing must purge it. */
  path: (path) => `article-path:${tagText(path)}`,
  tag: (id) => entityTag('Tag', id),
  /** Every feed: `articles` without a channel or tag filter. */
  feedAll: 'feed',
  // Channel paths are slugs (`yaowen/shandong`), already printable ASCII.
  feedChannel: (path) => `feed:channel:${tagText(path).replaceAll('%2F', '/')}`,
  feedTag: (name) => `feed:tag:${tagText(name)}`,
};
function channelLineage(path) {
  const parts = path.split('/');
  return parts.map((_, index4) => parts.slice(0, index4 + 1).join('/'));
}
function feedTagsOf(article) {
  return [
    articleCacheTags.feedAll,
    ...channelLineage(article.channelPath).map(articleCacheTags.feedChannel),
    ...article.tagNames.map(articleCacheTags.feedTag),
  ];
}

// src/modules/articles/article-path.ts
function normaliseArticlePath(input) {
  const trimmed = input.trim();
  if (!trimmed || trimmed.length > 512) return null;
  try {
    const url = new URL(trimmed, 'https://site.invalid');
    return decodeURI(url.pathname);
  } catch {
    return null;
  }
}

// src/modules/articles/queries.ts
var PUBLISHED = { status: 'published' };
function registerArticleQueries(builder) {
  builder.queryFields((t) => ({
    article: t.drizzleField({
      type: 'articles',
      nullable: true,
      description: 'A published article by its global ID; null when there is none or it is not public.',
      extensions: {
        cache: {
          tags: (args) => lookupTags(args.id),
          missMaxAge: LOOKUP_MISS_MAX_AGE,
        },
      },
      args: { id: t.arg.globalID({ required: true, description: 'The `id` of an Article.' }) },
      resolve: (query, _root, args, ctx) =>
        ctx.db.query.articles.findFirst(query({ where: { id: idOf(args.id, 'Article'), ...PUBLISHED } })),
    }),
    articleByPath: t.drizzleField({
      type: 'articles',
      nullable: true,
      description: 'A published article by the path or full URL of its page; null when there is none.',
      extensions: {
        cache: {
          tags: (args) => [articleCacheTags.path(normaliseArticlePath(args.path) ?? '')],
          missMaxAge: LOOKUP_MISS_MAX_AGE,
        },
      },
      args: {
        path: t.arg.string({
          required: true,
          description: 'Path such as `/yaowen/shandong/20240315/sdwchy.html`, or the full URL of the page.',
        }),
      },
      resolve: (query, _root, args, ctx) => {
        const path = normaliseArticlePath(args.path);
        if (path === null) {
          throw userError('`path` must be an article path such as "/yaowen/shandong/20240315/1.html".');
        }
        return ctx.db.query.articles.findFirst(query({ where: { path, ...PUBLISHED } }));
      },
    }),
  }));
}

// src/modules/articles/feed.ts
init_tables3();
var MAX_PAGE_SIZE = 100;
function boundedByCursor(query) {
  const clauses = query.where?.AND;
  if (!Array.isArray(clauses)) return query;
  const bounds = clauses.flatMap((clause) => {
    const first = clause?.OR?.[0];
    const compare = first?.publishedAt;
    if (compare?.lt instanceof Date) return [{ publishedAt: { lte: compare.lt } }];
    if (compare?.gt instanceof Date) return [{ publishedAt: { gte: compare.gt } }];
    return [];
  });
  return bounds.length ? { ...query, where: { AND: [...clauses, ...bounds] } } : query;
}
var tagIds = new LRUCache4({ max: 1e4, ttl: 10 * 6e4 });
async function tagIdFor(db, name) {
  const known = tagIds.get(name);
  if (known !== void 0) return known;
  const tag = await db.query.tags.findFirst({ columns: { id: true }, where: { name } });
  if (!tag) return null;
  tagIds.set(name, tag.id);
  return tag.id;
}
function checkPageSize(name, value) {
  if (value == null) return;
  if (value < 1 || value > MAX_PAGE_SIZE) {
    throw userError(
      `\`${name}\` must be between 1 and ${MAX_PAGE_SIZE}; got ${value}. Page on with \`after\`.`,
      'BAD_USER_INPUT',
      {
        argument: name,
      },
    );
  }
}
function registerFeed(builder) {
  builder.queryField('articles', (t) =>
    t.drizzleConnection(
      {
        type: 'articles',
        description:
          'Published articles, newest first, as a Relay connection. Filter by channel (its sub-channels included), by tag and by publication time.',
        extensions: {
          cache: {
            // The lists this page is a window on: publishing into any of them must purge it.
            tags: (args) => [
              args.channel
                ? articleCacheTags.feedChannel(parseChannelPath(args.channel) ?? args.channel)
                : articleCacheTags.feedAll,
              ...(args.tag ? [articleCacheTags.feedTag(args.tag)] : []),
            ],
            maxAge: FEED_MAX_AGE,
          },
        },
        args: {
          channel: t.arg.string({
            description:
              'Channel slug path, e.g. `yaowen`; articles of its sub-channels (`yaowen/shandong`) are included.',
          }),
          tag: t.arg.string({ description: 'Only articles with this tag, e.g. \u4E61\u6751\u632F\u5174.' }),
          publishedAfter: t.arg({
            type: 'DateTime',
            description: 'Only articles published at or after this moment.',
          }),
          publishedBefore: t.arg({ type: 'DateTime', description: 'Only articles published before this moment.' }),
        },
        resolve: async (query, _root, args, ctx) => {
          checkPageSize('first', args.first);
          checkPageSize('last', args.last);
          if (args.first != null && args.last != null) throw userError('Pass either `first` or `last`, not both.');
          const { publishedAfter: after, publishedBefore: before } = args;
          if (after && before && after >= before) {
            throw userError('`publishedAfter` must be earlier than `publishedBefore`: that range is empty.');
          }
          let channelPath = null;
          if (args.channel != null) {
            channelPath = parseChannelPath(args.channel);
            if (channelPath === null) {
              throw userError(
                `"${args.channel.slice(0, 64)}" is not a channel path: use slugs like "yaowen/shandong".`,
              );
            }
          }
          const tagId = args.tag == null ? null : await tagIdFor(ctx.db, args.tag);
          if (args.tag != null && tagId === null) return [];
          return ctx.db.query.articles.findMany(
            boundedByCursor(
              query({
                where: {
                  ...PUBLISHED,
                  ...(after || before
                    ? { publishedAt: { ...(after && { gte: after }), ...(before && { lt: before }) } }
                    : {}),
                  ...(channelPath && {
                    channel: { OR: [{ path: channelPath }, { path: { like: `${channelPath}/%` } }] },
                  }),
                  ...(tagId !== null && {
                    // The id as a literal, not a parameter: each tag is then its own prepared statement,
                    // planned for that tag's frequency (a generic plan would suit common tags only).
                    RAW: (table) =>
                      sql2`exists (select 1 from ${articleTags} where ${articleTags.articleId} = ${table.id} and ${articleTags.tagId} = ${sql2.raw(String(tagId))})`,
                  }),
                },
                orderBy: { publishedAt: 'desc', id: 'desc' },
              }),
            ),
          );
        },
      },
      { name: 'ArticleConnection', description: 'A page of articles, newest first.' },
      { name: 'ArticleEdge', description: 'An article in a page of articles, with its cursor.' },
    ),
  );
}

// src/modules/articles/mutations.ts
init_enums();

// src/modules/articles/editing.ts
import { and, eq, inArray } from 'drizzle-orm';

// src/modules/articles/changes.ts
var listeners = [];
function onArticleChange(listener) {
  listeners.push(listener);
}
async function staleTagsOfListeners(tx, change) {
  const tags2 = [];
  for (const listener of listeners) tags2.push(...(await listener(tx, change)));
  return tags2;
}

// src/modules/articles/editing.ts
init_tables3();
async function membership(tx, id) {
  const row = await tx.query.articles.findFirst({
    where: { id },
    columns: { status: true, path: true },
    with: {
      channel: { columns: { path: true } },
      tagLinks: { columns: {}, orderBy: { position: 'asc' }, with: { tag: { columns: { name: true } } } },
    },
  });
  return row
    ? {
        status: row.status,
        path: row.path,
        channelPath: row.channel.path,
        tagNames: row.tagLinks.map((link) => link.tag.name),
      }
    : null;
}
function staleTags(id, before, after, publishing) {
  const listed = (m) => (m.status === 'published' ? feedTagsOf(m) : []);
  const previous = new Set(publishing ? [] : listed(before));
  return [
    articleCacheTags.article(id),
    articleCacheTags.path(after.path),
    ...listed(after).filter((tag) => !previous.has(tag)),
  ];
}
async function replaceTags(tx, id, names2) {
  const unique = [...new Set(names2.map((name) => name.trim()).filter(Boolean))];
  await tx.delete(articleTags).where(eq(articleTags.articleId, id));
  if (!unique.length) return;
  await tx
    .insert(tags)
    .values(unique.map((name) => ({ name })))
    .onConflictDoNothing();
  const rows = await tx.select({ id: tags.id, name: tags.name }).from(tags).where(inArray(tags.name, unique));
  const idByName = new Map(rows.map((row) => [row.name, row.id]));
  await tx
    .insert(articleTags)
    .values(unique.map((name, position) => ({ articleId: id, tagId: idByName.get(name) ?? 0, position })));
}
async function changeArticle(db, id, change) {
  return db.transaction(async (tx) => {
    const before = await membership(tx, id);
    if (!before) throw userError('There is no article with that ID.');
    const { channelPath, tagNames, ...fields } = change.fields ?? {};
    const now = /* @__PURE__ */ new Date();
    const set = { updatedAt: now };
    for (const [key, value] of Object.entries(fields)) {
      if (value === void 0) continue;
      if (value === null && (key === 'title' || key === 'source' || key === 'subtitles')) {
        throw userError(`\`${key}\` cannot be null.`);
      }
      Object.assign(set, { [key]: value });
    }
    if (channelPath) {
      const [channel] = await tx.select({ id: channels.id }).from(channels).where(eq(channels.path, channelPath));
      if (!channel) throw userError(`There is no channel "${channelPath}".`);
      set.channelId = channel.id;
    }
    if (change.status) {
      set.status = change.status;
      if (change.status === 'published' && before.status === 'draft') set.publishedAt = now;
    }
    await tx
      .update(articles)
      .set(set)
      .where(and(eq(articles.id, id)));
    if (tagNames) await replaceTags(tx, id, tagNames);
    const after = (await membership(tx, id)) ?? before;
    const stale = staleTags(id, before, after, change.status === 'published');
    stale.push(...(await staleTagsOfListeners(tx, { id, before: before.status, after: after.status })));
    return { staleTags: stale, status: after.status };
  });
}

// src/modules/articles/mutations.ts
init_tables3();
async function edit(ctx, id, change) {
  const { staleTags: staleTags2, status } = await changeArticle(ctx.writer(), id, change);
  const purgedResponses = await ctx.purge(staleTags2);
  return { id, status, purgedResponses, purgedTags: staleTags2 };
}
function registerArticleMutations(builder) {
  const ArticleStatus = enumFromPg(builder, 'ArticleStatus', articleStatus, {
    description: 'Where an article stands editorially. Only published ones are public.',
    values: {
      draft: 'Being written; not public.',
      published: 'Public.',
      retracted: 'Withdrawn after publication; no longer public.',
    },
  });
  const ArticleEditPayload = builder.objectRef('ArticleEditPayload').implement({
    description: 'The outcome of an editor mutation, with what it removed from the edge cache.',
    fields: (t) => ({
      status: t.expose('status', { type: ArticleStatus, description: 'The article\u2019s status after the change.' }),
      article: t.drizzleField({
        type: 'articles',
        nullable: true,
        description: 'The article as the public now sees it; null unless it is published.',
        resolve: (query, result, _args, ctx) =>
          ctx.writer().query.articles.findFirst(query({ where: { id: result.id, ...PUBLISHED } })),
      }),
      purgedResponses: t.exposeInt('purgedResponses', {
        description:
          'Cached responses this gateway instance dropped because they showed or listed the article; other edge locations are purged by tag.',
      }),
      purgedTags: t.exposeStringList('purgedTags', { description: 'Cache tags purged everywhere.' }),
    }),
  });
  const UpdateArticleInput = builder.inputType('UpdateArticleInput', {
    description: 'Fields to change; leave a field out to keep it.',
    fields: (t) => ({
      title: t.string({ description: 'New headline.' }),
      kicker: t.string({ description: 'New \u5F15\u9898; null removes it.' }),
      subtitles: t.stringList({ description: 'New \u526F\u9898 lines, in order.' }),
      summary: t.string({ description: 'New summary; null removes it.' }),
      source: t.string({ description: 'New \u6765\u6E90.' }),
      editor: t.string({ description: 'New \u7F16\u8F91.' }),
      channel: t.string({ description: 'Move it to this channel path, e.g. `yaowen/shandong`.' }),
      tags: t.stringList({ description: 'Replace its tags with these, in this order (the first is the main one).' }),
    }),
  });
  builder.mutationFields((t) => ({
    publishArticle: t.field({
      type: ArticleEditPayload,
      authScopes: { editor: true },
      description: 'Publishes a draft (now) or restores a retracted article, and purges what lists it.',
      args: { id: t.arg.globalID({ required: true, description: 'The `id` of the Article.' }) },
      resolve: (_root, args, ctx) => edit(ctx, idOf(args.id, 'Article'), { status: 'published' }),
    }),
    retractArticle: t.field({
      type: ArticleEditPayload,
      authScopes: { editor: true },
      description: 'Withdraws an article from the public at once: every cached answer showing it is purged.',
      args: { id: t.arg.globalID({ required: true, description: 'The `id` of the Article.' }) },
      resolve: (_root, args, ctx) => edit(ctx, idOf(args.id, 'Article'), { status: 'retracted' }),
    }),
    updateArticle: t.field({
      type: ArticleEditPayload,
      authScopes: { editor: true },
      description: 'Corrects an article; cached answers showing it are purged.',
      args: {
        id: t.arg.globalID({ required: true, description: 'The `id` of the Article.' }),
        input: t.arg({ type: UpdateArticleInput, required: true, description: 'What to change.' }),
      },
      resolve: (_root, args, ctx) => {
        const { channel, tags: tags2, ...rest } = args.input;
        let channelPath = null;
        if (channel != null) {
          channelPath = parseChannelPath(channel);
          if (!channelPath) throw userError(`"${channel.slice(0, 64)}" is not a channel path.`);
        }
        const fields = { ...rest, channelPath, tagNames: tags2 ?? null };
        return edit(ctx, idOf(args.id, 'Article'), { fields });
      },
    }),
  }));
}

// src/modules/articles/relations.ts
init_tables2();
init_tables3();

import { defineRelationsPart as defineRelationsPart2 } from 'drizzle-orm';

var articleRelations = defineRelationsPart2({ channels, articles, articleBylines, articleTags, tags }, (r) => ({
  articles: {
    channel: r.one.channels({ from: r.articles.channelId, to: r.channels.id, optional: false }),
    bylines: r.many.articleBylines({ from: r.articles.id, to: r.articleBylines.articleId }),
    /** Tag links in the editor's order (`position`): the first keyword is the story's main one. */
    tagLinks: r.many.articleTags({ from: r.articles.id, to: r.articleTags.articleId }),
  },
  articleBylines: {},
  articleTags: {
    tag: r.one.tags({ from: r.articleTags.tagId, to: r.tags.id, optional: false }),
  },
  tags: {},
}));

// src/modules/articles/types.ts
init_enums();

// src/modules/articles/body-blocks.ts
var entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
var escapeHtml = (text4) => text4.replace(/[&<>"']/g, (c) => entities[c] ?? c);
function safeUrl(url) {
  if (/^\/(?!\/)/.test(url)) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
function imageHtml(image2) {
  const src = safeUrl(image2.url);
  if (!src) return '';
  const img = `<img src="${escapeHtml(src)}" width="${image2.width}" height="${image2.height}" alt="${escapeHtml(image2.alt)}" loading="lazy">`;
  const caption = [image2.caption, image2.credit].filter(Boolean).map((part) => escapeHtml(String(part)));
  return `<figure>${img}${caption.length ? `<figcaption>${caption.join(' ')}</figcaption>` : ''}</figure>`;
}
function blockHtml(block) {
  switch (block.type) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'image':
      return imageHtml(block.image);
    case 'embed': {
      const src = safeUrl(block.url);
      if (!src) return '';
      const poster = block.poster && safeUrl(block.poster.url);
      const posterAttr = poster ? ` poster="${escapeHtml(poster)}"` : '';
      return block.media === 'video'
        ? `<figure><video controls preload="none" src="${escapeHtml(src)}"${posterAttr} title="${escapeHtml(block.title)}"></video><figcaption>${escapeHtml(block.title)}</figcaption></figure>`
        : `<figure><audio controls preload="none" src="${escapeHtml(src)}" title="${escapeHtml(block.title)}"></audio><figcaption>${escapeHtml(block.title)}</figcaption></figure>`;
    }
  }
}
function renderBodyHtml(blocks) {
  return blocks.map(blockHtml).join('\n');
}

// src/modules/articles/body-types.ts
import { ObjectRef as ObjectRef2 } from '@pothos/core';

var ImageRef = new ObjectRef2('Image');
function registerBodyTypes(builder) {
  builder.objectType(ImageRef, {
    description: 'An image with its intrinsic size, so a client can reserve space before it loads.',
    fields: (t) => ({
      url: t.exposeString('url', { description: 'Image URL, site-relative or absolute.' }),
      width: t.exposeInt('width', { description: 'Width in pixels.' }),
      height: t.exposeInt('height', { description: 'Height in pixels.' }),
      alt: t.exposeString('alt', { description: 'Text alternative for screen readers.' }),
      caption: t.exposeString('caption', { nullable: true, description: 'Caption printed under the image.' }),
      credit: t.exposeString('credit', { nullable: true, description: 'Who took or owns the image.' }),
    }),
  });
  const ParagraphBlock = builder.objectRef('ParagraphBlock').implement({
    description: 'A paragraph of body text.',
    isTypeOf: (block) => block.type === 'paragraph',
    fields: (t) => ({ text: t.exposeString('text', { description: 'Plain text of the paragraph.' }) }),
  });
  const HeadingBlock = builder.objectRef('HeadingBlock').implement({
    description: 'A cross-heading inside the body.',
    isTypeOf: (block) => block.type === 'heading',
    fields: (t) => ({
      level: t.exposeInt('level', { description: 'HTML heading level: 2 or 3.' }),
      text: t.exposeString('text', { description: 'Plain text of the heading.' }),
    }),
  });
  const ImageBlock = builder.objectRef('ImageBlock').implement({
    description: 'An image inside the body, with caption and size.',
    isTypeOf: (block) => block.type === 'image',
    fields: (t) => ({ image: t.expose('image', { type: ImageRef, description: 'The image.' }) }),
  });
  const EmbedMedia = builder.enumType('EmbedMedia', {
    description: 'Kind of an embedded player.',
    values: {
      VIDEO: { value: 'video', description: 'A video player.' },
      AUDIO: { value: 'audio', description: 'An audio player.' },
    },
  });
  const EmbedBlock = builder.objectRef('EmbedBlock').implement({
    description: 'A video or audio player inside the body.',
    isTypeOf: (block) => block.type === 'embed',
    fields: (t) => ({
      media: t.expose('media', { type: EmbedMedia, description: 'Video or audio.' }),
      url: t.exposeString('url', { description: 'URL of the stream or file.' }),
      title: t.exposeString('title', { description: 'Title shown with the player.' }),
      durationSeconds: t.exposeInt('durationSeconds', {
        nullable: true,
        description: 'Length in seconds, when known.',
      }),
      poster: t.expose('poster', { type: ImageRef, nullable: true, description: 'Still shown before a video plays.' }),
    }),
  });
  return builder.unionType('BodyBlock', {
    description: 'One block of an article body, in reading order.',
    types: [ParagraphBlock, HeadingBlock, ImageBlock, EmbedBlock],
  });
}

// src/modules/articles/types.ts
init_tables3();
var roleLabels = {
  reporter: '\u8BB0\u8005',
  photographer: '\u6444\u5F71',
  correspondent: '\u901A\u8BAF\u5458',
  author: '\u4F5C\u8005',
  translator: '\u7FFB\u8BD1',
  videographer: '\u6444\u50CF',
};
function registerArticleTypes(builder) {
  const BodyBlock = registerBodyTypes(builder);
  const ArticleKind = enumFromPg(builder, 'ArticleKind', articleKind, {
    description: 'The form of an article, which decides how a page lays it out.',
    values: {
      story: 'A written story.',
      gallery: 'A photo gallery (\u56FE\u8BF4).',
      video: 'A video story (\u89C6\u542C).',
    },
  });
  const BylineRole = enumFromPg(builder, 'BylineRole', bylineRole, {
    description: 'What a credited person did for the article.',
    values: {
      reporter: '\u8BB0\u8005: reporter.',
      photographer: '\u6444\u5F71: photographer.',
      correspondent: '\u901A\u8BAF\u5458: correspondent.',
      author: '\u4F5C\u8005: author of a commentary or column.',
      translator: '\u7FFB\u8BD1: translator.',
      videographer: '\u6444\u50CF: videographer.',
    },
  });
  builder.drizzleObject('articleBylines', {
    name: 'Byline',
    description: 'A credited person, in the order the article prints them.',
    select: { columns: {} },
    fields: (t) => ({
      role: t.expose('role', { type: BylineRole, description: 'What they did.' }),
      roleLabel: t.string({
        description: 'The role as printed in Chinese: \u8BB0\u8005, \u6444\u5F71, \u901A\u8BAF\u5458, \u2026.',
        select: { columns: { role: true } },
        resolve: (byline) => roleLabels[byline.role],
      }),
      name: t.exposeString('name', { description: 'Their name.' }),
      organisation: t.exposeString('organisation', {
        nullable: true,
        description:
          'The newsroom they work for, e.g. \u5927\u4F17\u65E5\u62A5\xB7\u5927\u4F17\u65B0\u95FB\u5BA2\u6237\u7AEF.',
      }),
    }),
  });
  const Tag = builder.drizzleNode('tags', {
    name: 'Tag',
    description: 'A keyword grouping articles on one subject.',
    id: { column: (tag) => tag.id },
    select: { columns: { id: true } },
    extensions: {
      cache: { tags: (tag) => [articleCacheTags.tag(tag.id)], maxAge: TAG_MAX_AGE },
    },
    fields: (t) => ({ name: t.exposeString('name', { description: 'The keyword, e.g. \u4E61\u6751\u632F\u5174.' }) }),
  });
  builder.drizzleNode('articles', {
    name: 'Article',
    description: 'A published story, photo gallery or video, with everything its page shows.',
    id: { column: (article) => article.id },
    // Status is always loaded so node(id:) can refuse anything that is not published; updatedAt for its cache lifetime.
    select: { columns: { id: true, status: true, updatedAt: true } },
    extensions: {
      cache: {
        tags: (article) => [articleCacheTags.article(article.id)],
        maxAge: (article, now) => articleLifetime(article, now),
      },
    },
    fields: (t) => ({
      path: t.exposeString('path', {
        description: 'Site-relative URL of the article page; pass it to `articleByPath`.',
      }),
      url: t.string({
        description: 'Absolute canonical URL of the article page.',
        select: {
          columns: { path: true },
          with: { channel: { columns: {}, with: { site: { columns: { url: true } } } } },
        },
        resolve: (article) => new URL(article.path, article.channel.site.url).href,
      }),
      kind: t.expose('kind', { type: ArticleKind, description: 'Story, photo gallery or video.' }),
      kicker: t.exposeString('kicker', {
        nullable: true,
        description: '\u5F15\u9898: the line printed above the title, if any.',
      }),
      title: t.exposeString('title', { description: 'The headline.' }),
      subtitles: t.exposeStringList('subtitles', {
        description: '\u526F\u9898: lines printed under the title, in order.',
      }),
      summary: t.exposeString('summary', {
        nullable: true,
        description: 'A short summary for lists and link previews.',
      }),
      source: t.exposeString('source', { description: '\u6765\u6E90: the outlet the story comes from.' }),
      publishedAt: t.expose('publishedAt', { type: 'DateTime', description: 'When it was first published.' }),
      updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it was last changed.' }),
      cover: t.expose('cover', { type: ImageRef, nullable: true, description: 'Lead image for lists and sharing.' }),
      body: t.field({
        type: [BodyBlock],
        description: 'The body as structured blocks in reading order.',
        select: { columns: { body: true } },
        resolve: (article) => article.body,
      }),
      bodyHtml: t.string({
        description: 'The body as HTML built from the blocks: every text escaped, every URL checked; safe to embed.',
        select: { columns: { body: true } },
        resolve: (article) => renderBodyHtml(article.body),
      }),
      bylines: t.relation('bylines', {
        description: 'Reporters, photographers and other credits, in print order.',
        query: { orderBy: { position: 'asc' } },
      }),
      editor: t.exposeString('editor', { nullable: true, description: '\u7F16\u8F91: the editor responsible.' }),
      tags: t.field({
        type: [Tag],
        description: 'Keywords of the article in the editor\u2019s order: the first is its main subject.',
        select: (_args, _ctx, nestedSelection) => ({
          with: {
            tagLinks: { columns: {}, orderBy: { position: 'asc' }, with: { tag: nestedSelection() } },
          },
        }),
        resolve: (article) => article.tagLinks.map((link) => link.tag),
      }),
      channel: t.relation('channel', { description: 'The channel it is filed under.' }),
      breadcrumb: t.field({
        type: [BreadcrumbItemRef],
        description:
          'Trail from the home page to the article\u2019s channel: \u9996\u9875 > \u8981\u95FB > \u5C71\u4E1C.',
        select: { columns: {}, with: { channel: breadcrumbSelection } },
        resolve: (article) => breadcrumbOf(article.channel),
      }),
    }),
  });
}

// src/modules/articles/index.ts
init_tables3();
var articles2 = defineModule({
  name: 'articles',
  relations: articleRelations,
  schema(builder) {
    registerArticleTypes(builder);
    registerArticleQueries(builder);
    registerFeed(builder);
    registerArticleMutations(builder);
  },
});

// src/modules/recommendations/index.ts
init_module();

// src/modules/recommendations/relations.ts
import { defineRelationsPart as defineRelationsPart3 } from 'drizzle-orm';

// src/modules/recommendations/tables.ts
import {
  index as index3,
  integer as integer4,
  pgEnum as pgEnum4,
  pgTable as pgTable4,
  primaryKey as primaryKey2,
} from 'drizzle-orm/pg-core';

var relatedReason = pgEnum4('related_reason', ['shared_tags', 'editor_pick']);
var articleRelated = pgTable4(
  'article_related',
  {
    articleId: integer4('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    relatedId: integer4('related_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    position: integer4('position').notNull(),
    reason: relatedReason('reason').notNull(),
  },
  (t) => [
    primaryKey2({ columns: [t.articleId, t.relatedId] }),
    // "Which pages list this article?": what a publish or a retraction must purge.
    index3('article_related_related_idx').on(t.relatedId),
  ],
);

// src/modules/recommendations/relations.ts
var recommendationRelations = defineRelationsPart3({ articles, articleRelated }, (r) => ({
  articleRelated: {
    owner: r.one.articles({ from: r.articleRelated.articleId, to: r.articles.id, alias: 'related', optional: false }),
    article: r.one.articles({ from: r.articleRelated.relatedId, to: r.articles.id, optional: false }),
  },
  // 相关推荐 hangs off the article: recommendations add the relation to the articles' table.
  articles: {
    related: r.many.articleRelated({ from: r.articles.id, to: r.articleRelated.articleId, alias: 'related' }),
  },
}));

// src/modules/recommendations/stale.ts
import { eq as eq2 } from 'drizzle-orm';

// src/modules/recommendations/cache.ts
var RELATED_MAX_AGE = 3600;
var relatedListTag = (articleId) => `related:${articleId}`;

// src/modules/recommendations/stale.ts
async function relatedListsShowing(tx, change) {
  if (change.before === change.after) return [];
  const owners = await tx
    .select({ articleId: articleRelated.articleId })
    .from(articleRelated)
    .where(eq2(articleRelated.relatedId, change.id));
  return owners.map((owner) => relatedListTag(owner.articleId));
}

// src/modules/recommendations/types.ts
init_enums();
init_compute();
function registerRecommendations(builder) {
  const RelatedReason = enumFromPg(builder, 'RelatedReason', relatedReason, {
    description: 'Why an article is recommended beside another.',
    values: { shared_tags: 'It shares keywords with the article.', editor_pick: 'An editor placed it there.' },
  });
  builder.drizzleObject('articleRelated', {
    name: 'RelatedArticle',
    description: 'An entry of \u76F8\u5173\u63A8\u8350: a recommended article and why it is there.',
    select: { columns: {} },
    fields: (t) => ({
      reason: t.expose('reason', { type: RelatedReason, description: 'Why it is recommended.' }),
      article: t.relation('article', { description: 'The recommended article.' }),
    }),
  });
  builder.drizzleObjectField('articles', 'related', (t) =>
    t.relation('related', {
      description: '\u76F8\u5173\u63A8\u8350: published articles recommended beside this one, best first.',
      args: {
        first: t.arg.int({ description: `How many, 1 to ${RELATED_PER_ARTICLE} (default ${RELATED_PER_ARTICLE}).` }),
      },
      extensions: {
        cache: {
          tags: (_args, article) => [relatedListTag(article.id)],
          maxAge: RELATED_MAX_AGE,
        },
      },
      query: (args) => ({
        where: { article: { status: 'published' } },
        orderBy: { position: 'asc' },
        limit: Math.max(1, Math.min(args.first ?? RELATED_PER_ARTICLE, RELATED_PER_ARTICLE)),
      }),
    }),
  );
}

// src/modules/recommendations/index.ts
var recommendations = defineModule({
  name: 'recommendations',
  relations: recommendationRelations,
  schema: registerRecommendations,
});
onArticleChange(relatedListsShowing);

// src/modules/index.ts
init_site();
var modules = [site, channels2, articles2, recommendations];
var relations = mergeRelations(modules);

// src/shared/scalars/date-time.ts
var CST_OFFSET_MINUTES = 8 * 60;
var pad = (n, width = 2) => String(n).padStart(width, '0');
function formatBeijingTime(date) {
  const shifted = new Date(date.getTime() + CST_OFFSET_MINUTES * 6e4);
  const ms = shifted.getUTCMilliseconds();
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ''}+08:00`;
}
var DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
var DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
function parseDateTimeInput(value) {
  if (typeof value !== 'string') {
    throw userError('DateTime must be an ISO 8601 string such as "2024-03-15T19:05:37+08:00" or "2024-03-15".');
  }
  const dateOnly = DATE_ONLY.exec(value);
  const parsed = dateOnly
    ? /* @__PURE__ */ new Date(`${value}T00:00:00+08:00`)
    : DATE_TIME.test(value)
      ? new Date(value)
      : null;
  if (!parsed || Number.isNaN(parsed.getTime()) || (dateOnly && formatBeijingTime(parsed).slice(0, 10) !== value)) {
    throw userError(
      `"${value.slice(0, 64)}" is not a valid DateTime: use ISO 8601 with an offset ("2024-03-15T19:05:37+08:00") or a date ("2024-03-15").`,
    );
  }
  return parsed;
}

// src/shared/scalars/index.ts
function registerScalars(builder) {
  builder.scalarType('DateTime', {
    description:
      'A moment in time as ISO 8601 in Beijing time, e.g. `2024-03-15T19:05:37+08:00`. As input, any offset is accepted, and a bare date (`2024-03-15`) means midnight in Beijing.',
    serialize: (value) => formatBeijingTime(value),
    parseValue: (value) => parseDateTimeInput(value),
  });
}

// src/schema.ts
function buildSchema() {
  const builder = createBuilder(relations);
  registerScalars(builder);
  for (const module of modules) module.schema(builder);
  return applyCacheHints(lexicographicSortSchema(builder.toSchema()));
}
var schema = buildSchema();

// src/gateway/credentials.ts
function hasCredentials(request) {
  return request.headers.has('authorization') || request.headers.has('x-preview');
}
function isEditorRequest(request, editorToken) {
  if (!editorToken) return false;
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '');
  if (!match?.[1]) return false;
  const given = new TextEncoder().encode(match[1]);
  const expected = new TextEncoder().encode(editorToken);
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) difference |= (given[i] ?? 0) ^ (expected[i] ?? 0);
  return difference === 0;
}

// src/cache/keys.ts
import { createHash as createHash2 } from 'node:crypto';
// src/gateway/documents.ts
import { GraphQLError as GraphQLError2, parse, stripIgnoredCharacters } from 'graphql';
import { LRUCache as LRUCache5 } from 'lru-cache';

var TooDeepError = class extends Error {
  name = 'TooDeepError';
};
function canonicalJson(value, maxDepth, depth = 0) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (depth >= maxDepth) throw new TooDeepError(`nested deeper than ${maxDepth} levels`);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item, maxDepth, depth + 1)).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== void 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, maxDepth, depth + 1)}`).join(',')}}`;
}
var sha256Hex = (data) => createHash2('sha256').update(data).digest('hex');
function responseKey(documentId, operationName, canonicalVariables) {
  return sha256Hex(`${documentId}
${operationName ?? ''}
${canonicalVariables}`);
}

// src/gateway/limits.ts
var DEFAULT_LIMITS = {
  bodyBytes: 64 * 1024,
  documentTokens: 5e3,
  documentNesting: 64,
  variablesDepth: 16,
};
function documentNesting(text4, limit) {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text4.length; i++) {
    const c = text4.charCodeAt(i);
    if (c === 35) {
      while (i < text4.length && text4.charCodeAt(i) !== 10 && text4.charCodeAt(i) !== 13) i++;
    } else if (c === 34) {
      if (text4.startsWith('"""', i)) {
        let end = text4.indexOf('"""', i + 3);
        while (end > 0 && text4.charCodeAt(end - 1) === 92) end = text4.indexOf('"""', end + 3);
        i = end < 0 ? text4.length : end + 2;
      } else {
        for (i++; i < text4.length; i++) {
          const d = text4.charCodeAt(i);
          if (d === 92) i++;
          else if (d === 34 || d === 10) break;
        }
      }
    } else if (c === 123 || c === 91 || c === 40) {
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 125 || c === 93 || c === 41) {
      depth--;
    }
  }
  return deepest;
}
function jsonDepth(value, limit) {
  let deepest = 0;
  const stack = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop();
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

// src/gateway/documents.ts
var Documents = class {
  constructor(limits, maxBytes = 32 * 2 ** 20) {
    this.limits = limits;
    this.parsed = new LRUCache5({ maxSize: maxBytes, sizeCalculation: (_doc, text4) => 10 * text4.length + 512 });
  }
  limits;
  parsed;
  facts = /* @__PURE__ */ new WeakMap();
  /** Yoga's document cache interface. */
  get(text4) {
    return this.parsed.get(text4);
  }
  set(text4, document) {
    this.parsed.set(text4, document);
  }
  /** Parses (once per distinct text) within the nesting and token limits; throws GraphQL's syntax errors. */
  parse(text4) {
    let document = this.parsed.get(text4);
    if (!document) {
      const { documentNesting: maxNesting, documentTokens } = this.limits;
      if (documentNesting(text4, maxNesting) > maxNesting) {
        throw new GraphQLError2(`The document nests deeper than ${maxNesting} levels.`, {
          extensions: { code: 'DOCUMENT_TOO_DEEP', http: { status: 400 } },
        });
      }
      document = parse(text4, { maxTokens: documentTokens });
      this.parsed.set(text4, document);
    }
    return document;
  }
  /** The document's facts, or null when it does not parse (Yoga then reports the syntax error). */
  factsOf(text4) {
    let document;
    try {
      document = this.parse(text4);
    } catch {
      return null;
    }
    let facts = this.facts.get(document);
    if (!facts) {
      const operations2 = /* @__PURE__ */ new Map();
      for (const definition of document.definitions) {
        if (definition.kind === 'OperationDefinition')
          operations2.set(definition.name?.value ?? '', definition.operation);
      }
      facts = { id: sha256Hex(stripIgnoredCharacters(text4)), sha256: sha256Hex(text4), operations: operations2 };
      this.facts.set(document, facts);
    }
    return { document, facts };
  }
};
function operationKind(facts, operationName) {
  if (operationName) return facts.operations.get(operationName) ?? null;
  if (facts.operations.size !== 1) return null;
  return facts.operations.values().next().value ?? null;
}

// src/cache/text-memo.ts
import { LRUCache as LRUCache6 } from 'lru-cache';

var WINDOW = 48;
function fingerprint(text4) {
  if (text4.length <= 4 * WINDOW) return text4;
  const middle = text4.length >> 1;
  return `${text4.length}:${text4.slice(0, WINDOW)}${text4.slice(middle - WINDOW, middle + WINDOW)}${text4.slice(-WINDOW)}`;
}
var TextMemo = class {
  entries;
  constructor(maxBytes) {
    this.entries = new LRUCache6({ maxSize: maxBytes, sizeCalculation: (entry) => 4 * entry.text.length + 256 });
  }
  get(text4) {
    const entry = this.entries.get(fingerprint(text4));
    return entry?.text === text4 ? entry.value : void 0;
  }
  set(text4, value) {
    this.entries.set(fingerprint(text4), { text: text4, value });
  }
};

// src/gateway/persisted.ts
import { LRUCache as LRUCache7 } from 'lru-cache';

// src/generated/operations.ts
var operations = [
  {
    name: 'ArticlePage',
    document:
      '# SQL statements: 1\n# Everything an article page shows, in one request and one SQL statement:\n# breadcrumb, kicker, title and subtitles, source, time, body, credits, editor, tags and \u76F8\u5173\u63A8\u8350.\nquery ArticlePage($path: String!) {\n  article: articleByPath(path: $path) {\n    id\n    url\n    kind\n    breadcrumb {\n      name\n      path\n    }\n    channel {\n      id\n      name\n      path\n    }\n    kicker\n    title\n    subtitles\n    source\n    publishedAt\n    updatedAt\n    summary\n    cover {\n      url\n      width\n      height\n      alt\n      caption\n    }\n    body {\n      __typename\n      ... on ParagraphBlock {\n        text\n      }\n      ... on HeadingBlock {\n        level\n        text\n      }\n      ... on ImageBlock {\n        image {\n          url\n          width\n          height\n          alt\n          caption\n          credit\n        }\n      }\n      ... on EmbedBlock {\n        media\n        url\n        title\n        durationSeconds\n      }\n    }\n    bylines {\n      role\n      roleLabel\n      name\n      organisation\n    }\n    editor\n    tags {\n      id\n      name\n    }\n    related {\n      reason\n      article {\n        id\n        path\n        title\n        publishedAt\n        cover {\n          url\n          width\n          height\n          alt\n        }\n      }\n    }\n  }\n}\n',
    variables: {
      path: '/yaowen/shandong/20240315/sdwchy.html',
    },
    sha256: 'c9b3ecb8dd24d117e5463ea21dc6bbd7d6d0131116ce9b3d629235f47e259ac5',
    normalizedSha256: 'fe46aa4ec237ba44d2457fd2cc0eca9bba7fa6d0dd8387db9acf42b490b1d721',
  },
  {
    name: 'ChannelFeed',
    document:
      "# SQL statements: 1\n# A page of a channel's feed, newest first, sub-channels included (\u8981\u95FB also lists \u5C71\u4E1C).\n# Pass `pageInfo.endCursor` as `$after` for the next page.\nquery ChannelFeed($channel: String!, $first: Int = 20, $after: String) {\n  articles(channel: $channel, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        path\n        kind\n        kicker\n        title\n        summary\n        source\n        publishedAt\n        cover {\n          url\n          width\n          height\n          alt\n        }\n        channel {\n          name\n          path\n        }\n        tags {\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n",
    variables: {
      channel: 'yaowen',
      first: 20,
    },
    sha256: '3c62bdda19c62e2bf8b9ca36a3c48a506d1ae4319f23dab62bf9b0cd6bab867d',
    normalizedSha256: '6006f1684b7d8410757dd127731db0ac5982a35b4498f841098d6f2f8c73ec1c',
  },
  {
    name: 'SiteChrome',
    document:
      '# SQL statements: 1\n# What every page frames its content with: navigation, footer links, operators, licences and report contacts.\nquery SiteChrome {\n  site {\n    name\n    url\n    homeLabel\n    navigation {\n      id\n      name\n      slug\n      path\n      url\n      kind\n      children {\n        id\n        name\n        path\n        url\n      }\n    }\n    footerLinks {\n      label\n      href\n    }\n    copyright\n    operators\n    operatorsNote\n    licences {\n      kind\n      label\n      number\n      text\n      href\n    }\n    report {\n      phone\n      email\n    }\n  }\n}\n',
    variables: {},
    sha256: 'd08624b12090a3c6960968959a527e68321f3cc1316b62920b48f099357f9ad0',
    normalizedSha256: '722ad349b012f9e5bb48b4e3ad79b961e5778beeb71628f01012555ef5ffa684',
  },
];

// src/gateway/persisted.ts
var trustedByHash = new Map(operations.map((op) => [op.sha256, op.document]));
var trustedCompact = new Set(operations.map((op) => op.normalizedSha256));
function persistedHash(extensions) {
  const persisted = extensions?.persistedQuery;
  return persisted?.version === 1 && typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : void 0;
}
var PersistedQueries = class {
  registered;
  constructor(maxBytes = 8 * 2 ** 20) {
    this.registered = new LRUCache7({
      maxSize: maxBytes,
      sizeCalculation: (text4, hash) => 2 * (text4.length + hash.length),
    });
  }
  /** The text for a hash, trusted or registered (who may run it is decided apart). */
  lookup(hash) {
    return trustedByHash.get(hash) ?? this.registered.get(hash);
  }
  /** Remembers `text` under `hash`; false when the hash is not the text's. */
  register(hash, text4) {
    if (sha256Hex(text4) !== hash) return false;
    if (!trustedByHash.has(hash)) this.registered.set(hash, text4);
    return true;
  }
  /** A trusted document, sent as its exact text or reformatted. */
  isTrusted(facts) {
    return trustedByHash.has(facts.sha256) || trustedCompact.has(facts.id);
  }
};

// src/gateway/responses.ts
var GRAPHQL_RESPONSE = 'application/graphql-response+json; charset=utf-8';
var LEGACY_JSON = 'application/json; charset=utf-8';
function responseMediaType(accept) {
  return accept?.includes('application/graphql-response+json') ? GRAPHQL_RESPONSE : LEGACY_JSON;
}
function errorAnswer(accept, status, message, code) {
  return {
    status,
    headers: { 'content-type': responseMediaType(accept), 'cache-control': 'private, no-store' },
    body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
  };
}
function toResponse(Response, answer) {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

// src/gateway/request.ts
var ENCODINGS = {
  'application/json': 'json',
  'application/graphql+json': 'json',
  'application/x-www-form-urlencoded': 'form',
  'application/graphql': 'graphql',
};
function nodeText(body, maxBytes) {
  return new Promise((resolve, reject) => {
    const chunks2 = [];
    let size = 0;
    body.on('data', (chunk) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        body.destroy();
        resolve(null);
      } else chunks2.push(chunk);
    });
    body.on('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks2, size).toString('utf8')));
    body.on('error', reject);
  });
}
async function limitedText(request, maxBytes) {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) return null;
  if (Number.isFinite(declared) || !request.body) {
    const text5 = await request.text();
    return text5.length > maxBytes ? null : text5;
  }
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text4 = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text4 + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    text4 += decoder.decode(value, { stream: true });
  }
}
function encodingOf(contentType) {
  return ENCODINGS[contentType?.split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? ''];
}
function queryString(url) {
  const question = url.indexOf('?');
  return { encoding: 'query-string', text: question < 0 ? '' : url.slice(question + 1) };
}
var tooLarge = (accept, limits) =>
  errorAnswer(accept, 413, `The request body is larger than ${limits.bodyBytes} bytes.`, 'PAYLOAD_TOO_LARGE');
function readRawParams(request, limits) {
  if (request.method === 'GET') return queryString(request.url);
  const encoding = request.method === 'POST' ? encodingOf(request.headers.get('content-type')) : void 0;
  if (!encoding) return null;
  return limitedText(request, limits.bodyBytes).then((text4) =>
    text4 === null ? { error: tooLarge(request.headers.get('accept'), limits) } : { encoding, text: text4 },
  );
}
function parseJsonParam(value) {
  return value === null || value === '' ? void 0 : JSON.parse(value);
}
function fromSearch(raw) {
  const search = new URLSearchParams(raw);
  return {
    query: search.get('query') || void 0,
    operationName: search.get('operationName') || void 0,
    variables: parseJsonParam(search.get('variables')),
    extensions: parseJsonParam(search.get('extensions')),
  };
}
function parseParams(raw, limits, accept) {
  const refuse = (message, code = 'BAD_REQUEST') => ({ error: errorAnswer(accept, 400, message, code) });
  let params;
  if (raw.encoding === 'graphql') {
    params = { query: raw.text };
  } else if (raw.encoding === 'json') {
    let body;
    try {
      body = JSON.parse(raw.text);
    } catch {
      return refuse('POST body sent invalid JSON.');
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return refuse(
        Array.isArray(body)
          ? 'Batched requests are not supported: send one operation per request.'
          : 'The POST body must be a JSON object with `query`, `variables`, `operationName` and `extensions`.',
      );
    }
    params = body;
  } else {
    try {
      params = fromSearch(raw.text);
    } catch {
      return refuse('`variables` and `extensions` must be JSON objects.');
    }
  }
  if (
    typeof params.query === 'string' &&
    documentNesting(params.query, limits.documentNesting) > limits.documentNesting
  ) {
    return refuse(`The document nests deeper than ${limits.documentNesting} levels.`, 'DOCUMENT_TOO_DEEP');
  }
  for (const name of ['variables', 'extensions']) {
    if (jsonDepth(params[name], limits.variablesDepth) > limits.variablesDepth) {
      return refuse(`\`${name}\` nests deeper than ${limits.variablesDepth} levels.`, 'VARIABLES_TOO_DEEP');
    }
  }
  return { params };
}

// src/gateway/server-timing.ts
function serverTimingHeader(timing) {
  const statements = timing.meter?.statements ?? 0;
  const total = performance.now() - timing.started;
  if (statements === 0) {
    return `cache;desc="${timing.cacheStatus}", db;dur=0.0;desc="0 statements", total;dur=${total.toFixed(1)}`;
  }
  const busyMs = timing.meter?.busyMs ?? 0;
  return `cache;desc="${timing.cacheStatus}", db;dur=${busyMs.toFixed(1)};desc="${statements} ${statements === 1 ? 'statement' : 'statements'}", total;dur=${total.toFixed(1)}`;
}

// src/gateway/edge-cache.ts
var utf8 = new TextEncoder();
function andThen(value, f) {
  return value instanceof Promise ? value.then(f) : f(value);
}
var GRAPHQL_PATH = /^https?:\/\/[^/]+\/graphql\/?(\?|$)/;
var EdgeCache = class {
  constructor(options) {
    this.options = options;
  }
  options;
  // Distinct query strings and bodies seen lately, with what they resolved to: a repeated request
  // is answered without parsing its JSON again. Bounded in bytes like every cache here.
  memos = {
    'query-string': new TextMemo(4 * 2 ** 20),
    json: new TextMemo(4 * 2 ** 20),
    form: new TextMemo(2 ** 20),
    graphql: new TextMemo(2 ** 20),
  };
  inFlight = /* @__PURE__ */ new Map();
  /** Parameters as sent → what they ask for; refusals (malformed, too deep, a wrong hash) as answers. */
  resolve(raw, caller, accept) {
    const { documents, persisted, limits } = this.options;
    const memo = this.memos[raw.encoding];
    const remembered = memo.get(raw.text);
    if (remembered) return remembered;
    const read = parseParams(raw, limits, accept);
    if ('error' in read) return read;
    const { params } = read;
    let remember = true;
    const hash = persistedHash(params.extensions);
    let query = params.query;
    if (hash && typeof query === 'string') {
      if (sha256Hex(query) !== hash) {
        return {
          error: errorAnswer(accept, 400, 'provided sha does not match query', 'PERSISTED_QUERY_HASH_MISMATCH'),
        };
      }
      if (this.options.trustedDocumentsOnly && !caller.editor) remember = false;
      else persisted.register(hash, query);
    } else if (hash && query === void 0) {
      query = persisted.lookup(hash);
      if (query === void 0) return { params };
    }
    if (typeof query !== 'string') return { params };
    const parsed = documents.factsOf(query);
    if (!parsed) return { params: { ...params, query }, trusted: false, key: null };
    const { facts } = parsed;
    const operationName = typeof params.operationName === 'string' ? params.operationName : void 0;
    const variables = params.variables ?? {};
    const cacheable =
      operationKind(facts, operationName) === 'query' && typeof variables === 'object' && !Array.isArray(variables);
    const resolution = {
      params: { ...params, query },
      trusted: persisted.isTrusted(facts),
      key: cacheable ? responseKey(facts.id, operationName, canonicalJson(variables, limits.variablesDepth)) : null,
    };
    if (remember) memo.set(raw.text, resolution);
    return resolution;
  }
  /** The fresh entry under `key`, if there is one; registers nothing (Node's adapter asks this first). */
  peek(key, now) {
    return andThen(this.options.store.get(key), (entry) =>
      entry && now < entry.storedAt + entry.maxAge * 1e3 ? entry : void 0,
    );
  }
  /**
   * The fresh entry under `key`, or a miss for the caller to execute. Concurrent misses for one key
   * share a single execution: later ones wait for the first and are answered with its entry.
   */
  lookup(key, now) {
    return andThen(this.options.store.get(key), (entry) => {
      if (entry && now < entry.storedAt + entry.maxAge * 1e3) return { fresh: entry };
      const running = this.inFlight.get(key);
      if (!running) return { miss: this.pendingFor(key, entry) };
      return running.then((shared) => (shared ? { fresh: shared } : { miss: this.pendingFor(key, entry) }));
    });
  }
  pendingFor(key, stale) {
    let settle = () => {};
    const promise = new Promise((resolve) => {
      settle = (entry) => {
        this.inFlight.delete(key);
        resolve(entry);
      };
    });
    this.inFlight.set(key, promise);
    return { key, stale, settle };
  }
  /** Stores the bytes a miss sends, once serialized; the store's own write may finish later. */
  store(pending, result, state) {
    const body = utf8.encode(JSON.stringify(result));
    const { hints } = state;
    const tags2 = [...hints.tags];
    const entry = {
      body,
      etag: `"${sha256Hex(body).slice(0, 32)}"`,
      tags: tags2,
      tagHeader: tags2.join(','),
      maxAge: Math.min(hints.maxAge, this.options.maxAgeCap ?? Number.POSITIVE_INFINITY),
      storedAt: state.now,
    };
    state.waitUntil(
      Promise.resolve(this.options.store.put(pending.key, entry, entry.maxAge + this.options.staleFor)).catch((error) =>
        console.error(`[edge-cache] could not store a response: ${String(error)}`),
      ),
    );
    pending.settle(entry);
    return entry;
  }
  /**
   * A stored response as sent to one client: its media type, its age, or a 304 when the client has
   * it. Every header is set here, the request's own included, so the response goes out as built.
   */
  answer(entry, freshness, to, timing) {
    const age = Math.max(0, Math.floor((timing.now - entry.storedAt) / 1e3));
    const headers = {
      'content-type': responseMediaType(to.accept),
      vary: 'Accept',
      etag: entry.etag,
      'cache-control':
        freshness === 'fresh'
          ? `public, max-age=${Math.max(0, entry.maxAge - age)}, stale-if-error=${this.options.staleFor}`
          : 'public, max-age=0, must-revalidate',
      'cache-tag': entry.tagHeader,
      age: String(age),
      'x-cache': timing.cacheStatus,
      'server-timing': serverTimingHeader(timing),
    };
    if (freshness === 'stale') headers.warning = '110 - "Response is Stale"';
    const matches = to.ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === entry.etag);
    return matches ? { status: 304, headers, body: null } : { status: 200, headers, body: entry.body };
  }
  /**
   * The edge cache as Yoga hooks, on the request's state: `onRequest` reads, resolves and answers a
   * fresh copy before Yoga parses anything (synchronously when the data is at hand: a GET, a store in
   * memory); `onRequestParse` hands Yoga the parameters already read; `onResultProcess` stores and
   * sends a miss's bytes, or the last good copy when the database failed.
   */
  plugin(stateOf) {
    const recipient = (request) => ({
      accept: request.headers.get('accept'),
      ifNoneMatch: request.headers.get('if-none-match'),
    });
    return {
      onRequest: ({ request, endResponse, fetchAPI, serverContext }) => {
        const state = stateOf(request);
        if (!state || !GRAPHQL_PATH.test(request.url)) return;
        const send = (answer) => {
          state.decorated = 'x-cache' in answer.headers;
          endResponse(toResponse(fetchAPI.Response, answer));
        };
        const preRead = serverContext.preRead;
        return andThen(preRead ?? readRawParams(request, this.options.limits), (raw) => {
          if (raw === null) return;
          if ('error' in raw) return send(raw.error);
          const resolution = this.resolve(raw, state, request.headers.get('accept'));
          if ('error' in resolution) return send(resolution.error);
          state.params = resolution.params;
          if (!('key' in resolution)) return;
          state.trusted = resolution.trusted;
          const { key } = resolution;
          if (!key || state.credentials) return;
          state.cacheStatus = 'MISS';
          return andThen(this.lookup(key, state.now), (found) => {
            if ('miss' in found) {
              state.pending = found.miss;
              return;
            }
            state.cacheStatus = 'HIT';
            send(this.answer(found.fresh, 'fresh', recipient(request), state));
          });
        });
      },
      onRequestParse: ({ request, setRequestParser }) => {
        const params = stateOf(request)?.params;
        if (params) setRequestParser(() => params);
      },
      onResultProcess: ({ request, result, setResultProcessor }) => {
        const state = stateOf(request);
        const pending = state?.pending;
        if (!state || !pending) return;
        state.pending = void 0;
        const single = result;
        if (Array.isArray(result) || typeof single !== 'object' || Symbol.asyncIterator in single) {
          pending.settle();
          return;
        }
        const mediaType = responseMediaType(request.headers.get('accept'));
        const unavailable = single.errors?.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE');
        if (unavailable || single.errors?.length || !single.data) {
          pending.settle();
          const stale = pending.stale;
          if (unavailable && stale) {
            state.cacheStatus = 'STALE';
            setResultProcessor((_result, fetchAPI) => {
              state.decorated = true;
              return toResponse(fetchAPI.Response, this.answer(stale, 'stale', recipient(request), state));
            }, mediaType);
          }
          return;
        }
        setResultProcessor((_result, fetchAPI) => {
          const entry = this.store(pending, single, state);
          state.decorated = true;
          return toResponse(fetchAPI.Response, this.answer(entry, 'fresh', recipient(request), state));
        }, mediaType);
      },
    };
  }
};

// src/gateway/errors.ts
import { PothosError, PothosValidationError } from '@pothos/core';
import { GraphQLError as GraphQLError3 } from 'graphql';

var INTERNAL = 'Unexpected error.';
var RETRY_AFTER_SECONDS = 5;
function maskError(error, _message) {
  const wrapped = error instanceof GraphQLError3 ? error : null;
  const original = wrapped ? (wrapped.originalError ?? wrapped) : error;
  const location = { nodes: wrapped?.nodes, path: wrapped?.path };
  if (original instanceof PothosValidationError) {
    const message = /cursor|serialized/i.test(original.message)
      ? 'The cursor is not valid: pass an `after` or `before` value taken from `pageInfo` or `edges.cursor` of this connection.'
      : original.message;
    return new GraphQLError3(message, { ...location, extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (causedBy(original, DatabaseUnavailableError)) {
    return new GraphQLError3('The news database is temporarily unavailable; retry in a few seconds.', {
      ...location,
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        http: { status: 503, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } },
      },
    });
  }
  if (wrapped && original instanceof GraphQLError3 && !(original instanceof PothosError)) return wrapped;
  return new GraphQLError3(INTERNAL, { ...location, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
function causedBy(error, type) {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof type) return true;
    current = current.cause;
  }
  return false;
}
function codeFor(error) {
  if (error.message.startsWith('Syntax Error')) return 'GRAPHQL_PARSE_FAILED';
  if (error.message.startsWith('Variable "$')) return 'BAD_USER_INPUT';
  return 'GRAPHQL_VALIDATION_FAILED';
}
function useErrorCodes() {
  return {
    onResultProcess({ result, setResult }) {
      const single = result;
      if (Array.isArray(result) || !single.errors?.some((error) => !error.extensions?.code)) return;
      setResult({
        ...single,
        errors: single.errors.map((error) =>
          error.extensions?.code || !(error instanceof GraphQLError3)
            ? error
            : new GraphQLError3(error.message, {
                nodes: error.nodes,
                source: error.source,
                positions: error.positions,
                path: error.path,
                originalError: error.originalError,
                extensions: { ...error.extensions, code: codeFor(error) },
              }),
        ),
      });
    },
  };
}

// src/gateway/playground.ts
var PLAYGROUND_ASSETS = '/graphiql';
var playgroundOptions = {
  title: '\u804A\u57CE\u65B0\u95FB\u7F51 GraphQL',
  defaultTabs: operations.map((operation) => ({
    query: operation.document,
    variables: JSON.stringify(operation.variables, null, 2),
  })),
  defaultEditorToolsVisibility: 'variables',
};
var escapeForScript = (json) => json.replace(/</g, '\\u003c');
var escapeHtml2 = (text4) => text4.replace(/&/g, '&amp;').replace(/</g, '&lt;');
function renderPlayground(options) {
  const assets = PLAYGROUND_ASSETS;
  const [first] = options.defaultTabs ?? [];
  const props = first ? { query: first.query, variables: first.variables, ...options } : options;
  const workers = {
    editorWorkerService: `${assets}/monacoeditorwork/editor.worker.bundle.js`,
    json: `${assets}/monacoeditorwork/json.worker.bundle.js`,
    graphql: `${assets}/monacoeditorwork/graphql.worker..bundle.js`,
  };
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml2(options.title ?? 'GraphiQL')}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assets}/graphiql.css">
</head>
<body id="body" class="no-focus-outline">
<noscript>GraphiQL needs JavaScript.</noscript>
<div id="root">Loading\u2026</div>
<script>
const workerUrls = ${escapeForScript(JSON.stringify(workers))};
const workers = {};
function prepareWorkers() {
  return Promise.all(Object.entries(workerUrls).map(async ([label, url]) => {
    const source = await (await fetch(url)).text();
    workers[label] = URL.createObjectURL(new Blob([source], { type: 'application/javascript' }));
  }));
}
self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_id, label) => workers[label] };
</script>
<script src="${assets}/yoga-graphiql.umd.js"></script>
<script>
prepareWorkers().finally(() => YogaGraphiQL.renderYogaGraphiQL(root, ${escapeForScript(JSON.stringify(props))}));
</script>
</body>
</html>`;
}

// src/db/meter.ts
var StatementMeter = class {
  statements = 0;
  active = 0;
  busySince = 0;
  busy = 0;
  /** The statements' text, when asked for (tests). */
  sql;
  constructor(keepSql = false) {
    this.sql = keepSql ? [] : void 0;
  }
  get busyMs() {
    return this.busy + (this.active > 0 ? performance.now() - this.busySince : 0);
  }
  start(text4) {
    this.statements += 1;
    this.sql?.push(text4);
    if (this.active++ === 0) this.busySince = performance.now();
  }
  end() {
    if (--this.active === 0) this.busy += performance.now() - this.busySince;
  }
};

// src/gateway/state.ts
var RequestState = class {
  constructor(now, source2, editor, credentials) {
    this.now = now;
    this.source = source2;
    this.editor = editor;
    this.credentials = credentials;
  }
  now;
  source;
  editor;
  credentials;
  started = performance.now();
  meter = new StatementMeter();
  cacheStatus = 'BYPASS';
  /** Parameters read once by the edge cache; Yoga is given them instead of reading the body again. */
  params;
  /** The document is one of schema/operations/ (trusted documents). */
  trusted = false;
  pending;
  /** The response was built with this request's own headers (x-cache, server-timing) already. */
  decorated = false;
  hintsValue;
  sessionValue;
  /** Work that may finish after the response (the platform's `waitUntil` once the request starts). */
  waitUntil = (promise) => {
    promise.catch(() => {});
  };
  /** The request's database session, opened when it first needs one (a cache hit never does). */
  get session() {
    this.sessionValue ??= this.source.session(this.meter);
    return this.sessionValue;
  }
  /** Closes what the session opened (the Worker's per-request WebSocket), if it opened anything. */
  end() {
    return this.sessionValue?.end?.();
  }
  /** Tags and lifetime of what the request read. */
  get hints() {
    this.hintsValue ??= new CacheHints(this.now);
    return this.hintsValue;
  }
};

// src/gateway/gateway.ts
var NODE_GRAPHQL_PATH = /^\/graphql\/?(\?|$)/;
var ANONYMOUS = { credentials: false, editor: false };
function refused(answer, started) {
  const timing = serverTimingHeader({ started, now: 0, cacheStatus: 'BYPASS' });
  return { ...answer, headers: { ...answer.headers, 'x-cache': 'BYPASS', 'server-timing': timing } };
}
function trustedDocumentRequired() {
  return new GraphQLError4(
    'This deployment runs only its published operations (schema/operations/): send one of them, or its sha256Hash as a persisted query.',
    { extensions: { code: 'TRUSTED_DOCUMENT_REQUIRED', http: { status: 403 } } },
  );
}
function createGateway(options) {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const trustedOnly = !!options.trustedDocumentsOnly;
  const now = options.now ?? (() => Date.now());
  const documents = new Documents(limits);
  const persisted = new PersistedQueries();
  const states = /* @__PURE__ */ new WeakMap();
  const edgeCache = new EdgeCache({
    store: options.store,
    documents,
    persisted,
    limits,
    trustedDocumentsOnly: trustedOnly,
    staleFor: options.staleFor ?? 86400,
    maxAgeCap: options.maxAgeCap,
  });
  const stateOf = (request) => states.get(request);
  const lifecycle = {
    onRequest({ request, serverContext }) {
      const state = new RequestState(
        now(),
        options.source,
        isEditorRequest(request, options.editorToken),
        hasCredentials(request),
      );
      const waitUntil = serverContext.waitUntil;
      if (waitUntil) state.waitUntil = (promise) => waitUntil.call(serverContext, promise);
      states.set(request, state);
    },
    onResponse({ request, response }) {
      const state = stateOf(request);
      if (!state) return;
      const ended = state.end();
      if (ended) state.waitUntil(ended);
      if (state.decorated) return;
      const headers = response.headers;
      headers.set('x-cache', state.cacheStatus);
      headers.set('server-timing', serverTimingHeader(state));
      if (state.cacheStatus === 'BYPASS' || !headers.has('cache-control')) {
        headers.set('cache-control', 'private, no-store');
      }
    },
  };
  const yoga = createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    maskedErrors: { maskError },
    // The edge cache reads every request body itself, within `limits.bodyBytes`; no uploads.
    maxRequestBodySize: false,
    multipart: false,
    parserAndValidationCache: {
      documentCache: documents,
      errorCache: new LRUCache8({
        maxSize: 2 * 2 ** 20,
        sizeCalculation: (_e, text4) => 2 * text4.length + 256,
      }),
    },
    graphiql: playgroundOptions,
    renderGraphiQL: renderPlayground,
    plugins: [
      lifecycle,
      useErrorCodes(),
      usePersistedOperations({
        // Texts were resolved by the edge cache already; this decides who may run a text that is not
        // a trusted document (one an editor registered included).
        allowArbitraryOperations: (request) =>
          !trustedOnly || !!stateOf(request)?.editor || !!stateOf(request)?.trusted,
        getPersistedOperation: (hash) => persisted.lookup(hash) ?? null,
        customErrors: {
          notFound: { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
          keyNotFound: {
            message: 'Send a `query`, or the hash of a persisted one in `extensions.persistedQuery`.',
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          },
          persistedQueryOnly: trustedDocumentRequired,
        },
      }),
      edgeCache.plugin(stateOf),
    ],
    context: ({ request }) => {
      const state = stateOf(request);
      if (!state) throw new Error('a request reached execution without its state');
      return {
        db: state.session.db,
        writer: () => state.session.writer(),
        cache: state.hints,
        editor: state.editor,
        purge: (tags2) => options.store.purge(tags2),
        now: new Date(state.now),
      };
    },
  });
  function handleNodeRequest(req, res) {
    const started = performance.now();
    const url = req.url ?? '';
    const headers = req.headers;
    if (!NODE_GRAPHQL_PATH.test(url) || headers.authorization || headers['x-preview']) return yoga(req, res);
    const accept = headers.accept ?? null;
    const send = (answer) => res.writeHead(answer.status, answer.headers).end(answer.body);
    let raw = null;
    if (req.method === 'GET') raw = queryString(url);
    else if (req.method === 'POST') {
      const encoding = encodingOf(headers['content-type']);
      if (!encoding) return yoga(req, res);
      if (Number(headers['content-length']) > limits.bodyBytes) return send(refused(tooLarge(accept, limits), started));
      raw = nodeText(req, limits.bodyBytes).then((text4) => (text4 === null ? null : { encoding, text: text4 }));
    } else return yoga(req, res);
    andThen(raw, (read) => {
      if (read === null) return send(refused(tooLarge(accept, limits), started));
      const resolution = edgeCache.resolve(read, ANONYMOUS, accept);
      if ('error' in resolution) return send(refused(resolution.error, started));
      if (!('key' in resolution) || !resolution.key) return yoga(req, res, { preRead: read });
      const timing = { started, now: now(), cacheStatus: 'HIT' };
      return andThen(edgeCache.peek(resolution.key, timing.now), (fresh) => {
        if (!fresh) return yoga(req, res, { preRead: read });
        const ifNoneMatch = headers['if-none-match'] ?? null;
        send(edgeCache.answer(fresh, 'fresh', { accept, ifNoneMatch }, timing));
      });
    });
  }
  return {
    fetch: (request, platform) => Promise.resolve(yoga.fetch(request, platform ?? {})),
    handleNodeRequest,
  };
}

// src/gateway/node-assets.ts
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
// src/gateway/node-server.ts
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';

var types = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
var playgroundAssetsDir = join(
  dirname(createRequire(import.meta.url).resolve('@graphql-yoga/graphiql/package.json')),
  'dist',
);
async function servePlaygroundAsset(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(`${PLAYGROUND_ASSETS}/`) || (req.method !== 'GET' && req.method !== 'HEAD'))
    return false;
  const file = normalize(join(playgroundAssetsDir, decodeURIComponent(url.pathname.slice(PLAYGROUND_ASSETS.length))));
  if (!file.startsWith(playgroundAssetsDir + sep)) return false;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  const ext = file.slice(file.lastIndexOf('.'));
  res.writeHead(200, {
    'content-type': types[ext] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'public, max-age=86400',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}

// src/gateway/node-server.ts
function createNodeServer(gateway2) {
  return createServer((req, res) => {
    if (req.url === '/' || req.url === '') {
      res.writeHead(302, { location: '/graphql' }).end();
      return;
    }
    if (req.url?.startsWith('/graphiql/')) {
      servePlaygroundAsset(req, res).then((served) => {
        if (!served) gateway2.handleNodeRequest(req, res);
      });
      return;
    }
    gateway2.handleNodeRequest(req, res);
  });
}

// import("../modules/**/*/seed.ts") in src/seed/run.ts
var globImport_modules_seed_ts = __glob({
  '../modules/articles/seed.ts': () => Promise.resolve().then(() => (init_seed2(), seed_exports)),
  '../modules/channels/seed.ts': () => Promise.resolve().then(() => (init_seed3(), seed_exports2)),
  '../modules/recommendations/seed.ts': () => Promise.resolve().then(() => (init_seed4(), seed_exports3)),
  '../modules/site/seed.ts': () => Promise.resolve().then(() => (init_seed5(), seed_exports4)),
});

// src/seed/run.ts
async function seederOf(name) {
  try {
    const loaded = await globImport_modules_seed_ts(`../modules/${name}/seed.ts`);
    return loaded.seed ?? null;
  } catch (error) {
    if (error.code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load/.test(String(error))) return null;
    throw error;
  }
}
async function seed4(db, options = {}) {
  const seeders = await Promise.all(modules.map(async (module) => seederOf(module.name)));
  return db.transaction(async (tx) => {
    const report = {};
    const run = { options, written: {} };
    for (const seeder of seeders) if (seeder) Object.assign(report, await seeder(tx, run));
    return report;
  });
}

// src/node.ts
var port = Number(process.env.PORT ?? 8787);
var source = await openNodeSource(relations);
if (source.kind === 'pglite' || process.argv.includes('--seed')) {
  const counts = await seed4(source.admin);
  console.log(`seeded ${counts.articles} articles in ${counts.channels} channels`);
}
var gateway = createGateway({
  source,
  store: new MemoryStore(),
  editorToken: process.env.EDITOR_TOKEN,
  trustedDocumentsOnly: process.env.TRUSTED_DOCUMENTS_ONLY === 'true',
  maxAgeCap: process.env.EDGE_MAX_AGE ? Number(process.env.EDGE_MAX_AGE) : void 0,
});
var server = createNodeServer(gateway);
server.listen(port, () => {
  const db = source.kind === 'pglite' ? 'embedded PGlite' : 'DATABASE_URL';
  console.log(`GraphQL gateway on http://localhost:${port}/graphql (GraphiQL in a browser), database: ${db}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => source.close().finally(() => process.exit(0))));
}
//# sourceMappingURL=node.mjs.map
