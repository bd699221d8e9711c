// Loads many generated articles into DATABASE_URL for benchmarks: `npm run seed:bulk -- --articles 1000000`.
// Runs the migrations and the normal seed first (site, channels, tags, reference article), then adds
// generated articles 1..N with their bylines and tags. Resumable and idempotent: a rerun with the same
// N does nothing, a larger N adds only the rest. Postgres only: PGlite is refused (see below).
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openNodeSource } from '../src/db/node-source';
import { relations } from '../src/modules';
import { BULK_BATCH, type BulkProgress, bulkLoadArticles } from '../src/modules/articles/seed/bulk';
import { computeAllRelated } from '../src/modules/recommendations/compute-all';
import { indexMissing } from '../src/modules/search/documents';
import { seed } from '../src/seed/run';
import { progressBar } from './support/progress';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    batch: { type: 'string', default: String(BULK_BATCH) },
  },
});
const articles = Number(values.articles);
const batchSize = Number(values.batch);
if (!Number.isSafeInteger(articles) || articles < 0 || !Number.isSafeInteger(batchSize) || batchSize < 1) {
  console.error('usage: npm run seed:bulk -- --articles N [--batch 1000]   (N ≥ 0, default 100000)');
  process.exit(2);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'seed:bulk needs a real Postgres: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/bench_1m).\n' +
      'It refuses the embedded PGlite on purpose: a million articles in a single-threaded in-memory WASM\n' +
      'database would take very long and vanish with the process. `npm start` seeds PGlite with 360.',
  );
  process.exit(1);
}

const fmt = new Intl.NumberFormat('en-US');
const isTty = process.stderr.isTTY;
let lastLine = 0;

function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** One redrawn line on a terminal; a line every 5 s in logs. */
function showProgress({ done, todo, rows, elapsedMs }: BulkProgress) {
  const now = performance.now();
  if (todo === 0 || (done < todo && now - lastLine < (isTty ? 200 : 5000))) return;
  lastLine = now;
  const ratio = todo === 0 ? 1 : done / todo;
  const width = 30;
  const filled = Math.round(ratio * width);
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? done / seconds : 0;
  const rowRate = seconds > 0 ? rows / seconds : 0;
  const eta = rate > 0 ? ((todo - done) / rate) * 1000 : 0;
  const line =
    `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(1).padStart(5)}% ` +
    `${fmt.format(done)}/${fmt.format(todo)} articles  ${fmt.format(Math.round(rate))} articles/s  ` +
    `${fmt.format(Math.round(rowRate))} rows/s  elapsed ${clock(elapsedMs)}  eta ${clock(eta)}`;
  process.stderr.write(isTty ? `\r${line}\x1b[K` : `${line}\n`);
}

// Batches of a bulk load may take longer than the gateway's 3 s limit per statement.
process.env.DB_TIMEOUT_MS ??= '600000';
const source = await openNodeSource(relations);
const client = new pg.Client({ connectionString: url });
try {
  const counts = await seed(source.admin, { articles: 0 });
  console.error(`normal seed: ${counts.channels} channels, ${counts.tags} tags, reference article`);
  await client.connect();
  const result = await bulkLoadArticles(client, { articles, batchSize, onProgress: showProgress });
  if (isTty && result.inserted > 0) process.stderr.write('\n');
  const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM articles');
  const seconds = result.elapsedMs / 1000;
  console.error(
    result.inserted === 0
      ? `nothing to do: generated articles 1..${fmt.format(result.alreadyLoaded)} already loaded`
      : `inserted ${fmt.format(result.inserted)} articles (after index ${fmt.format(result.alreadyLoaded)}), ` +
          `${fmt.format(result.rows)} rows in ${seconds.toFixed(1)} s: ` +
          `${fmt.format(Math.round(result.inserted / seconds))} articles/s, ${fmt.format(Math.round(result.rows / seconds))} rows/s`,
  );
  console.log(`articles in database: ${fmt.format(Number(rows[0]?.count ?? 0))}`);

  // The search index for what it lacks, then every article's 相关推荐 from scratch (linear: a bounded
  // number of candidates per article), each with a progress bar.
  const started = performance.now();
  const searchBar = progressBar(
    'search index {bar} {percentage}% | {value}/{total} articles | {duration_formatted} (eta {eta_formatted})',
  );
  searchBar.start(1, 0);
  // Building a GIN index once over loaded rows is far faster than updating it row by row: when most
  // of the index is still to be written, drop it and build it again at the end.
  const indexCounts = await client.query<{ indexed: number; published: number }>(
    `SELECT (SELECT count(*) FROM article_search)::int AS indexed,
            (SELECT count(*) FROM articles WHERE status = 'published')::int AS published`,
  );
  const { indexed: already = 0, published = 0 } = indexCounts.rows[0] ?? {};
  const rebuild = published - already > already;
  if (rebuild) await client.query('DROP INDEX IF EXISTS article_search_document_idx');
  const indexed = await indexMissing(source.admin, (done, total) => {
    searchBar.setTotal(Math.max(1, total));
    searchBar.update(done);
  });
  searchBar.stop();
  const rowsSeconds = (performance.now() - started) / 1000;
  // Always: a run interrupted after the drop leaves the index to build.
  await client.query("SET maintenance_work_mem = '512MB'");
  await client.query('CREATE INDEX IF NOT EXISTS article_search_document_idx ON article_search USING gin (document)');
  await client.query('ANALYZE article_search');
  console.error(
    `search index: ${fmt.format(indexed)} articles in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
      `(${rowsSeconds.toFixed(1)} s tokenising and writing, the rest building the GIN index and ANALYZE)`,
  );

  const relatedStarted = performance.now();
  const relatedBar = progressBar(
    '相关推荐 {phase} {bar} {percentage}% | {value}/{total} articles | {duration_formatted} (eta {eta_formatted})',
  );
  let phase = '';
  relatedBar.start(1, 0, { phase: 'read' });
  const related = await computeAllRelated(source.admin, (progress) => {
    if (progress.phase !== phase) {
      phase = progress.phase;
      relatedBar.setTotal(Math.max(1, progress.total));
    }
    relatedBar.update(progress.done, { phase: progress.phase === 'read' ? 'reading' : 'ranking' });
  });
  relatedBar.stop();
  await client.query('ANALYZE article_related, related_timeline, related_tag_frequencies');
  console.error(
    `相关推荐: ${fmt.format(related.lists)} lists, ${fmt.format(related.entries)} entries in ${((performance.now() - relatedStarted) / 1000).toFixed(1)} s`,
  );
} finally {
  await client.end();
  await source.close();
}
