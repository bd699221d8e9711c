import type { Builder } from '../../builder';
import type { FieldCachePolicy } from '../../cache/hints';
import { LOOKUP_MISS_MAX_AGE } from '../../cache/lookups';
import { enumFromPg } from '../../shared/enums';
import { userError } from '../../shared/errors';
import { CALENDAR_MAX_AGE, epaperCacheTags, LATEST_ISSUE_MAX_AGE, NEWSPAPER_MAX_AGE } from './cache';
import { checkedMonthRange, monthRange } from './dates';
import { newspaperKind } from './tables';
import type { registerEditionTypes } from './types';

const NEWSPAPER_SLUG = /^[a-z][a-z0-9-]{0,31}$/;

type EditionRefs = ReturnType<typeof registerEditionTypes>;

/** The Newspaper type with its issue lookups (latest, by date, nearest earlier, a month's dates), and the root fields. */
export function registerNewspapers(builder: Builder, { EpaperIssue }: EditionRefs) {
  const NewspaperKind = enumFromPg(builder, 'NewspaperKind', newspaperKind, {
    description: 'What kind of paper a newspaper is, as its masthead says.',
    values: { daily: '日报: a morning daily.', evening: '晚报: an evening paper.', weekly: '周报: a weekly.' },
  });

  const Newspaper = builder.drizzleNode('newspapers', {
    name: 'Newspaper',
    description: 'A print newspaper of the city whose issues the digital edition (数字报) shows: 聊城日报, 聊城晚报.',
    id: { column: (paper) => paper.id },
    // The slug names the lookup tags of its issues.
    select: { columns: { id: true, slug: true } },
    extensions: {
      cache: {
        tags: (paper: { id: number }) => [epaperCacheTags.newspaper(paper.id)],
        maxAge: NEWSPAPER_MAX_AGE,
      },
    },
    fields: (t) => ({
      slug: t.exposeString('slug', { description: 'Short name to pass as `newspaper(slug:)`: lcrb, lcwb.' }),
      name: t.exposeString('name', { description: 'The name in the masthead: 聊城日报.' }),
      kind: t.expose('kind', { type: NewspaperKind, description: 'Daily, evening or weekly paper.' }),
      publisher: t.exposeString('publisher', { description: 'Who publishes it (主办单位).' }),
      description: t.exposeString('description', { description: 'One sentence about the paper.' }),
      latestIssue: t.field({
        type: EpaperIssue,
        nullable: true,
        description: 'The newest issue; null before the first one is imported.',
        extensions: { cache: { tags: () => [], maxAge: LATEST_ISSUE_MAX_AGE } satisfies FieldCachePolicy },
        select: (_args, _ctx, nestedSelection) => ({
          with: { latestIssues: nestedSelection({ orderBy: { date: 'desc' }, limit: 1 }) },
        }),
        resolve: (paper, _args, ctx) => {
          const issue = paper.latestIssues[0] ?? null;
          // A found issue carries its own tag, purged when a newer issue becomes its next one.
          if (!issue) ctx.cache.add([epaperCacheTags.first(paper.slug)]);
          return issue;
        },
      }),
      issue: t.field({
        type: EpaperIssue,
        nullable: true,
        description:
          'The issue of a date (Beijing); null when the paper did not come out that day: ask `issueBefore` for the nearest earlier one.',
        args: { date: t.arg({ type: 'Date', required: true, description: 'The date, e.g. `2024-03-15`.' }) },
        extensions: {
          cache: {
            tags: (args, paper) => [epaperCacheTags.day(paper.slug, args.date)],
            missMaxAge: LOOKUP_MISS_MAX_AGE,
          } satisfies FieldCachePolicy<{ date: string }, { slug: string }>,
        },
        select: (args, _ctx, nestedSelection) => ({
          with: { issuesOnDate: nestedSelection({ where: { date: args.date }, limit: 1 }) },
        }),
        resolve: (paper) => paper.issuesOnDate[0] ?? null,
      }),
      issueBefore: t.field({
        type: EpaperIssue,
        nullable: true,
        description:
          'The nearest issue printed before a date: what to offer when `issue(date:)` is null. Null when there is none before it.',
        args: { date: t.arg({ type: 'Date', required: true, description: 'The date, e.g. `2024-03-17`.' }) },
        select: (args, _ctx, nestedSelection) => ({
          with: {
            issuesBefore: nestedSelection({ where: { date: { lt: args.date } }, orderBy: { date: 'desc' }, limit: 1 }),
          },
        }),
        resolve: (paper, _args, ctx) => {
          const issue = paper.issuesBefore[0] ?? null;
          if (!issue) ctx.cache.add([epaperCacheTags.first(paper.slug)], LOOKUP_MISS_MAX_AGE);
          return issue;
        },
      }),
      issueDates: t.field({
        type: ['Date'],
        description: '按日期查阅: the dates of a month with an issue, in order (Beijing dates).',
        args: {
          year: t.arg.int({ required: true, description: 'The year, e.g. 2024.' }),
          month: t.arg.int({ required: true, description: 'The month, 1 to 12.' }),
        },
        extensions: {
          cache: {
            tags: (args, paper) => {
              const range = monthRange(args.year, args.month);
              return range ? [epaperCacheTags.month(paper.slug, range.month)] : [];
            },
            maxAge: CALENDAR_MAX_AGE,
          } satisfies FieldCachePolicy<{ year: number; month: number }, { slug: string }>,
        },
        select: (args) => {
          // An impossible month selects nothing here and is reported by the resolver, on this field.
          const range = monthRange(args.year, args.month) ?? { from: '9999-12-31', until: '9999-12-31' };
          return {
            with: {
              issues: {
                columns: { date: true },
                where: { date: { gte: range.from, lt: range.until } },
                orderBy: { date: 'asc' },
              },
            },
          };
        },
        resolve: (paper, args) => {
          checkedMonthRange(args.year, args.month);
          return paper.issues.map((issue) => issue.date);
        },
      }),
    }),
  });

  builder.queryFields((t) => ({
    newspapers: t.drizzleField({
      type: [Newspaper],
      description: 'The newspapers of the digital edition (数字报), in the order the section lists them.',
      resolve: (query, _root, _args, ctx) => ctx.db.query.newspapers.findMany(query({ orderBy: { position: 'asc' } })),
    }),
    newspaper: t.drizzleField({
      type: Newspaper,
      nullable: true,
      description:
        'A newspaper by its slug (`lcrb` 聊城日报, `lcwb` 聊城晚报), from which to pick an issue: the latest, by date, or from the calendar. Null when there is none.',
      args: { slug: t.arg.string({ required: true, description: 'The paper’s slug, e.g. `lcrb`.' }) },
      extensions: { cache: { tags: () => [], missMaxAge: LOOKUP_MISS_MAX_AGE } satisfies FieldCachePolicy },
      resolve: (query, _root, args, ctx) => {
        if (!NEWSPAPER_SLUG.test(args.slug)) {
          throw userError(
            `"${args.slug.slice(0, 40).toWellFormed()}" is not a newspaper slug: use lower-case letters, digits and dashes, e.g. "lcrb"; \`newspapers\` lists them.`,
          );
        }
        return ctx.db.query.newspapers.findFirst(query({ where: { slug: args.slug } }));
      },
    }),
  }));

  return { Newspaper };
}
