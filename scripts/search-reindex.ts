// Indexes every article of DATABASE_URL (or the PGLITE_DIR database) for search again:
// `npm run search:reindex`. For after a change to how text is normalised (the traditional →
// simplified table, src/shared/chinese-text.ts): rows indexed before it read the old way. Rows are
// rewritten in place, range by range, so search keeps answering while it runs.
import { openNodeSource } from '../src/db/node-source';
import { relations } from '../src/modules';
import { reindexAll } from '../src/modules/search/documents';
import { progressBar } from './support/progress';

if (!process.env.DATABASE_URL && !process.env.PGLITE_DIR) {
  console.error('search:reindex: set DATABASE_URL (or PGLITE_DIR): an in-memory PGlite has nothing to reindex');
  process.exit(2);
}
const source = await openNodeSource(relations);
const bar = progressBar(
  'search index {bar} {percentage}% | ids {value}/{total} | {duration_formatted} (eta {eta_formatted})',
);
const started = performance.now();
try {
  bar.start(1, 0);
  await reindexAll(source.admin, (done, total) => {
    bar.setTotal(Math.max(1, total));
    bar.update(done);
  });
  bar.stop();
  console.error(`search index rewritten in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await source.close();
}
