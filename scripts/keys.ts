// Partner keys: `npm run keys -- create --name NAME [--origins https://a.example,https://b.example]
// [--cost-per-minute N] [--trusted-only]`, `npm run keys -- list`, `npm run keys -- revoke ID|PREFIX`.
// Against DATABASE_URL (or PGLITE_DIR while no gateway holds it open).
import { parseArgs } from 'node:util';
import { openNodeSource } from '../src/db/node-source';
import { relations } from '../src/modules';
import { checkOrigins, createKey, listKeys, revokeKey } from '../src/modules/partners/admin';
import { KEY_CHECK_TTL_MS } from '../src/modules/partners/keys';

const USAGE = `npm run keys -- create --name NAME [--origins https://a.example,...] [--cost-per-minute N] [--trusted-only]
npm run keys -- list
npm run keys -- revoke ID|PREFIX`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    origins: { type: 'string' },
    'cost-per-minute': { type: 'string' },
    'trusted-only': { type: 'boolean' },
  },
});
const [command, which] = positionals;
if (!command || !['create', 'list', 'revoke'].includes(command) || (command === 'revoke' && !which)) {
  console.error(USAGE);
  process.exit(2);
}
if (!process.env.DATABASE_URL && !process.env.PGLITE_DIR) {
  console.error('Set DATABASE_URL (or PGLITE_DIR) to the database whose keys to manage.');
  process.exit(2);
}

// Malformed origins are refused before any database is opened.
const origins = values.origins
  ? values.origins
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean)
  : [];
try {
  checkOrigins(origins);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const source = await openNodeSource(relations);
try {
  if (command === 'create') {
    const key = await createKey(source.admin, {
      name: values.name ?? '',
      origins: values.origins
        ? values.origins
            .split(',')
            .map((origin) => origin.trim())
            .filter(Boolean)
        : [],
      costPerMinute: values['cost-per-minute'] ? Number(values['cost-per-minute']) : undefined,
      trustedOnly: values['trusted-only'],
    });
    console.log(`key ${key.id} (${key.prefix}…) created. Its secret, shown this once:\n\n  ${key.secret}\n`);
    console.log('Send it as `Authorization: Bearer <key>` or `x-api-key: <key>`.');
  } else if (command === 'list') {
    const keys = await listKeys(source.admin);
    if (!keys.length) console.log('no keys');
    for (const key of keys) {
      const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
      const origins = key.origins.length ? key.origins.join(' ') : 'servers only';
      const documents = key.trustedOnly ? 'trusted documents only' : 'any document';
      console.log(
        `${key.id}\t${key.prefix}…\t${key.name}\t${state}\t${key.costPerMinute}/min\t${documents}\t${origins}`,
      );
    }
  } else if (which) {
    const revoked = await revokeKey(source.admin, which);
    if (!revoked) {
      console.error(`no active key ${which}`);
      process.exitCode = 1;
    } else console.log(`revoked; gateways that checked it lately refuse it within ${KEY_CHECK_TTL_MS / 1000} s.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await source.close();
}
