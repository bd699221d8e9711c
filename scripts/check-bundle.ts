// Worker budget, after `npm run build`: `npm run bundle:check [-- --limit-kib 500 --runs 5]`.
// Gzips the built Worker script(s) in dist/ and fails (exit 1) when they exceed the limit; measures
// how long building the GraphQL schema takes at start-up (importing src/schema.ts in fresh Node
// processes, median). Records both in bench/results.json and bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type BundleEntry, readResults, writeResults } from '../bench/report';

const { values } = parseArgs({
  options: {
    'limit-kib': { type: 'string', default: '500' },
    runs: { type: 'string', default: '5' },
    dist: { type: 'string', default: 'dist' },
  },
});
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, values.dist ?? 'dist');
const limitBytes = Number(values['limit-kib']) * 1024;
const runs = Number(values.runs);

/** gzip at zlib's default level, which is what wrangler's "Total Upload ... / gzip" line reports. */
/** What Cloudflare uploads as the Worker: its modules (JS and WebAssembly), not source maps or docs. */
const MODULE = /\.(m?js|cjs|wasm)$/;

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return modules(path);
    return MODULE.test(name) ? [path] : [];
  });
}

if (!existsSync(dist) || modules(dist).length === 0) {
  console.error(`No Worker script in ${relative(root, dist)}/: run \`npm run build\` first.`);
  process.exit(1);
}
const files = modules(dist).map((path) => {
  const content = readFileSync(path);
  return { file: relative(root, path), bytes: content.length, gzipBytes: gzipSync(content).length };
});
const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
for (const f of files) console.log(`${f.file}: ${kib(f.bytes)}, gzip ${kib(f.gzipBytes)}`);
const ok = gzipBytes <= limitBytes;
console.log(`Worker total, gzip: ${kib(gzipBytes)} of ${kib(limitBytes)} allowed: ${ok ? 'OK' : 'OVER BUDGET'}`);

// Schema build at start-up: a fresh process loads the libraries first, then src/schema.ts, whose
// import builds the Pothos schema; the second number is that part alone.
const probe = `
  const t0 = performance.now();
  await import('graphql'); await import('@pothos/core'); await import('@pothos/plugin-drizzle');
  await import('@pothos/plugin-relay'); await import('drizzle-orm'); await import('drizzle-orm/pg-core');
  const t1 = performance.now();
  await import(${JSON.stringify(join(root, 'src/schema.ts'))});
  const t2 = performance.now();
  console.log(JSON.stringify({ libraries: t1 - t0, schema: t2 - t1 }));`;
const timings: { libraries: number; schema: number }[] = [];
for (let i = 0; i < runs + 1; i += 1) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
    cwd: root,
    encoding: 'utf8',
  });
  // The first run warms tsx's transform cache and the OS file cache; it is not counted.
  if (i > 0) timings.push(JSON.parse(out.trim().split('\n').pop() ?? '{}'));
}
const median = (xs: number[]) => {
  const sorted = xs.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const schemaRuns = timings.map((t) => t.schema);

// The Worker's own start-up: evaluating the built script (libraries and schema, as bundled) in a
// fresh Node process. workerd evaluates the same script at an isolate's cold start.
const main = files.find((f) => /(^|\/)(worker|index)\.m?js$/.test(f.file)) ?? files.find((f) => f.file.endsWith('js'));
const startRuns: number[] = [];
if (main) {
  const url = new URL(`file://${join(root, main.file)}`).href;
  const start = `const t = performance.now(); await import(${JSON.stringify(url)}); console.log(performance.now() - t);`;
  for (let i = 0; i < runs + 1; i += 1) {
    const out = execFileSync(
      process.execPath,
      ['--import', './scripts/support/cloudflare-modules.mjs', '--input-type=module', '-e', start],
      { cwd: root, encoding: 'utf8' },
    );
    if (i > 0) startRuns.push(Number(out.trim().split('\n').pop()));
  }
  console.log(
    `Worker script start-up (evaluate ${main.file} in fresh Node processes): median ${median(startRuns).toFixed(0)} ms ` +
      `(${startRuns.map((t) => t.toFixed(0)).join(', ')})`,
  );
}
const librariesMs = median(timings.map((t) => t.libraries));
console.log(
  `Schema build (import src/schema.ts after the libraries, ${runs} fresh processes): median ${median(schemaRuns).toFixed(0)} ms ` +
    `(${schemaRuns.map((t) => t.toFixed(0)).join(', ')}); loading the libraries before it: ${librariesMs.toFixed(0)} ms`,
);

const entry: BundleEntry = {
  date: new Date().toISOString(),
  files,
  gzipBytes,
  limitBytes,
  ok,
  schemaBuild: {
    runs: schemaRuns,
    medianMs: median(schemaRuns),
    what:
      `importing src/schema.ts in a fresh Node ${process.version} process through tsx, after graphql, Pothos and ` +
      `Drizzle are loaded (their loading took a further ${librariesMs.toFixed(0)} ms, median); ` +
      'this is our modules plus `builder.toSchema()`',
  },
  ...(main && {
    workerStart: {
      runs: startRuns,
      medianMs: median(startRuns),
      what: `evaluating the built ${main.file} (libraries, our modules and the schema build) in a fresh Node ${process.version} process`,
    },
  }),
  commands: ['npm run build', `npm run bundle:check -- --limit-kib ${values['limit-kib']} --runs ${runs}`],
};
const results = readResults();
results.bundle = entry;
writeResults(results);
process.exit(ok ? 0 : 1);
