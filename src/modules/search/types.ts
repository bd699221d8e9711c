import { sql } from 'drizzle-orm';
import type { Builder } from '../../builder';
import type { FieldCachePolicy } from '../../cache/hints';
import { type Highlighted, highlight, highlightHtml, parseSearchQuery } from '../../shared/chinese-text';
import { listOf } from '../../shared/cost';
import { cursorValues } from '../../shared/cursors';
import { userError } from '../../shared/errors';
import { checkListingArguments, DEFAULT_PAGE_SIZE, type ListingArguments } from '../../shared/listing-arguments';
import { channelPathArgument } from '../channels';
import { SEARCH_LIST_TAG, SEARCH_MAX_AGE } from './cache';
import { type IndexPosition, type MatchesPage, newestMatches, SEARCH_WINDOW } from './newest-matches';

/** Characters of body around the first match in a hit's snippet. */
const SNIPPET_LENGTH = 90;
/** Title matches count ten times body matches (weights D, C, B, A). */
const RANK_WEIGHTS = '{0.1, 0.2, 0.4, 1.0}';

/** A hit row as the search returns it, with the query's terms attached for highlighting. */
interface HitRow {
  title: string;
  bodyText: string;
  rank: number;
  terms?: readonly string[];
}

/** The page of matches a NEWEST search reads: the page and one more (is there a next?), from its cursor. */
function pageByTime(args: Pick<ListingArguments, 'first' | 'last' | 'after' | 'before'>): MatchesPage {
  const positionOf = (cursor: string): IndexPosition => {
    const [at = 0, id = 0] = cursorValues(cursor, ['date', 'int']);
    return { at: new Date(at), id };
  };
  const oldestFirst = args.last != null;
  const cursor = oldestFirst ? args.before : args.after;
  return {
    limit: (args.first ?? args.last ?? DEFAULT_PAGE_SIZE) + 1,
    from: cursor == null ? null : positionOf(cursor),
    oldestFirst,
  };
}

export function registerSearch(builder: Builder): void {
  const SearchOrder = builder.enumType('SearchOrder', {
    description: 'How search hits are ordered.',
    values: {
      RELEVANCE: {
        description: `Best first, the newest first among equals: the newest ${SEARCH_WINDOW} matches (after the filters) are ranked, so at most ${SEARCH_WINDOW} hits.`,
      },
      NEWEST: {
        description: 'Newest first: every match, page after page, however many there are (按时间).',
      },
    },
  });

  const Range = builder.objectRef<{ start: number; length: number }>('HighlightRange').implement({
    description: 'A matched stretch of a highlighted text, in UTF-16 code units (JavaScript string indexes).',
    fields: (t) => ({
      start: t.exposeInt('start', { description: 'Offset of the match in `text`.' }),
      length: t.exposeInt('length', { description: 'Length of the match.' }),
    }),
  });

  const HighlightRef = builder.objectRef<Highlighted>('Highlight').implement({
    description: 'Text with the places matching the query: as ranges over the plain text, or as safe HTML.',
    fields: (t) => ({
      text: t.exposeString('text', { description: 'The plain text (a snippet is cut with …).' }),
      ranges: t.field({
        extensions: listOf(4),
        type: [Range],
        description: 'Where the query matches, in order, not overlapping.',
        resolve: (h) => h.ranges,
      }),
      html: t.string({
        description: 'The text HTML-escaped, with each match in `<em>`; safe to embed as is.',
        resolve: (h) => highlightHtml(h),
      }),
    }),
  });

  builder.drizzleObject('articleSearch', {
    name: 'SearchHit',
    description: 'An article matching a search, with the matches highlighted.',
    select: { columns: { title: true, bodyText: true } },
    fields: (t) => ({
      article: t.relation('article', { description: 'The article found.' }),
      score: t.float({
        description:
          'Relevance: higher is better. Text rank (title matches weigh ten times body matches), plus 1 when the title is the query and ½ when it contains it.',
        resolve: (hit) => ((hit as unknown as HitRow).rank - 1) / 1e6,
      }),
      title: t.field({
        type: HighlightRef,
        description: 'The headline with the matches marked.',
        resolve: (hit) => highlight(hit.title, (hit as unknown as HitRow).terms ?? []),
      }),
      snippet: t.field({
        type: HighlightRef,
        description: `About ${SNIPPET_LENGTH} characters of the body around its first match (its start when only the title matches).`,
        resolve: (hit) => highlight(hit.bodyText, (hit as unknown as HitRow).terms ?? [], SNIPPET_LENGTH),
      }),
    }),
  });

  builder.queryField('search', (t) =>
    t.drizzleConnection(
      {
        type: 'articleSearch',
        description: `Full-text search of published articles in Chinese (or mixed with Latin words and numbers). By relevance (the default) the newest ${SEARCH_WINDOW} matching articles (after the filters) are ranked, best first and the newest first among equals: at most ${SEARCH_WINDOW} hits; \`order: NEWEST\` pages through every match, newest first. Traditional characters and full-width forms find their simplified, half-width matches.`,
        extensions: {
          cache: {
            // Any publication or correction may add a hit; the hits' own entity tags cover the rest.
            tags: () => [SEARCH_LIST_TAG],
            maxAge: SEARCH_MAX_AGE,
          } satisfies FieldCachePolicy<unknown>,
        },
        args: {
          query: t.arg.string({
            required: true,
            description:
              'What to look for, 1 to 64 characters: 绿色低碳, 5G基站, GDP增长. Words separated by spaces must all occur; characters written together must occur together.',
          }),
          channel: t.arg.string({ description: 'Only this channel and its sub-channels, e.g. `yaowen`.' }),
          tag: t.arg.string({ description: 'Only articles with this tag, e.g. 乡村振兴.' }),
          publishedAfter: t.arg({ type: 'DateTime', description: 'Only articles published at or after this moment.' }),
          publishedBefore: t.arg({ type: 'DateTime', description: 'Only articles published before this moment.' }),
          order: t.arg({
            type: SearchOrder,
            defaultValue: 'RELEVANCE',
            required: true,
            description: 'RELEVANCE (at most the newest matches ranked) or NEWEST (every match, in time order).',
          }),
        },
        resolve: async (query, _root, args, ctx) => {
          // Best first: the cursor is (rank, published_at, id); newest first: (published_at, id).
          const byTime = args.order === 'NEWEST';
          checkListingArguments(args, byTime ? ['date', 'int'] : ['int', 'date', 'int']);
          const parsed = parseSearchQuery(args.query);
          if ('problem' in parsed) throw userError(parsed.problem, 'BAD_USER_INPUT', { argument: 'query' });
          const { publishedAfter: after, publishedBefore: before } = args;
          const channelPath = args.channel == null ? null : channelPathArgument(args.channel);
          const tsquery = sql`${parsed.tsquery}::tsquery`;
          // The filters and the query pick the newest SEARCH_WINDOW matches, which are ranked; or,
          // by time, the page of matches past the cursor.
          const filters = { channelPath, tag: args.tag ?? null, after: after ?? null, before: before ?? null };
          const candidates = byTime ? newestMatches(parsed, filters, pageByTime(args)) : newestMatches(parsed, filters);
          const rows = await ctx.db.query.articleSearch.findMany(
            query({
              extras: {
                // ts_rank, plus 1 for a title equal to the query and ½ for a title containing it.
                rank: (table) =>
                  sql<number>`(1 + round((ts_rank(${RANK_WEIGHTS}::float4[], ${table.document}, ${tsquery})
                    + case when ${table.titleKey} = ${parsed.key} then 1 when strpos(${table.titleKey}, ${parsed.key}) > 0 then 0.5 else 0 end) * 1000000))::int`,
              },
              where: { RAW: (table) => sql`${table.articleId} in (${candidates})` },
              orderBy: byTime
                ? { publishedAt: 'desc', articleId: 'desc' }
                : { rank: 'desc', publishedAt: 'desc', articleId: 'desc' },
            }),
          );
          for (const row of rows) (row as unknown as HitRow).terms = parsed.terms;
          return rows;
        },
      },
      { name: 'SearchConnection', description: 'A page of search hits, best first or newest first.' },
      { name: 'SearchEdge', description: 'A search hit with its cursor.' },
    ),
  );
}
