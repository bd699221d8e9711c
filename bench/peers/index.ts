// Benchmark peers: what the gateway is measured against.
//
// - PostGraphile v4 with its default options (bench/peers/postgraphile/), in its own folder with its
//   own lockfile and graphql 15, installed on demand and run as a child process:
//   `ensurePostGraphileInstalled()`, `startPostGraphile()`, `postgraphileOperations()`.
// - A bare node:http server answering every request with fixed bytes: the ceiling for a cache hit on
//   this machine (`startBareServer()` in this process; `startBareServerChild()` runs it as a child
//   process through bench/peers/bare-server.ts, as the benchmark does, like the gateway).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonReadyLine, type RunningServer, startChild } from '../child';
import { readOperationDir } from '../operation-files';

const PEERS_DIR = fileURLToPath(new URL('.', import.meta.url));
const REPO_ROOT = join(PEERS_DIR, '..', '..');
const POSTGRAPHILE_DIR = join(PEERS_DIR, 'postgraphile');
const POSTGRAPHILE_SERVER = join(POSTGRAPHILE_DIR, 'server.mjs');
const POSTGRAPHILE_OPERATIONS = join(POSTGRAPHILE_DIR, 'operations');
/** The bare server's entry, to run as a child (with tsx, or bundled by bench/build.ts). */
export const BARE_SERVER_ENTRY = join(PEERS_DIR, 'bare-server.ts');

export type RunningPeer = RunningServer;

export interface PeerOperation {
  name: string;
  document: string;
  variables: Record<string, unknown>;
}

let installing: Promise<void> | null = null;

function postgraphileInstalled(): boolean {
  return (
    existsSync(join(POSTGRAPHILE_DIR, 'node_modules', 'postgraphile', 'package.json')) &&
    existsSync(join(POSTGRAPHILE_DIR, 'node_modules', 'graphql', 'package.json'))
  );
}

/**
 * Installs bench/peers/postgraphile/node_modules when it is missing: `npm ci` from its own lockfile
 * (`npm install` when there is none), never touching the root's node_modules. npm's output goes to
 * stderr, so stdout stays free for results.
 */
export function ensurePostGraphileInstalled(): Promise<void> {
  if (postgraphileInstalled()) return Promise.resolve();
  installing ??= new Promise<void>((resolve, reject) => {
    const hasLock = existsSync(join(POSTGRAPHILE_DIR, 'package-lock.json'));
    const args = [hasLock ? 'ci' : 'install', '--prefix', POSTGRAPHILE_DIR, '--no-audit', '--no-fund'];
    process.stderr.write(`peers: installing PostGraphile v4 on demand: npm ${args.join(' ')}\n`);
    const started = performance.now();
    const child = spawn('npm', args, { cwd: REPO_ROOT, stdio: ['ignore', 2, 2] });
    child.once('error', (error) => reject(new Error(`peers: could not run npm: ${error.message}`)));
    child.once('exit', (code, signal) => {
      if (code === 0 && postgraphileInstalled()) {
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        process.stderr.write(`peers: PostGraphile installed in ${seconds} s\n`);
        resolve();
      } else {
        reject(new Error(`peers: npm ${args[0]} for PostGraphile failed (${signal ?? `exit code ${code}`})`));
      }
    });
  }).finally(() => {
    installing = null;
  });
  return installing;
}

/** PostGraphile's own default size of its prepared-statement LRU, per connection. */
export const POSTGRAPHILE_DEFAULT_PREPARED_STATEMENTS = 100;

/**
 * Starts PostGraphile v4 (bench/peers/postgraphile/server.mjs, default options, pool of 10) on a free
 * port of 127.0.0.1 against `databaseUrl`, installing it first if needed; resolves once its schema
 * is built and it listens. `preparedStatementCacheSize` sets POSTGRAPHILE_PREPARED_STATEMENT_CACHE_SIZE
 * (below 2, e.g. 1, disables prepared statements); left out, the variable is removed from the
 * child's environment, so PostGraphile runs with its default (an LRU of 100 per connection).
 * The child's stderr is forwarded to this process's stderr.
 */
export async function startPostGraphile(options: {
  databaseUrl: string;
  preparedStatementCacheSize?: number;
}): Promise<RunningPeer> {
  await ensurePostGraphileInstalled();
  // Production mode, as the gateway runs in the benchmark (graphql's development checks off for both).
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    PORT: '0',
    NODE_ENV: 'production',
  };
  delete env.POSTGRAPHILE_PREPARED_STATEMENT_CACHE_SIZE;
  if (options.preparedStatementCacheSize !== undefined) {
    const size = options.preparedStatementCacheSize;
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new Error(`preparedStatementCacheSize must be a whole number ≥ 0; got ${size}`);
    }
    env.POSTGRAPHILE_PREPARED_STATEMENT_CACHE_SIZE = String(size);
  }
  return startChild({
    name: 'postgraphile',
    command: process.execPath,
    args: [POSTGRAPHILE_SERVER],
    cwd: REPO_ROOT,
    env,
    ready: jsonReadyLine,
  });
}

/**
 * The operations PostGraphile is measured with (bench/peers/postgraphile/operations/*.graphql, each
 * with its `.variables.json`), by name: the equivalents of the gateway's schema/operations/.
 */
export function postgraphileOperations(): PeerOperation[] {
  return readOperationDir(POSTGRAPHILE_OPERATIONS).map(({ name, document, variables }) => ({
    name,
    document,
    variables,
  }));
}

/** What the bare server answers: a status-200 response's exact body and headers. */
export interface FixedResponse {
  body: string | Uint8Array;
  headers: Record<string, string>;
}

/** Framing headers Node writes itself; a captured response's are dropped, the server sends its own. */
const FRAMING = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);

/**
 * A bare node:http server in this process, on a free port of 127.0.0.1, that answers every request
 * (any method and path), once its body is read, with status 200 and exactly `response.body` and
 * `response.headers`: the most a cache hit can be served at on this machine. `content-length` is
 * added when absent (so the body is not chunked); Node adds `Date` and its `Connection: keep-alive`
 * / `Keep-Alive` framing headers, as it does for the gateway (those of `response.headers` are
 * dropped, so they are not sent twice).
 */
export async function startBareServer(response: FixedResponse): Promise<RunningPeer> {
  const body = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : Buffer.from(response.body);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (!FRAMING.has(name.toLowerCase())) headers[name] = value;
  }
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-length')) {
    headers['content-length'] = String(body.byteLength);
  }
  const server = createServer((req, res) => {
    req.on('end', () => {
      res.writeHead(200, headers);
      res.end(body);
    });
    req.on('error', () => res.destroy());
    req.resume();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    pid: process.pid,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/**
 * `startBareServer(response)` in a child process of its own, like the gateway it is compared with
 * (own event loop and heap, nothing else loaded, the same share of the machine). `node` is how to run
 * BARE_SERVER_ENTRY: e.g. `[process.execPath, ['--import', 'tsx', BARE_SERVER_ENTRY]]` or a bundle of it.
 */
export async function startBareServerChild(
  response: FixedResponse,
  node: { command: string; args: string[] },
): Promise<RunningPeer> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bare-'));
  const bodyFile = join(dir, 'body');
  const headersFile = join(dir, 'headers.json');
  writeFileSync(bodyFile, typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : response.body);
  writeFileSync(headersFile, JSON.stringify(response.headers));
  try {
    return await startChild({
      name: 'bare',
      command: node.command,
      args: [...node.args, bodyFile, headersFile],
      cwd: REPO_ROOT,
      env: process.env,
      ready: jsonReadyLine,
    });
  } finally {
    // The child has read both files once it is ready (or it failed).
    rmSync(dir, { recursive: true, force: true });
  }
}
