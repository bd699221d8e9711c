// `npm run import:xmltv -- FILE [--kind tv|radio] [--gateway URL]`: imports an XMLTV guide into
// DATABASE_URL whole or not at all, prints the cache tags it changed and, given the gateway's URL
// and EDITOR_TOKEN, has the gateway purge them.
import { createReadStream, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openNodeSource } from '../src/db/node-source';
import { relations } from '../src/modules';
import { GuideErrors, importXmltv } from '../src/modules/media/import-xmltv';
import { progressBar } from './support/progress';

/** Files this large get a progress bar (and any file when stderr is a terminal). */
const PROGRESS_FROM_BYTES = 4 * 2 ** 20;

const USAGE = 'usage: npm run import:xmltv -- FILE [--kind tv|radio] [--gateway https://gateway.example]';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { kind: { type: 'string', default: 'tv' }, gateway: { type: 'string' } },
});
const [file] = positionals;
if (!file || (values.kind !== 'tv' && values.kind !== 'radio')) {
  console.error(USAGE);
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  console.error('Set DATABASE_URL to the Postgres to import into (for Neon: its direct connection string).');
  process.exit(2);
}
const token = process.env.EDITOR_TOKEN;
if (values.gateway && !token) {
  console.error('--gateway needs EDITOR_TOKEN, the deployment’s editor token, to purge what the import changed.');
  process.exit(2);
}

const size = statSync(file).size;
const bar =
  size >= PROGRESS_FROM_BYTES || process.stderr.isTTY
    ? progressBar('reading {bar} {percentage}% | {value}/{total} KiB', 1000)
    : null;
bar?.start(Math.ceil(size / 1024), 0);
let read = 0;

const source = await openNodeSource(relations);
try {
  const report = await importXmltv(source.admin, createReadStream(file, { highWaterMark: 256 * 1024 }), {
    kind: values.kind,
    onBytes: (bytes) => {
      read += bytes;
      bar?.update(Math.ceil(read / 1024));
    },
  });
  bar?.stop();
  console.log(
    `imported ${file}: ${report.programmesStored} programmes stored; guides changed: ${report.guidesChanged.join(', ') || 'none'}; channels added: ${report.channelsAdded.join(', ') || 'none'}; updated: ${report.channelsUpdated.join(', ') || 'none'}`,
  );
  for (const skip of report.skipped) console.warn(`${file}:${skip.line}: skipped: ${skip.reason}`);
  console.log(`cache tags to purge: ${report.purgeTags.join(' ') || '(none)'}`);
  if (values.gateway && report.purgeTags.length) {
    const response = await fetch(new URL('/graphql', values.gateway), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation($tags: [String!]!) { purgeMediaCache(tags: $tags) { purgedTags purgedResponses } }',
        variables: { tags: report.purgeTags },
      }),
    });
    const body = (await response.json()) as { errors?: { message: string }[] };
    if (!response.ok || body.errors) {
      console.error(`the guide is imported, but the purge failed (run it again): ${JSON.stringify(body.errors)}`);
      process.exitCode = 1;
    } else console.log(`purged at ${values.gateway}`);
  }
} catch (error) {
  bar?.stop();
  if (!(error instanceof GuideErrors)) throw error;
  for (const problem of error.errors) console.error(`${file}:${problem.line}: ${problem.reason}`);
  console.error(`${file}: rejected, nothing imported (${error.errors.length} problem(s)).`);
  process.exitCode = 1;
} finally {
  await source.close();
}
