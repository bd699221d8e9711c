import { type SQL, sql } from 'drizzle-orm';
import type { SearchQuery } from '../../shared/chinese-text';

/**
 * A search ranks its newest this many matches (after the filters), not every match: a word on 7%
 * of a million articles would otherwise read and rank 70,000 documents per page. Five pages of
 * ten; a common word's cost is about SEARCH_WINDOW / its frequency rows, whatever the archive's size.
 */
export const SEARCH_WINDOW = 50;

/** The filters of a search, over the index row `c`. */
export interface SearchFilters {
  channelPath: string | null;
  tag: string | null;
  after: Date | null;
  before: Date | null;
}

const channelIds = (path: string) => sql`select id from channels where path = ${path} or path like ${`${path}/%`}`;

/** The channel and tag filters (cheap to check on a row), and the date range (an index condition). */
function filtersOn(f: SearchFilters): { row: SQL[]; dates: SQL[] } {
  const row: SQL[] = [];
  const dates: SQL[] = [];
  if (f.channelPath !== null) row.push(sql`c.channel_id in (${channelIds(f.channelPath)})`);
  if (f.tag !== null) {
    row.push(
      sql`exists (select 1 from article_tags at join tags t on t.id = at.tag_id where at.article_id = c.article_id and t.name = ${f.tag})`,
    );
  }
  if (f.after) dates.push(sql`c.published_at >= ${f.after.toISOString()}::timestamptz`);
  if (f.before) dates.push(sql`c.published_at < ${f.before.toISOString()}::timestamptz`);
  return { row, dates };
}

/** The statistics ANALYZE keeps for a column of the search index (`s`, in pg_stats). */
const statisticsOf = (column: string) =>
  sql`s.schemaname = current_schema() and s.tablename = 'article_search' and s.attname = ${column}`;

/**
 * The share of articles a query's lexemes allow (its rarest lexeme's, from the lexeme frequencies
 * ANALYZE keeps, as the planner uses them; 0 when one is missing from them: it is rare). The
 * planner itself multiplies the frequencies, as if 乡村, 村振 and 振兴 were independent, and
 * expects a hundredth of the matches there are.
 */
function queryShare(lexemes: readonly string[]): SQL {
  if (!lexemes.length) return sql`0`;
  return sql`(select case when count(*) = ${lexemes.length} then min(m.f) else 0 end
    from pg_stats s cross join lateral unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as m(e, f)
    where ${statisticsOf('document')} and m.e = any(${sql.param(lexemes)}::text[]))`;
}

/**
 * The share of articles the channel and tag filters keep: a channel subtree's share from the
 * channel ids' frequencies ANALYZE keeps (0 for a channel too small to be listed), a tag's from
 * the 相关推荐 tag counts (published articles per tag, tag 0 all of them).
 */
function filterShare(f: SearchFilters): SQL {
  const parts: SQL[] = [];
  if (f.channelPath !== null) {
    parts.push(sql`(select coalesce(sum(m.f), 0)
      from pg_stats s cross join lateral unnest(s.most_common_vals::text::int[], s.most_common_freqs) as m(v, f)
      where ${statisticsOf('channel_id')} and m.v in (${channelIds(f.channelPath)}))`);
  }
  if (f.tag !== null) {
    parts.push(sql`(select coalesce(sum(r.articles) filter (where t.name = ${f.tag}), 0)::float8
      / greatest(1, max(r.articles) filter (where r.tag_id = 0))
      from related_tag_frequencies r left join tags t on t.id = r.tag_id)`);
  }
  return parts.length ? sql.join(parts, sql` * `) : sql`1`;
}

/**
 * Whether walking the articles newest first, checking each, finds the newest matches sooner than
 * the GIN index. With d the query's share and c the filters', the walk reads about WINDOW / (d·c)
 * rows (the filters checked first, the document only for rows that pass them), the GIN index d·N
 * (every match of the words, each read and, for a phrase, rechecked against its document, before
 * the filters): the walk wins when d²·c·N ≥ WINDOW.
 */
function walkWins(query: SearchQuery, filters: SearchFilters, window: number): SQL {
  if (!query.lexemes.length) return sql`false`;
  return sql`coalesce(${queryShare(query.lexemes)} ^ 2 * ${filterShare(filters)}
    * (select reltuples from pg_class where oid = 'article_search'::regclass) >= ${window}, false)`;
}

/** A place in the index's time order: a hit's publication moment and article id (a NEWEST cursor). */
export interface IndexPosition {
  at: Date;
  id: number;
}

/** Where a page of matches starts and which way it goes (NEWEST order's paging). */
export interface MatchesPage {
  /** How many matches: SEARCH_WINDOW for a ranked search, a page (and one more) when paging by time. */
  limit: number;
  /** Only matches past this position, in the page's direction (a cursor). */
  from?: IndexPosition | null;
  /** Oldest first (`last`/`before`): the matches just newer than `from`, or the oldest of all. */
  oldestFirst?: boolean;
}

/** Rows strictly past `from` in the walk's direction; the moment alone is an index condition. */
function pastPosition(from: IndexPosition | null | undefined, oldestFirst: boolean): SQL[] {
  if (!from) return [];
  const at = sql`${from.at.toISOString()}::timestamptz`;
  return oldestFirst
    ? [sql`c.published_at >= ${at}`, sql`(c.published_at > ${at} or c.article_id > ${from.id})`]
    : [sql`c.published_at <= ${at}`, sql`(c.published_at < ${at} or c.article_id < ${from.id})`];
}

/**
 * The ids of the query's newest `page.limit` matches (published_at, then id, descending; or the
 * oldest, ascending, with `oldestFirst`), past `page.from` if given, as a subquery. Two branches give
 * the same rows; a one-time filter runs only one of them: the walk reads article_search_recent_idx
 * in time order (`ts_match_vq` is not indexable, so the planner cannot take the GIN index there),
 * checking the channel and tag first (a CASE fixes the order) and the document only then; the other
 * reads every match from the GIN index and keeps the first ones in time order.
 */
export function newestMatches(
  query: SearchQuery,
  filters: SearchFilters,
  page: MatchesPage = { limit: SEARCH_WINDOW },
): SQL {
  const tsquery = sql`${query.tsquery}::tsquery`;
  const oldestFirst = page.oldestFirst ?? false;
  const { row, dates } = filtersOn(filters);
  const bounds = [...dates, ...pastPosition(page.from, oldestFirst)];
  const all = [...row, ...bounds];
  const inRange = bounds.length ? sql` and ${sql.join(bounds, sql` and `)}` : sql``;
  const checked = row.length
    ? sql`case when ${sql.join(row, sql` and `)} then ts_match_vq(c.document, ${tsquery}) else false end`
    : sql`ts_match_vq(c.document, ${tsquery})`;
  const order = oldestFirst
    ? sql`order by c.published_at asc, c.article_id asc`
    : sql`order by c.published_at desc, c.article_id desc`;
  return sql`with plan as materialized (select ${walkWins(query, filters, page.limit)} as walk)
    select article_id from (
      (select c.article_id from article_search c
       where (select walk from plan) and ${checked}${inRange}
       ${order} limit ${page.limit})
      union all
      (select c.article_id from article_search c
       where not (select walk from plan) and c.document @@ ${tsquery}${all.length ? sql` and ${sql.join(all, sql` and `)}` : sql``}
       ${order} limit ${page.limit})
    ) newest`;
}
