import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateManifest } from '../../src/modules/epaper/importer/manifest';
import { writeIssue } from '../../src/modules/epaper/importer/write-issue';
import { epaperIssues, newspapers } from '../../src/modules/epaper/tables';
import { dataOf, useGateway } from '../support/gateway';
import { operation } from '../support/operations';
import { createTestPaper, testManifest } from './support';

const { graphql, database } = useGateway();
const calendar = operation('EpaperCalendar');

async function datesBetween(slug: string, from: string, until: string): Promise<string[]> {
  const rows = await database()
    .admin.select({ date: epaperIssues.date })
    .from(epaperIssues)
    .innerJoin(newspapers, eq(newspapers.id, epaperIssues.newspaperId))
    .where(and(eq(newspapers.slug, slug), gte(epaperIssues.date, from), lt(epaperIssues.date, until)))
    .orderBy(asc(epaperIssues.date));
  return rows.map((row) => row.date);
}

async function month(paper: string, year: number, monthNumber: number) {
  const response = await graphql(calendar.document, { paper, year, month: monthNumber });
  expect(response.body.errors).toBeUndefined();
  expect(response.statements).toBe(1);
  return { dates: dataOf(response).newspaper.issueDates as string[], response };
}

describe('EpaperCalendar (按日期查阅)', () => {
  it('lists a month’s issue dates in one statement, each month ending where the next begins', async () => {
    const feb = await month('lcrb', 2024, 2);
    const mar = await month('lcrb', 2024, 3);
    expect(feb.dates).toEqual(await datesBetween('lcrb', '2024-02-01', '2024-03-01'));
    expect(mar.dates).toEqual(await datesBetween('lcrb', '2024-03-01', '2024-04-01'));
    // The demo daily runs across the end of February of a leap year.
    expect(feb.dates.at(-1)).toBe('2024-02-29');
    expect(mar.dates[0]).toBe('2024-03-01');
    expect([...feb.dates, ...mar.dates]).toEqual(await datesBetween('lcrb', '2024-02-01', '2024-04-01'));
    expect(mar.response.headers.get('cache-tag')).toContain('epaper-month:lcrb:2024-03');
    const empty = await month('lcrb', 2023, 12);
    expect(empty.dates).toEqual([]);
  });

  describe('across the end of a year', () => {
    let paper: Awaited<ReturnType<typeof createTestPaper>>;
    beforeAll(async () => {
      const db = database().admin;
      paper = await createTestPaper(db);
      for (const [date, number] of [
        ['2030-12-30', 1],
        ['2030-12-31', 2],
        ['2031-01-01', 3],
      ] as const) {
        await writeIssue(db, validateManifest(testManifest(paper.slug, date, number, 1)));
      }
    });
    afterAll(async () => {
      await paper?.drop();
    });

    it('puts 31 December in December and 1 January in the next year’s January', async () => {
      expect((await month(paper.slug, 2030, 12)).dates).toEqual(['2030-12-30', '2030-12-31']);
      expect((await month(paper.slug, 2031, 1)).dates).toEqual(['2031-01-01']);
      expect((await month(paper.slug, 2030, 11)).dates).toEqual([]);
      const latest = await graphql(calendar.document, { paper: paper.slug, year: 2031, month: 1 });
      expect(dataOf(latest).newspaper.latestIssue.date).toBe('2031-01-01');
    });
  });

  it.each([
    [2024, 13],
    [2024, 0],
    [1800, 3],
  ])('refuses year %i month %i with BAD_USER_INPUT naming the valid range', async (year, monthNumber) => {
    const response = await graphql(calendar.document, { paper: 'lcrb', year, month: monthNumber });
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.path).toEqual(['newspaper', 'issueDates']);
    expect(response.body.errors?.[0]?.message).toMatch(/`month` \(1 to 12\)/);
  });
});
