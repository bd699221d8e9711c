import { fileURLToPath } from 'node:url';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEditionFolder } from '../../src/modules/epaper/importer/import-folder';
import type { Manifest } from '../../src/modules/epaper/importer/manifest';
import { ManifestError } from '../../src/modules/epaper/importer/problems';
import { purgeThroughGateway } from '../../src/modules/epaper/importer/purge-client';
import { epaperArticles, epaperIssues, epaperPages, newspapers } from '../../src/modules/epaper/tables';
import { EDITOR_TOKEN, getRequest, read } from '../cache/support';
import { useGateway } from '../support/gateway';
import { listen } from '../support/node-server';
import { operation } from '../support/operations';
import { createTestPaper, manifestFolder, PAGE_SIZE, png, testManifest } from './support';

const { send, database, gateway } = useGateway({ cacheBytes: 16 * 2 ** 20, editorToken: EDITOR_TOKEN });
const epaperPage = operation('EpaperPage');
const db = () => database().admin;

let paper: Awaited<ReturnType<typeof createTestPaper>>;
beforeAll(async () => {
  paper = await createTestPaper(db());
});
afterAll(async () => {
  await paper?.drop();
});

/** A read that bypasses the edge cache (`x-preview` counts as credentials): what the database says now. */
async function fresh(date: string, page: string | null = null) {
  const response = await send(
    new Request('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-preview': '1' },
      body: JSON.stringify({ query: epaperPage.document, variables: { paper: paper.slug, date, page } }),
    }),
  );
  const { body } = await read(response);
  if (!body?.data) throw new Error(`no data: ${JSON.stringify(body)}`);
  return body.data.newspaper;
}

const importManifest = (manifest: unknown, files: Record<string, Buffer | string> = {}, dryRun = false) =>
  importEditionFolder(db(), manifestFolder(manifest, files), { dryRun });

/** Everything the test paper has, to show a refused import changed nothing. */
async function snapshot() {
  const issues = await db()
    .select()
    .from(epaperIssues)
    .innerJoin(newspapers, eq(newspapers.id, epaperIssues.newspaperId))
    .where(eq(newspapers.slug, paper.slug))
    .orderBy(epaperIssues.id);
  const issueIds = issues.map((row) => row.epaper_issues.id);
  const pages = issueIds.length
    ? await db().select().from(epaperPages).where(inArray(epaperPages.issueId, issueIds)).orderBy(epaperPages.id)
    : [];
  const pageIds = pages.map((row) => row.id);
  const stories = pageIds.length
    ? await db().select().from(epaperArticles).where(inArray(epaperArticles.pageId, pageIds)).orderBy(epaperArticles.id)
    : [];
  return JSON.stringify({ issues, pages, stories });
}

describe('import:edition', () => {
  it('imports an issue from a folder: files beside the manifest give their URL and pixel size', async () => {
    const manifest = testManifest(paper.slug, '2031-03-02', 10);
    manifest.assetBase = 'https://img.test/2031-03-02';
    Object.assign(manifest.pages[0] ?? {}, { image: 'A01.png', pdf: 'A01.pdf', width: undefined, height: undefined });
    const result = await importManifest(manifest, {
      'A01.png': png(PAGE_SIZE.width, PAGE_SIZE.height),
      'A01.pdf': '%PDF-1.7',
    });
    expect(result).toMatchObject({ created: true, committed: true, pages: 3, articles: 6 });
    // The paper's first issue: the day, its month and "before the first issue" answers change.
    expect(result.staleTags).toEqual(
      [
        `epaper-day:${paper.slug}:2031-03-02`,
        `epaper-first:${paper.slug}`,
        `epaper-month:${paper.slug}:2031-03`,
      ].sort(),
    );

    const shown = await fresh('2031-03-02');
    expect(shown.issue.number).toBe(10);
    expect(shown.issue.page.image).toMatchObject({
      url: 'https://img.test/2031-03-02/A01.png',
      width: PAGE_SIZE.width,
      height: PAGE_SIZE.height,
    });
    expect(shown.issue.page.pdfUrl).toBe('https://img.test/2031-03-02/A01.pdf');
    expect(shown.issue.page.articles.map((a: { title: string }) => a.title)).toEqual(
      manifest.articles.filter((a) => a.page === 'A01').map((a) => a.title),
    );
  });

  it('imports the same manifest again without writing anything or reporting a stale tag', async () => {
    const before = await snapshot();
    const result = await importManifest(testManifest(paper.slug, '2031-03-02', 10), {});
    // The URL-only variant differs on A01's image: a correction, not a no-op; the same manifest twice is a no-op.
    expect(result.changedRows).toBe(1);
    const again = await importManifest(testManifest(paper.slug, '2031-03-02', 10), {});
    expect(again).toMatchObject({ created: false, changedRows: 0, staleTags: [] });
    expect(JSON.parse(await snapshot()).issues).toEqual(JSON.parse(before).issues);
  });

  it('rewrites only what a correction corrects, keeps ids, and reports exactly those tags', async () => {
    const before = await fresh('2031-03-02', 'A02');
    const [lead, second] = before.issue.page.articles;
    const manifest = testManifest(paper.slug, '2031-03-02', 10);
    (manifest.articles[3] as { title: string }).title = '更正后的标题';
    let result = await importManifest(manifest);
    expect(result.staleTags).toEqual([tagOf(second.id)]);
    const after = await fresh('2031-03-02', 'A02');
    expect(after.issue.page.articles.map((a: { id: string }) => a.id)).toEqual([lead.id, second.id]);
    expect(after.issue.page.articles[1].title).toBe('更正后的标题');

    // A story added to a page changes that page's list; a page dropped changes the issue and its stories.
    manifest.articles.push({
      page: 'A02',
      title: '新增稿件',
      hotspot: [
        [0, 0],
        [10, 0],
        [10, 10],
      ],
    });
    result = await importManifest(manifest);
    expect(result.staleTags).toEqual([tagOf(after.issue.page.id)]);
    const dropped = await fresh('2031-03-02', 'A03');
    manifest.pages.pop();
    manifest.articles = manifest.articles.filter((a) => a.page !== 'A03');
    result = await importManifest(manifest);
    expect(result.staleTags).toEqual(
      [
        tagOf(dropped.issue.id),
        tagOf(dropped.issue.page.id),
        ...dropped.issue.page.articles.map((a: { id: string }) => tagOf(a.id)),
      ].sort(),
    );
    expect((await fresh('2031-03-02')).issue.pageCount).toBe(2);
  });

  it('links an issue imported between two others to both, and reports exactly their tags', async () => {
    const later = await importManifest(testManifest(paper.slug, '2031-03-05', 12));
    const middle = await importManifest(testManifest(paper.slug, '2031-03-04', 11));
    const first = await fresh('2031-03-02');
    expect(middle.staleTags).toEqual(
      [
        tagOf(first.issue.id),
        `epaperIssue:${later.issueId}`,
        `epaper-day:${paper.slug}:2031-03-04`,
        `epaper-month:${paper.slug}:2031-03`,
      ].sort(),
    );
    const shown = await fresh('2031-03-04');
    expect(shown.issue.previousIssue.date).toBe('2031-03-02');
    expect(shown.issue.nextIssue.date).toBe('2031-03-05');
    expect((await fresh('2031-03-02')).issue.nextIssue.date).toBe('2031-03-04');
    expect((await fresh('2031-03-05')).issue.previousIssue.date).toBe('2031-03-04');
    expect((await fresh('2031-03-03')).issueBefore.date).toBe('2031-03-02');

    // An issue earlier than all others becomes the first: answers that had none before it change.
    const earliest = await importManifest(testManifest(paper.slug, '2031-02-27', 9), {}, true);
    expect(earliest.committed).toBe(false);
    expect(earliest.staleTags).toContain(`epaper-first:${paper.slug}`);
    expect(earliest.staleTags).toContain(tagOf(first.issue.id));
    expect((await fresh('2031-02-27')).issue).toBeNull();
  });

  it('purges through the gateway exactly the cached answers an import changed', async () => {
    const get = async (date: string, page: string | null = null) =>
      read(await send(getRequest(epaperPage.document, { paper: paper.slug, date, page })));
    for (const date of ['2031-03-02', '2031-03-04', '2031-03-05']) {
      expect((await get(date)).xCache).toBe('MISS');
      expect((await get(date)).xCache).toBe('HIT');
    }
    const manifest = testManifest(paper.slug, '2031-03-04', 11);
    (manifest.articles[0] as { title: string }).title = '晚间更正';
    const result = await importManifest(manifest);
    expect(result.staleTags).toHaveLength(1);

    const server = await listen(gateway());
    try {
      await expect(purgeThroughGateway(server.origin, 'wrong-token', result.staleTags)).rejects.toThrow(/editor token/);
      expect(await purgeThroughGateway(server.origin, EDITOR_TOKEN, result.staleTags)).toBe(1);
    } finally {
      await server.close();
    }
    const corrected = await get('2031-03-04');
    expect(corrected.xCache).toBe('MISS');
    expect(corrected.body.data.newspaper.issue.page.articles[0].title).toBe('晚间更正');
    expect((await get('2031-03-02')).xCache).toBe('HIT');
    expect((await get('2031-03-05')).xCache).toBe('HIT');
  });

  it('checks the committed example folder whole, the database included, without writing it', async () => {
    const example = fileURLToPath(new URL('../../src/modules/epaper/examples/lcwb-2024-03-18', import.meta.url));
    const before = await fresh('2024-03-18');
    const result = await importEditionFolder(db(), example, { dryRun: true });
    expect(result).toMatchObject({ committed: false, created: true, pages: 3, articles: 4 });
    // The newest 聊城晚报 gains a next issue, and 2024-03-18 and March gain an issue.
    expect(result.staleTags).toEqual(
      expect.arrayContaining(['epaper-day:lcwb:2024-03-18', 'epaper-month:lcwb:2024-03']),
    );
    expect(result.staleTags.filter((tag) => tag.startsWith('epaperIssue:'))).toHaveLength(1);
    expect(await fresh('2024-03-18')).toEqual(before);
  });

  it('accepts only the tags an import reports for purging', async () => {
    const server = await listen(gateway());
    try {
      await expect(purgeThroughGateway(server.origin, EDITOR_TOKEN, ['site'])).rejects.toThrow(
        /"site" is not a tag an import reports/,
      );
    } finally {
      await server.close();
    }
  });
});

const tagOf = (id: string) => {
  const [type, key] = atob(id).split(':') as [string, string];
  return `${type.charAt(0).toLowerCase()}${type.slice(1)}:${key}`;
};

type Edit = (manifest: Manifest) => unknown;
/** A change made in place to a good manifest. */
const edit =
  (change: (manifest: Manifest) => void): Edit =>
  (manifest) => {
    change(manifest);
    return manifest;
  };
const article = (manifest: Manifest, index: number) => manifest.articles[index] as Manifest['articles'][number];
const page = (manifest: Manifest, index: number) => manifest.pages[index] as Manifest['pages'][number];

describe('import:edition refuses a manifest with problems, naming each, and changes nothing', () => {
  const date = '2031-03-02';
  const good = () => testManifest(paper.slug, date, 10, 2);
  const cases: [string, Edit, Record<string, Buffer | string>, string, RegExp][] = [
    [
      'a missing field',
      edit((m) => {
        delete (article(m, 0) as { title?: string }).title;
      }),
      {},
      '$.articles[0].title',
      /is missing/,
    ],
    [
      'an unknown field',
      (m) => ({ ...m, pages: [{ ...m.pages[0], nmae: '头版' }, m.pages[1]] }),
      {},
      '$.pages[0].nmae',
      /not a field here \(known fields: number, name, image/,
    ],
    ['a number given as text', (m) => ({ ...m, number: '10' }), {}, '$.number', /must be integer/],
    [
      'a date that does not exist',
      edit((m) => {
        m.date = '2031-02-30';
      }),
      {},
      '$.date',
      /not a date of the calendar/,
    ],
    [
      'a date in another format',
      edit((m) => {
        m.date = '2031/03/02';
      }),
      {},
      '$.date',
      /YYYY-MM-DD/,
    ],
    [
      'a page number twice',
      edit((m) => {
        page(m, 1).number = 'a1';
      }),
      {},
      '$.pages[1].number',
      /page A01 is already \$\.pages\[0\]/,
    ],
    [
      'a story on no page of the manifest',
      edit((m) => {
        article(m, 2).page = 'A09';
      }),
      {},
      '$.articles[2].page',
      /"A09" is not a page of this manifest \(A01, A02\)/,
    ],
    [
      'a hotspot corner off the page',
      edit((m) => {
        article(m, 1).hotspot[2] = [1310, 1400];
      }),
      {},
      '$.articles[1].hotspot[2]',
      /\[1310, 1400\] lies outside page A01 \(1000 × 1400 pixels\)/,
    ],
    [
      'a hotspot that encloses nothing',
      edit((m) => {
        article(m, 0).hotspot = [
          [0, 0],
          [5, 5],
          [9, 9],
        ];
      }),
      {},
      '$.articles[0].hotspot',
      /encloses no area/,
    ],
    [
      'a NUL in a title',
      edit((m) => {
        article(m, 0).title = 'a\u0000b';
      }),
      {},
      '$.articles[0].title',
      /NUL/,
    ],
    [
      'a lone surrogate',
      edit((m) => {
        article(m, 0).title = 'a\ud800b';
      }),
      {},
      '$.articles[0].title',
      /lone surrogate/,
    ],
    [
      'an endless title',
      edit((m) => {
        article(m, 0).title = '长'.repeat(501);
      }),
      {},
      '$.articles[0].title',
      /500 characters/,
    ],
    [
      'an image URL without its size',
      edit((m) => {
        delete page(m, 1).width;
      }),
      {},
      '$.pages[1]',
      /needs its `width` and `height`/,
    ],
    [
      'an image file that is not there',
      edit((m) => {
        page(m, 0).image = 'A01.jpg';
      }),
      {},
      '$.pages[0].image',
      /no file "A01.jpg"/,
    ],
    [
      'an image file of another size',
      edit((m) => {
        m.assetBase = 'https://img.test/';
        page(m, 0).image = 'A01.png';
      }),
      { 'A01.png': png(800, 1400) },
      '$.pages[0].width',
      /is 1000, but A01.png is 800 pixels wide/,
    ],
    [
      'an image file without assetBase',
      edit((m) => {
        page(m, 0).image = 'A01.png';
      }),
      { 'A01.png': png(1000, 1400) },
      '$.pages[0].image',
      /give `assetBase`/,
    ],
    [
      'a file above the folder',
      edit((m) => {
        page(m, 0).image = '../A01.png';
      }),
      {},
      '$.pages[0].image',
      /neither an http\(s\) URL nor a file name/,
    ],
    [
      'a paper that does not exist',
      edit((m) => {
        m.paper = 'nosuchpaper';
      }),
      {},
      '$.paper',
      /no newspaper "nosuchpaper" \(known: .*lcrb/,
    ],
    [
      'an issue number of another date',
      edit((m) => {
        m.number = 11;
      }),
      {},
      '$.number',
      /第11期 is already the issue of 2031-03-04/,
    ],
    [
      'a web article that does not exist',
      edit((m) => {
        article(m, 0).webArticle = 'https://www.lcxw.cn/nope/1.html';
      }),
      {},
      '$.articles[0].webArticle',
      /no web article at \/nope\/1.html/,
    ],
  ];

  it.each(cases)('%s', async (_name, change, files, path, message) => {
    const before = await snapshot();
    const manifest = change(good());
    const error = await importManifest(manifest, files).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ManifestError);
    const problems = (error as ManifestError).problems;
    const problem = problems.find((p) => p.path === path);
    expect(problem, JSON.stringify(problems)).toBeDefined();
    expect(problem?.message).toMatch(message);
    expect(await snapshot()).toBe(before);
  });

  it('names every problem of the manifest at once', async () => {
    const manifest = good();
    manifest.date = '2031-02-29';
    page(manifest, 1).number = 'A01';
    article(manifest, 1).hotspot[0] = [2000, 0];
    const error = (await importManifest(manifest).catch((caught: unknown) => caught)) as ManifestError;
    expect(error.problems.map((p) => p.path)).toEqual([
      '$.date',
      '$.pages[1].number',
      '$.articles[1].hotspot[0]',
      '$.articles[2].page',
      '$.articles[3].page',
    ]);
    expect(error.message).toMatch(/5 problems; nothing was imported/);
  });

  it('leaves a correction unapplied when the database refuses part of it', async () => {
    const before = await snapshot();
    const manifest = good();
    article(manifest, 0).title = '不应写入的更正';
    article(manifest, 1).webArticle = '/nope/2.html';
    const error = (await importManifest(manifest).catch((caught: unknown) => caught)) as ManifestError;
    expect(error.problems.map((p) => p.path)).toEqual(['$.articles[1].webArticle']);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a manifest that is not JSON', async () => {
    const error = await importManifest('{ "paper": "lcrb", ').catch((caught: unknown) => caught);
    expect((error as ManifestError).problems).toEqual([
      { path: '$', message: expect.stringMatching(/manifest.json is not JSON/) },
    ]);
  });
});
