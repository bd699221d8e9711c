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

function filtersOn(f: SearchFilters): SQL {
  const parts: SQL[] = [];
  if (f.channelPath !== null) {
    parts.push(
      sql`c.channel_id in (select id from channels where path = ${f.channelPath} or path like ${`${f.channelPath}/%`})`,
    );
  }
  if (f.tag !== null) {
    parts.push(
      sql`exists (select 1 from article_tags at join tags t on t.id = at.tag_id where at.article_id = c.article_id and t.name = ${f.tag})`,
    );
  }
  if (f.after) parts.push(sql`c.published_at >= ${f.after.toISOString()}::timestamptz`);
  if (f.before) parts.push(sql`c.published_at < ${f.before.toISOString()}::timestamptz`);
  return parts.length ? sql` and ${sql.join(parts, sql` and `)}` : sql``;
}

/**
 * Whether the query is common enough that walking the articles newest first, checking each, finds
 * its newest matches sooner than the GIN index (which cannot return them in time order: every
 * match must be read, and a phrase rechecked against its document). From the lexeme frequencies
 * ANALYZE keeps (pg_stats, as the planner uses them), but taking the rarest lexeme as the
 * query's frequency d (the planner multiplies them, as if 乡村, 村振 and 振兴 were independent).
 * The walk reads about WINDOW / d rows, the index d × N, at about the same cost a row (10 µs: the
 * document is read and checked either way): the walk wins when d² × N ≥ WINDOW. A lexeme missing
 * from the statistics is rare.
 */
function commonEnough(lexemes: readonly string[]): SQL {
  if (!lexemes.length) return sql`false`;
  return sql`coalesce((
    select count(*) = ${lexemes.length}
      and min(m.f) ^ 2 * (select reltuples from pg_class where oid = 'article_search'::regclass) >= ${SEARCH_WINDOW}
    from pg_stats s cross join lateral unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as m(e, f)
    where s.schemaname = current_schema() and s.tablename = 'article_search' and s.attname = 'document'
      and m.e = any(${sql.param(lexemes)}::text[])), false)`;
}

/**
 * The ids of the query's newest SEARCH_WINDOW matches (published_at, then id, descending), as a
 * subquery. Two branches give the same rows; a one-time filter runs only one of them: a common
 * query walks article_search_recent_idx checking each row (`ts_match_vq` is not indexable, so the
 * planner cannot take the GIN index there), a rarer one reads its matches from the GIN index and
 * keeps the newest. With a channel or tag filter the walk could pass many matches the filter drops,
 * so those searches always use the GIN index.
 */
export function newestMatches(query: SearchQuery, filters: SearchFilters): SQL {
  const tsquery = sql`${query.tsquery}::tsquery`;
  const where = filtersOn(filters);
  const walkable = filters.channelPath === null && filters.tag === null;
  const common = walkable ? commonEnough(query.lexemes) : sql`false`;
  return sql`with plan as materialized (select ${common} as walk)
    select article_id from (
      (select c.article_id from article_search c
       where (select walk from plan) and ts_match_vq(c.document, ${tsquery})${where}
       order by c.published_at desc, c.article_id desc limit ${SEARCH_WINDOW})
      union all
      (select c.article_id from article_search c
       where not (select walk from plan) and c.document @@ ${tsquery}${where}
       order by c.published_at desc, c.article_id desc limit ${SEARCH_WINDOW})
    ) newest`;
}
