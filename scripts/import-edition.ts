// Imports one issue of the digital edition (数字报) into DATABASE_URL:
//   npm run import:edition -- DIR [--asset-base URL] [--dry-run] [--gateway URL]
// DIR holds manifest.json (src/modules/epaper/manifest.schema.json) and the page images and PDFs it
// names by file name (or it names them by URL). Everything is checked first; then the whole issue
// is written in one transaction, or nothing. The cache tags it made stale are printed and, with
// --gateway and EDITOR_TOKEN, purged through that gateway. Exit codes: 0 imported (or nothing to
// change), 1 manifest problems (nothing written), 2 usage, 3 imported but the purge failed.
//   npm run import:edition -- --purge-tags TAG,TAG --gateway URL    retries a failed purge.
import { parseArgs } from 'node:util';
import { openNodeSource } from '../src/db/node-source';
import { relations } from '../src/modules';
import { importEditionFolder } from '../src/modules/epaper/importer/import-folder';
import { ManifestError } from '../src/modules/epaper/importer/problems';
import { purgeThroughGateway } from '../src/modules/epaper/importer/purge-client';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'asset-base': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    gateway: { type: 'string', default: process.env.GATEWAY_URL },
    'purge-tags': { type: 'string' },
  },
});

const usage =
  'usage: npm run import:edition -- DIR [--asset-base URL] [--dry-run] [--gateway URL]\n' +
  '       npm run import:edition -- --purge-tags TAG,TAG --gateway URL\n' +
  'DATABASE_URL names the database; EDITOR_TOKEN the token --gateway needs.';

async function purge(tags: string[]): Promise<number> {
  if (!values.gateway) {
    console.log('Not purged (no --gateway): purge these tags, e.g. with --purge-tags and --gateway.');
    return 0;
  }
  const token = process.env.EDITOR_TOKEN;
  if (!token) {
    console.error('--gateway needs EDITOR_TOKEN, the editor token of that gateway.');
    return 3;
  }
  try {
    const purged = await purgeThroughGateway(values.gateway, token, tags);
    console.log(`purged ${tags.length} tags through ${values.gateway} (${purged} cached responses there)`);
    return 0;
  } catch (error) {
    console.error(`The import is committed, but ${(error as Error).message}.`);
    console.error(`Retry: npm run import:edition -- --purge-tags ${tags.join(',')} --gateway ${values.gateway}`);
    return 3;
  }
}

async function main(): Promise<number> {
  if (values['purge-tags'] !== undefined) {
    const tags = values['purge-tags'].split(',').filter(Boolean);
    if (values.gateway) return purge(tags);
    console.error(usage);
    return 2;
  }
  const [dir] = positionals;
  if (!dir || positionals.length > 1) {
    console.error(usage);
    return 2;
  }
  if (!process.env.DATABASE_URL) {
    console.error(`Set DATABASE_URL to the Postgres to import into.\n${usage}`);
    return 2;
  }
  const source = await openNodeSource(relations);
  try {
    const result = await importEditionFolder(source.admin, dir, {
      assetBase: values['asset-base'],
      dryRun: values['dry-run'],
    });
    const what = result.created ? 'new issue' : result.changedRows ? 'corrected issue' : 'unchanged issue';
    const verb = result.committed ? 'imported' : 'checked (dry run, nothing written)';
    console.log(
      `${verb}: ${what} ${result.issueId}, ${result.pages} pages, ${result.articles} articles, ${result.changedRows} rows written`,
    );
    if (!result.staleTags.length) return 0;
    console.log(`stale cache tags:\n${result.staleTags.join('\n')}`);
    return result.committed ? purge(result.staleTags) : 0;
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await source.close();
  }
}

process.exitCode = await main();
