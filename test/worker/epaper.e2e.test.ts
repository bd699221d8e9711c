// 数字报 in workerd, as production runs it: reads over Neon's HTTP endpoint (its local stand-in in
// front of the test Postgres), the importer on Node writing to the database and purging through
// the Worker's editor mutation, which purges its own Cache API copies and asks Cloudflare's purge
// API (a stand-in) for the same tags. Needs TEST_DATABASE_URL:
//   TEST_DATABASE_URL=postgres://… npx vitest run --config vitest.worker.config.ts test/worker/epaper.e2e.test.ts
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/cache/memory-store';
import { createNodePostgresSource } from '../../src/db/node-postgres';
import { createGateway } from '../../src/gateway/gateway';
import { relations } from '../../src/modules';
import { SEED_PRINTING, SEED_WEB_ARTICLE_PATH } from '../../src/modules/epaper/demo/issues';
import { epaperIssues, newspapers } from '../../src/modules/epaper/tables';
import { createTestPaper, manifestFolder, testManifest } from '../epaper/support';
import { operation, prepareDatabase, workerClient } from './client';
import { startWorkerUnderTest, type WorkerUnderTest } from './harness';

const databaseUrl = process.env.TEST_DATABASE_URL;
const EDITOR_TOKEN = 'editor-token-for-epaper-e2e';
const CLOUDFLARE = { zoneId: 'zone-epaper', apiToken: 'token-epaper' };
const root = fileURLToPath(new URL('../..', import.meta.url));

/** `npm run import:edition -- …` as an operator runs it, against the test database. */
function importCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/import-edition.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, EDITOR_TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(!databaseUrl)('数字报 in workerd: reads over Neon HTTP, imports purged through the Worker', () => {
  let worker: WorkerUnderTest;
  let source: ReturnType<typeof createNodePostgresSource>;
  let paper: Awaited<ReturnType<typeof createTestPaper>>;
  const { post, get, failure } = workerClient(() => worker, EDITOR_TOKEN);
  const page = operation('EpaperPage');
  const calendar = operation('EpaperCalendar');

  /** The same request to the Node gateway over the same database: what the Worker must answer. */
  async function nodeAnswer(document: string, variables: Record<string, unknown>) {
    const gateway = createGateway({ source, store: new MemoryStore(0) });
    const response = await gateway.fetch(
      new Request('http://node.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: document, variables }),
      }),
    );
    return response.json();
  }

  beforeAll(async () => {
    const url = databaseUrl as string;
    await prepareDatabase(url);
    source = createNodePostgresSource({ connectionString: url, relations, max: 2 });
    paper = await createTestPaper(source.admin, '工人日报测试');
    worker = await startWorkerUnderTest({
      databaseUrl: url,
      reads: 'http',
      vars: { EDITOR_TOKEN },
      cloudflare: CLOUDFLARE,
    });
  }, 180_000);
  afterAll(async () => {
    await worker?.stop();
    await paper?.drop();
    await source?.close();
  });

  it('serves the first and last page of the first and last issue in one statement each, as Node does', async () => {
    const dates = (
      await source.admin
        .select({ date: epaperIssues.date })
        .from(epaperIssues)
        .innerJoin(newspapers, eq(newspapers.id, epaperIssues.newspaperId))
        .where(eq(newspapers.slug, SEED_PRINTING.paper))
        .orderBy(asc(epaperIssues.date))
    ).map((row) => row.date);
    for (const [date, previous, next] of [
      [dates[0], null, dates[1]],
      [dates.at(-1), dates.at(-2), null],
    ]) {
      const front = await post(page.document, { paper: SEED_PRINTING.paper, date, page: null });
      expect(front.body.errors, failure('front page', front)).toBeUndefined();
      expect(front.statements).toBe(1);
      const issue = front.body.data?.newspaper.issue;
      expect(issue.previousIssue?.date ?? null).toBe(previous);
      expect(issue.nextIssue?.date ?? null).toBe(next);
      expect(issue.page.previousPage).toBeNull();
      const lastNumber = issue.pages.at(-1).number;
      const last = await post(page.document, { paper: SEED_PRINTING.paper, date, page: lastNumber });
      expect(last.statements).toBe(1);
      expect(last.body.data?.newspaper.issue.page.nextPage).toBeNull();
      expect(last.body.data?.newspaper.issue.page.previousPage.number).toBe(issue.pages.at(-2).number);
      expect(last.body).toEqual(
        await nodeAnswer(page.document, { paper: SEED_PRINTING.paper, date, page: lastNumber }),
      );
      // A date read at the top of a statement (not inside a relation's JSON) keeps its day too.
      const byId = await post('query($id: ID!) { node(id: $id) { ... on EpaperIssue { date } } }', { id: issue.id });
      expect(byId.body.data?.node).toEqual({ date });
    }
  });

  it('lists a calendar month from its first day to its last, cached at the edge', async () => {
    const truth = async (from: string, until: string) =>
      (
        await source.admin
          .select({ date: epaperIssues.date })
          .from(epaperIssues)
          .innerJoin(newspapers, eq(newspapers.id, epaperIssues.newspaperId))
          .where(and(eq(newspapers.slug, 'lcrb'), gte(epaperIssues.date, from), lt(epaperIssues.date, until)))
          .orderBy(asc(epaperIssues.date))
      ).map((row) => row.date);
    const february = await get(calendar.document, { paper: 'lcrb', year: 2024, month: 2 });
    expect(february.body.errors, failure('calendar', february)).toBeUndefined();
    expect(february.body.data?.newspaper.issueDates).toEqual(await truth('2024-02-01', '2024-03-01'));
    expect(february.body.data?.newspaper.issueDates.at(-1)).toBe('2024-02-29');
    const march = await get(calendar.document, { paper: 'lcrb', year: 2024, month: 3 });
    expect(march.body.data?.newspaper.issueDates).toEqual(await truth('2024-03-01', '2024-04-01'));
    const again = await get(calendar.document, { paper: 'lcrb', year: 2024, month: 3 });
    expect(again.xCache).toBe('HIT');
    expect(again.statements).toBe(0);
  });

  it('links the web article to its print edition and back', async () => {
    const sent = await post(
      `query($path: String!) { articleByPath(path: $path) { id printEdition { page { number issue { date newspaper { slug } } } webArticle { id } } } }`,
      { path: SEED_WEB_ARTICLE_PATH },
    );
    expect(sent.body.errors, failure('printEdition', sent)).toBeUndefined();
    expect(sent.statements).toBe(1);
    const article = sent.body.data?.articleByPath;
    expect(article.printEdition.page).toEqual({
      number: SEED_PRINTING.page,
      issue: { date: SEED_PRINTING.date, newspaper: { slug: SEED_PRINTING.paper } },
    });
    expect(article.printEdition.webArticle.id).toBe(article.id);
  });

  it('imports with the CLI and purges through the Worker exactly what changed, here and at Cloudflare', async () => {
    const manifest = testManifest(paper.slug, '2032-05-10', 1);
    const first = await importCli([manifestFolder(manifest)]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/imported: new issue/);

    const variables = { paper: paper.slug, date: '2032-05-10', page: 'A02' };
    const other = { ...variables, page: 'A03' };
    for (const vars of [variables, other]) {
      expect((await get(page.document, vars)).xCache).toBe('MISS');
      expect((await get(page.document, vars)).xCache).toBe('HIT');
    }

    (manifest.articles[2] as { title: string }).title = '更正：A02 头条';
    worker.purgeCalls.length = 0;
    const corrected = await importCli([manifestFolder(manifest), '--gateway', worker.origin]);
    expect(corrected.code, corrected.stderr).toBe(0);
    expect(corrected.stdout).toMatch(/imported: corrected issue/);
    const tags = corrected.stdout.match(/^epaperArticle:\d+$/gm);
    expect(tags).toHaveLength(1);
    expect(corrected.stdout).toMatch(/purged 1 tags through .* \(1 cached responses there\)/);
    expect(worker.purgeCalls).toEqual([
      {
        method: 'POST',
        path: `/client/v4/zones/${CLOUDFLARE.zoneId}/purge_cache`,
        authorization: `Bearer ${CLOUDFLARE.apiToken}`,
        contentType: 'application/json',
        body: { tags },
      },
    ]);
    const fresh = await get(page.document, variables);
    expect(fresh.xCache).toBe('MISS');
    expect(fresh.body.data?.newspaper.issue.page.articles[0].title).toBe('更正：A02 头条');
    expect((await get(page.document, other)).xCache).toBe('HIT');

    // A manifest with a problem: named with its place, nothing written, nothing purged.
    (manifest.articles[2] as { hotspot: number[][] }).hotspot[1] = [5000, 100];
    (manifest.articles[3] as { title: string }).title = '不应写入';
    worker.purgeCalls.length = 0;
    const refused = await importCli([manifestFolder(manifest), '--gateway', worker.origin]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/\$\.articles\[2\]\.hotspot\[1\]: \[5000, 100\] lies outside page A02/);
    expect(worker.purgeCalls).toEqual([]);
    const unchanged = await post(page.document, variables);
    expect(unchanged.body.data?.newspaper.issue.page.articles[1].title).toBe('2032-05-10 A02 二条');
  });
});
