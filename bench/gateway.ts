// The gateway under test, as `npm start` runs it (src/node.ts: migrates, in-memory edge cache) but in
// a child process, so the benchmark's own JavaScript never shares its event loop. By default src/node.ts
// is bundled once with esbuild (packages left external) and run by plain `node`, so tsx's on-the-fly
// transform is not part of what is measured; `--tsx` runs `node --import tsx src/node.ts` instead.
// The bundle sits two folders below the repository root (.bench-build/gateway/node.mjs) because
// src/db/migrations.ts finds drizzle/ at `../../drizzle` from its own module.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { freePort, type RunningServer, startChild } from './child';
import { REPO_ROOT } from './operation-files';
import { BARE_SERVER_ENTRY } from './peers';
import { BENCH_EDITOR_TOKEN } from './server';

export const BUILD_DIR = join(REPO_ROOT, '.bench-build');
const GATEWAY_BUNDLE = join(BUILD_DIR, 'gateway', 'node.mjs');
const BARE_BUNDLE = join(BUILD_DIR, 'bare', 'bare-server.mjs');
const ESBUILD = join(REPO_ROOT, 'node_modules', '.bin', 'esbuild');

/** How to start a Node entry: `command ...args`. */
export interface NodeLaunch {
  command: string;
  args: string[];
}

export interface Launches {
  gateway: NodeLaunch;
  bare: NodeLaunch;
  /** What is run, for the report: `esbuild bundle of src/node.ts` or `tsx src/node.ts`. */
  how: string;
  /** The gateway bundle (its source map attributes a CPU profile to src/ files), or null under tsx. */
  bundle: string | null;
}

function esbuild(entry: string, outfile: string): string | null {
  mkdirSync(join(outfile, '..'), { recursive: true });
  const args = [
    entry,
    '--bundle',
    '--platform=node',
    '--format=esm',
    '--target=node20',
    '--packages=external',
    '--sourcemap',
    '--log-level=warning',
    `--outfile=${outfile}`,
  ];
  const result = spawnSync(ESBUILD, args, { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.error) return result.error.message;
  return result.status === 0 ? null : `${result.stderr}${result.stdout}`.trim();
}

/**
 * Bundles the gateway and the bare server with esbuild (node_modules/.bin/esbuild, a dependency of
 * tsx), or, with `useTsx` or when that fails, runs both through tsx.
 */
export function prepareLaunches(useTsx: boolean): Launches {
  const tsx: Launches = {
    gateway: { command: process.execPath, args: ['--import', 'tsx', join(REPO_ROOT, 'src', 'node.ts')] },
    bare: { command: process.execPath, args: ['--import', 'tsx', BARE_SERVER_ENTRY] },
    how: '`node --import tsx src/node.ts`',
    bundle: null,
  };
  if (useTsx) return tsx;
  const problem = existsSync(ESBUILD)
    ? (esbuild(join(REPO_ROOT, 'src', 'node.ts'), GATEWAY_BUNDLE) ?? esbuild(BARE_SERVER_ENTRY, BARE_BUNDLE))
    : `${relative(REPO_ROOT, ESBUILD)} not found`;
  if (problem) {
    process.stderr.write(`WARNING: could not bundle with esbuild (${problem}); running through tsx instead.\n`);
    return tsx;
  }
  return {
    gateway: { command: process.execPath, args: [GATEWAY_BUNDLE] },
    bare: { command: process.execPath, args: [BARE_BUNDLE] },
    how: `\`node ${relative(REPO_ROOT, GATEWAY_BUNDLE)}\` (esbuild bundle of src/node.ts, packages external)`,
    bundle: GATEWAY_BUNDLE,
  };
}

/** Where the gateway's data is: DATABASE_URL, or an embedded PGlite kept in a folder (seeded at start). */
export type GatewayDatabase = { databaseUrl: string } | { pgliteDir: string };

/**
 * Settings of the Node entry that would change what is measured; the child runs with the defaults,
 * except EDITOR_TOKEN: the benchmark's own (the uncached path is the editor's, see bench/server.ts).
 */
const RESET = ['DATABASE_URL', 'PGLITE_DIR', 'PORT', 'EDITOR_TOKEN', 'TRUSTED_DOCUMENTS_ONLY', 'EDGE_MAX_AGE'];

/**
 * Starts the gateway (src/node.ts) as a child process on a free port of 127.0.0.1 and resolves once it
 * prints `GraphQL gateway on http://localhost:PORT/graphql`. `nodeFlags` go before the entry (e.g.
 * `--cpu-prof`).
 */
export async function startGateway(
  launch: NodeLaunch,
  database: GatewayDatabase,
  nodeFlags: string[] = [],
): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of RESET) delete env[name];
  env.PORT = String(port);
  env.EDITOR_TOKEN = BENCH_EDITOR_TOKEN;
  // As deployed: graphql-js's development checks (instanceOf's realm check) off, comments open.
  env.NODE_ENV = 'production';
  env.COMMENT_SECRET ??= 'bench-comment-secret';
  if ('databaseUrl' in database) env.DATABASE_URL = database.databaseUrl;
  else env.PGLITE_DIR = database.pgliteDir;
  return startChild({
    name: 'gateway',
    command: launch.command,
    args: [...nodeFlags, ...launch.args],
    cwd: REPO_ROOT,
    env,
    ready: (line) => {
      const match = /GraphQL gateway on http:\/\/localhost:(\d+)\/graphql/.exec(line);
      return match ? `http://127.0.0.1:${match[1]}/graphql` : null;
    },
  });
}
