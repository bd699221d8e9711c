import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SEED_PRINTING, SEED_WEB_ARTICLE_PATH } from '../../src/modules/epaper/demo/issues';
import { epaperIssues, epaperPages, newspapers } from '../../src/modules/epaper/tables';
import { dataOf, useGateway } from '../support/gateway';
import { operation } from '../support/operations';

const { graphql, database } = useGateway();
const epaperPage = operation('EpaperPage');
const PAPER = SEED_PRINTING.paper;

interface Point {
  x: number;
  y: number;
}

/** The paper's issue dates as the database holds them, oldest first. */
async function issueDates(slug = PAPER): Promise<string[]> {
  const rows = await database()
    .admin.select({ date: epaperIssues.date })
    .from(epaperIssues)
    .innerJoin(newspapers, eq(newspapers.id, epaperIssues.newspaperId))
    .where(eq(newspapers.slug, slug))
    .orderBy(asc(epaperIssues.date));
  return rows.map((row) => row.date);
}

async function page(date: string, number?: string | null) {
  const response = await graphql(epaperPage.document, { paper: PAPER, date, page: number ?? null });
  return { response, newspaper: response.body.data?.newspaper };
}

describe('EpaperPage', () => {
  it('shows a page with its image, PDF, stories, hotspots and both navigations in one SQL statement', async () => {
    const response = await graphql(epaperPage.document, epaperPage.variables);
    expect(response.body.errors).toBeUndefined();
    expect(response.statements).toBe(1);
    const { issue, name } = dataOf(response).newspaper;
    expect(name).toBe('聊城日报');
    expect(issue.date).toBe(SEED_PRINTING.date);
    expect(issue.numberLabel).toBe(`第${issue.number}期`);
    expect(issue.dateLabel).toBe('2024年3月16日 星期六');

    const rows = await database()
      .admin.select({ number: epaperPages.number, name: epaperPages.name })
      .from(epaperPages)
      .where(eq(epaperPages.issueId, Number(atob(issue.id).split(':')[1])))
      .orderBy(asc(epaperPages.position));
    expect(issue.pages.map((p: { number: string; name: string }) => ({ number: p.number, name: p.name }))).toEqual(
      rows,
    );
    expect(issue.pageCount).toBe(rows.length);

    const shown = issue.page;
    expect(shown.number).toBe(SEED_PRINTING.page);
    expect(shown.image.url).toMatch(/^https:\/\/.+\.jpg$/);
    expect(shown.pdfUrl).toMatch(/^https:\/\/.+\.pdf$/);
    expect(shown.articles.length).toBeGreaterThan(0);
    for (const article of shown.articles) {
      const points: Point[] = article.hotspot.points;
      expect(points.length).toBeGreaterThanOrEqual(3);
      // The fractions are the pixels over the image's size, so an image map needs no arithmetic.
      article.hotspot.normalisedPoints.forEach((fraction: Point, index: number) => {
        const pixel = points[index] as Point;
        expect(fraction.x).toBeCloseTo(pixel.x / shown.image.width, 4);
        expect(fraction.y).toBeCloseTo(pixel.y / shown.image.height, 4);
        expect(fraction.x).toBeGreaterThanOrEqual(0);
        expect(fraction.y).toBeLessThanOrEqual(1);
      });
      expect(article.hotspot.coords).toBe(points.flatMap((p) => [p.x, p.y]).join(','));
      expect(article.body.length).toBeGreaterThan(0);
    }
    const printed = shown.articles.find(
      (article: { webArticle: { path: string } | null }) => article.webArticle?.path === SEED_WEB_ARTICLE_PATH,
    );
    expect(printed.title).toBe(printed.webArticle.title);
  });

  it('steps from the first page to the last, each page one statement, with previous and next page', async () => {
    const dates = await issueDates();
    const date = dates[2] as string;
    const seen: string[] = [];
    let number: string | null = null;
    let previous: string | null = null;
    for (let step = 0; step < 40; step += 1) {
      const { response, newspaper } = await page(date, number);
      expect(response.body.errors).toBeUndefined();
      expect(response.statements).toBe(1);
      const current = newspaper.issue.page;
      expect(current.previousPage?.number ?? null).toBe(previous);
      seen.push(current.number);
      if (!current.nextPage) {
        expect(seen).toEqual(newspaper.issue.pages.map((p: { number: string }) => p.number));
        expect(seen).toHaveLength(newspaper.issue.pageCount);
        return;
      }
      previous = current.number;
      number = current.nextPage.number;
    }
    throw new Error('never reached the last page');
  });

  it('links each issue to the one before and after: none before the first, none after the newest', async () => {
    const dates = await issueDates();
    expect(dates.length).toBeGreaterThan(5);
    const checks = [0, 1, Math.floor(dates.length / 2), dates.length - 2, dates.length - 1];
    for (const index of checks) {
      const { response, newspaper } = await page(dates[index] as string);
      expect(response.statements).toBe(1);
      expect(newspaper.issue.date).toBe(dates[index]);
      expect(newspaper.issue.previousIssue?.date ?? null).toBe(dates[index - 1] ?? null);
      expect(newspaper.issue.nextIssue?.date ?? null).toBe(dates[index + 1] ?? null);
      expect(newspaper.issueBefore?.date ?? null).toBe(dates[index - 1] ?? null);
    }
    const latest = await graphql('query($p: String!) { newspaper(slug: $p) { latestIssue { date } } }', { p: PAPER });
    expect(dataOf(latest).newspaper.latestIssue.date).toBe(dates.at(-1));
  });

  it('answers a date without an issue with null and the nearest earlier issue', async () => {
    const dates = await issueDates();
    const first = dates[0] as string;
    const day = (offset: number) => new Date(Date.parse(`${first}T00:00:00Z`) + offset * 86_400_000).toISOString();
    let gap = '';
    for (let offset = 1; offset < 30 && !gap; offset += 1) {
      const date = day(offset).slice(0, 10);
      if (!dates.includes(date)) gap = date;
    }
    expect(gap, 'the demo paper skips Sundays').not.toBe('');
    const { response, newspaper } = await page(gap, 'A01');
    expect(response.body.errors).toBeUndefined();
    expect(response.statements).toBe(1);
    expect(newspaper.issue).toBeNull();
    expect(newspaper.issueBefore.date).toBe(dates.filter((date) => date < gap).at(-1));
    expect(response.headers.get('cache-tag')).toContain(`epaper-day:${PAPER}:${gap}`);

    const before = await page(day(-1).slice(0, 10));
    expect(before.newspaper).toMatchObject({ issue: null, issueBefore: null });
  });

  it('reads a date-time as the day it is in Beijing, and page numbers as printed in any case or padding', async () => {
    const lateEvening = '2024-03-15T20:00:00Z';
    for (const number of ['a1', 'A001', ' A01 ', null]) {
      const { response, newspaper } = await graphql(epaperPage.document, {
        paper: PAPER,
        date: lateEvening,
        page: number,
      }).then((r) => ({ response: r, newspaper: r.body.data?.newspaper }));
      expect(response.body.errors).toBeUndefined();
      expect(newspaper.issue.date).toBe('2024-03-16');
      expect(newspaper.issue.page.number).toBe('A01');
    }
  });

  it('tags the answer with every issue, page and story it shows', async () => {
    const response = await graphql(epaperPage.document, epaperPage.variables);
    const tags = response.headers.get('cache-tag')?.split(',') ?? [];
    const { issue } = dataOf(response).newspaper;
    const tagOf = (id: string) => {
      const [type, key] = atob(id).split(':') as [string, string];
      return `${type.charAt(0).toLowerCase()}${type.slice(1)}:${key}`;
    };
    expect(tags).toContain(tagOf(issue.id));
    expect(tags).toContain(tagOf(issue.page.id));
    for (const article of issue.page.articles) expect(tags).toContain(tagOf(article.id));
    expect(tags).toContain(tagOf(issue.page.articles[0].webArticle.id));
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
  });
});

describe('EpaperPage errors', () => {
  it('names the issue’s pages for a page number it does not have, and keeps the rest of the answer', async () => {
    const { response, newspaper } = await page(SEED_PRINTING.date, 'A12');
    expect(response.status).toBe(200);
    expect(response.body.errors).toHaveLength(1);
    const [error] = response.body.errors ?? [];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.path).toEqual(['newspaper', 'issue', 'page']);
    const last = newspaper.issue.pages.at(-1).number;
    expect(error?.message).toContain(`has no page A12: its ${newspaper.issue.pageCount} pages run from A01 to ${last}`);
    expect(newspaper.issue.page).toBeNull();
    expect(newspaper.issue.date).toBe(SEED_PRINTING.date);
  });

  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['a page number that cannot be one', { paper: PAPER, date: '2024-03-16', page: 'A-1' }, /not a page number/],
    ['a date that does not exist', { paper: PAPER, date: '2024-02-30', page: null }, /not a valid Date.*YYYY-MM-DD/],
    ['a date in another format', { paper: PAPER, date: '2024/03/16', page: null }, /not a valid Date/],
    ['a date-time without offset', { paper: PAPER, date: '2024-03-16T08:00:00', page: null }, /offset/],
    ['a malformed newspaper slug', { paper: 'LC RB', date: '2024-03-16', page: null }, /not a newspaper slug/],
  ];
  it.each(cases)('rejects %s with BAD_USER_INPUT and a message to act on', async (_name, variables, message) => {
    const response = await graphql(epaperPage.document, variables);
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.message).toMatch(message);
  });

  it('gives null for a paper that does not exist', async () => {
    const response = await graphql(epaperPage.document, { paper: 'nosuchpaper', date: '2024-03-16' });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ newspaper: null });
  });
});

describe('lookups by id', () => {
  it('finds issues, pages and print articles through node(id:) and epaperArticle(id:)', async () => {
    const { issue } = dataOf(await graphql(epaperPage.document, epaperPage.variables)).newspaper;
    const article = issue.page.articles[1];
    const response = await graphql(
      `query($issue: ID!, $page: ID!, $article: ID!) {
        issue: node(id: $issue) { ... on EpaperIssue { date } }
        page: node(id: $page) { ... on EpaperPage { number issue { date } } }
        article: epaperArticle(id: $article) { title page { number } }
      }`,
      { issue: issue.id, page: issue.page.id, article: article.id },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      issue: { date: issue.date },
      page: { number: issue.page.number, issue: { date: issue.date } },
      article: { title: article.title, page: { number: issue.page.number } },
    });
    const missing = await graphql('query($id: ID!) { epaperArticle(id: $id) { title } }', {
      id: btoa('EpaperArticle:99999999'),
    });
    expect(missing.body.data).toEqual({ epaperArticle: null });
    expect(missing.body.errors).toBeUndefined();
    const wrongType = await graphql('query($id: ID!) { epaperArticle(id: $id) { title } }', { id: issue.id });
    expect(wrongType.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
