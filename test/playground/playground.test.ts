// GraphiQL in a real browser against the Node entry: the page must load every file from the
// gateway itself (no CDN), render one tab per named operation, and run ArticlePage end to end.
// Needs Chromium at /usr/bin/chromium (CI installs it); skipped without it.
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/cache/memory-store';
import { createGateway } from '../../src/gateway/gateway';
import { createNodeServer } from '../../src/gateway/node-server';
import { playgroundOptions } from '../../src/gateway/playground';
import { type NamedOperation, operations } from '../../src/generated/operations';
import { referencePage } from '../fixtures/reference-page';
import { openTestDatabase, type TestDatabase } from '../support/database';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
/** Where the last run's screenshot goes (overwritten each run). */
const SCREENSHOT = join(tmpdir(), 'news-gateway-playground.png');
/** GraphiQL's bundle is 5 MB and the editors start web workers: be generous. */
const UI_TIMEOUT_MS = 60_000;

if (!hasChromium) {
  console.warn(`[playground] skipped: no Chromium at ${CHROMIUM} (CI installs it; locally: apt-get install chromium).`);
}

/** A Monaco editor's visible text (Monaco renders spaces as no-break spaces). */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text, a line break per editor line, is the point.
const editorText = async (lines: Locator) => (await lines.innerText()).replace(/\u00a0/g, ' ');

/**
 * Makes the tab labelled `name` the active one. GraphiQL's tabs are framer-motion items that can
 * shift between pointerdown and pointerup, which turns a click into one on the tab strip: click
 * until GraphiQL switches.
 */
async function selectTab(page: Page, name: string) {
  const tab = page.locator('.graphiql-tab', { has: page.locator(`.graphiql-tab-button[title="${name}"]`) });
  await expect
    .poll(
      async () => {
        if ((await tab.getAttribute('aria-selected')) === 'true') return true;
        await tab.locator('.graphiql-tab-button').click();
        return (await tab.getAttribute('aria-selected')) === 'true';
      },
      { timeout: UI_TIMEOUT_MS, interval: 250 },
    )
    .toBe(true);
}

/** The editor's text as JSON, or the text itself when it does not parse (yet). */
const editorJson = async (lines: Locator): Promise<unknown> => {
  const text = await editorText(lines);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const articlePage = operations.find((operation) => operation.name === 'ArticlePage');

/** Console messages that mean something did not load (a 404, a blocked or refused request). */
const FAILED_LOAD = /failed to (load|fetch)|net::ERR_|status of [45]\d\d|refused to|blocked|err_blocked/i;

describe.skipIf(!hasChromium)(
  hasChromium ? 'GraphiQL playground in Chromium' : `GraphiQL playground in Chromium (skipped: no ${CHROMIUM})`,
  () => {
    let database: TestDatabase;
    let server: Server;
    let origin: string;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;

    const requests: string[] = [];
    const foreign: string[] = [];
    const failures: string[] = [];
    const pageErrors: string[] = [];
    const consoleErrors: string[] = [];

    beforeAll(async () => {
      database = await openTestDatabase();
      server = createNodeServer(createGateway({ source: database, store: new MemoryStore() }));
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      // Tall enough that the response pane shows the article's title without scrolling.
      context = await browser.newContext({ viewport: { width: 1440, height: 1200 } });
      context.setDefaultTimeout(UI_TIMEOUT_MS);
      const isOwn = (url: string) => url.startsWith(`${origin}/`) || url.startsWith(`blob:${origin}/`);
      // Anything bound elsewhere is recorded (below) and cut off here, so a CDN reference fails fast
      // instead of hanging on a machine without internet.
      await context.route(
        (url) => !isOwn(url.href) && !url.href.startsWith('data:'),
        (route) => route.abort('blockedbyclient'),
      );
      page = await context.newPage();
      page.on('request', (request) => {
        const url = request.url();
        requests.push(`${request.method()} ${url}`);
        if (!isOwn(url) && !url.startsWith('data:')) foreign.push(url);
      });
      page.on('requestfailed', (request) => {
        failures.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) failures.push(`${response.url()}: HTTP ${response.status()}`);
      });
      page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && FAILED_LOAD.test(message.text())) consoleErrors.push(message.text());
      });
    });

    afterAll(async () => {
      await context?.close().catch(() => {});
      await browser?.close().catch(() => {});
      if (server?.listening) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await database?.close();
    });

    it(
      'loads everything from the gateway, opens one tab per operation and runs ArticlePage',
      async () => {
        expect(articlePage, 'schema/operations/ has an ArticlePage operation').toBeDefined();
        if (!articlePage) return;

        // The title to wait for, as the server answers the same operation (and as the real page shows it).
        const direct = await fetch(`${origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
          body: JSON.stringify({ query: articlePage.document, variables: articlePage.variables }),
        });
        expect(direct.status).toBe(200);
        const title: string = ((await direct.json()) as any).data?.article?.title;
        expect(title).toBe(referencePage.title);

        await page.goto(`${origin}/graphql`, { waitUntil: 'load' });
        // By `load` the stylesheet and the bundle have been requested: fail now rather than on a broken UI.
        expect(foreign, `requests that left ${origin}`).toEqual([]);
        expect(failures, 'failed requests').toEqual([]);
        await expect.poll(() => page.title()).toBe(playgroundOptions.title);

        // Rendered: the query editor (Monaco) holds text, and the tab strip shows one tab per operation.
        const queryEditor = page.locator('.graphiql-query-editor .view-lines');
        await queryEditor.waitFor({ state: 'visible' });
        const tabs = page.locator('.graphiql-tabs .graphiql-tab-button');
        await expect
          .poll(() => tabs.allInnerTexts(), { timeout: UI_TIMEOUT_MS })
          .toEqual(operations.map((operation) => operation.name));

        // The first tab opens with its own document and variables, not Yoga's welcome text.
        const variablesEditor = page.locator('[data-uri$="-variables.json"] .view-lines');
        const showsOperation = async (operation: NamedOperation) => {
          await expect
            .poll(() => editorText(queryEditor), { timeout: UI_TIMEOUT_MS })
            .toMatch(new RegExp(`^(query|mutation|subscription) ${operation.name}\\b`, 'm'));
          await expect.poll(() => editorJson(variablesEditor), { timeout: UI_TIMEOUT_MS }).toEqual(operation.variables);
        };
        const [first, ...others] = operations;
        if (first) {
          expect(await page.locator('.graphiql-tab-active .graphiql-tab-button').getAttribute('title')).toBe(
            first.name,
          );
          await showsOperation(first);
        }
        // Every other tab holds its own operation too; end on ArticlePage.
        for (const operation of [...others.filter((op) => op !== articlePage), articlePage]) {
          await selectTab(page, operation.name);
          await showsOperation(operation);
        }

        // GraphiQL settles the operation to run 100 ms after a tab's text changes (a debounced
        // handler that also stores the text as `graphiql:query`): Run before that would send
        // ArticlePage's document under the previous tab's operation name.
        await expect
          .poll(() => page.evaluate(() => localStorage.getItem('graphiql:query')), { timeout: UI_TIMEOUT_MS })
          .toBe(articlePage.document);

        // Run it and wait for the seed article's title in the response pane.
        await page.locator('.graphiql-execute-button').click();
        const responsePane = page.locator('.graphiql-response .view-lines');
        await expect.poll(() => editorText(responsePane), { timeout: UI_TIMEOUT_MS }).toContain(title);
        expect(await editorText(responsePane)).not.toMatch(/"errors"/);

        await page.screenshot({ path: SCREENSHOT });
        console.info(`[playground] screenshot: ${SCREENSHOT}`);

        // Everything came from the gateway: the page, CSS, bundle, the three workers (as blob: URLs)
        // and the GraphQL requests; nothing failed and nothing threw.
        expect(foreign, `requests that left ${origin}`).toEqual([]);
        expect(failures, 'failed requests').toEqual([]);
        expect(pageErrors, 'uncaught page errors').toEqual([]);
        expect(consoleErrors, 'console errors about failed loads').toEqual([]);
        // Monaco's workers run from blob: URLs made of the gateway's worker files.
        const workers = page.workers().map((worker) => worker.url());
        expect(workers.length).toBeGreaterThan(0);
        expect(workers.filter((url) => !url.startsWith(`blob:${origin}/`))).toEqual([]);
        // Chromium fetches some things (the favicon, preconnects) outside the page's request events:
        // the document must not point anywhere else either.
        const references = await page.evaluate(() =>
          [...document.querySelectorAll('link[href], script[src], img[src], iframe[src], source[src]')].map(
            (element) => (element as HTMLLinkElement).href || (element as HTMLScriptElement).src,
          ),
        );
        expect(
          references.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url)),
          'resources the page points at outside the gateway',
        ).toEqual([]);
        const paths = requests.map((request) => request.replace(origin, ''));
        expect(paths).toEqual(
          expect.arrayContaining([
            'GET /graphql',
            'GET /graphiql/graphiql.css',
            'GET /graphiql/yoga-graphiql.umd.js',
            'GET /graphiql/monacoeditorwork/editor.worker.bundle.js',
            'GET /graphiql/monacoeditorwork/json.worker.bundle.js',
            'GET /graphiql/monacoeditorwork/graphql.worker..bundle.js',
            'POST /graphql',
          ]),
        );
      },
      3 * UI_TIMEOUT_MS,
    );
  },
);
