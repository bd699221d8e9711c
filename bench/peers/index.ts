// Benchmark peers: what the gateway is measured against.
//
// - PostGraphile v4 with its default options (bench/peers/postgraphile/), in its own folder with its
//   own lockfile and graphql 15, installed on demand and run as a child process:
//   `ensurePostGraphileInstalled()`, `startPostGraphile()`, `postgraphileOperations()`.
// - A bare node:http server answering every request with fixed bytes, in this process: the ceiling
//   for a cache hit on this machine (`startBareServer()`).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const PEERS_DIR = fileURLToPath(new URL('.', import.meta.url));
const REPO_ROOT = join(PEERS_DIR, '..', '..');
const POSTGRAPHILE_DIR = join(PEERS_DIR, 'postgraphile');
const POSTGRAPHILE_SERVER = join(POSTGRAPHILE_DIR, 'server.mjs');
const POSTGRAPHILE_OPERATIONS = join(POSTGRAPHILE_DIR, 'operations');
const READY_TIMEOUT_MS = 60_000;
const CLOSE_TIMEOUT_MS = 10_000;

export interface RunningPeer {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:41234/graphql`. */
  url: string;
  /** Stops the peer and resolves once it is gone. Safe to call more than once. */
  close(): Promise<void>;
}

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

interface ReadyLine {
  ready: true;
  url: string;
}

function parseReady(line: string): ReadyLine | null {
  if (!line.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null) return null;
    const { ready, url } = value as { ready?: unknown; url?: unknown };
    return ready === true && typeof url === 'string' ? { ready, url } : null;
  } catch {
    return null;
  }
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
}

/**
 * Starts PostGraphile v4 (bench/peers/postgraphile/server.mjs, default options, pool of 10) on a free
 * port of 127.0.0.1 against `databaseUrl`, installing it first if needed; resolves once its schema
 * is built and it listens. `preparedStatementCacheSize` sets POSTGRAPHILE_PREPARED_STATEMENT_CACHE_SIZE
 * (PostGraphile's default is 100 per connection; below 2, e.g. 0, disables prepared statements);
 * left out, the variable is inherited from this process's environment as is. The child's stderr
 * is forwarded to this process's stderr.
 */
export async function startPostGraphile(options: {
  databaseUrl: string;
  preparedStatementCacheSize?: number;
}): Promise<RunningPeer> {
  await ensurePostGraphileInstalled();
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: options.databaseUrl, PORT: '0' };
  if (options.preparedStatementCacheSize !== undefined) {
    const size = options.preparedStatementCacheSize;
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new Error(`preparedStatementCacheSize must be a whole number ≥ 0; got ${size}`);
    }
    env.POSTGRAPHILE_PREPARED_STATEMENT_CACHE_SIZE = String(size);
  }
  const child = spawn(process.execPath, [POSTGRAPHILE_SERVER], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never leave the peer behind when this process exits without closing it.
  const killOnExit = () => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4000);
  });

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), CLOSE_TIMEOUT_MS);
        await waitForExit(child);
        clearTimeout(timer);
      }
      process.removeListener('exit', killOnExit);
    })();
    return closing;
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const stdout = child.stdout;
      if (!stdout) {
        reject(new Error('peers: PostGraphile has no stdout'));
        return;
      }
      const lines = createInterface({ input: stdout });
      const timer = setTimeout(
        () => reject(new Error(`peers: PostGraphile not ready after ${READY_TIMEOUT_MS / 1000} s\n${stderrTail}`)),
        READY_TIMEOUT_MS,
      );
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        clearTimeout(timer);
        reject(new Error(`peers: PostGraphile exited before ready (${signal ?? `exit code ${code}`})\n${stderrTail}`));
      };
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', onExit);
      lines.on('line', (line) => {
        const ready = parseReady(line);
        if (ready) {
          clearTimeout(timer);
          child.removeListener('exit', onExit);
          resolve(ready.url);
        } else {
          process.stderr.write(`postgraphile: ${line}\n`);
        }
      });
    });
    return { url, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The operations PostGraphile is measured with (bench/peers/postgraphile/operations/*.graphql, each
 * with its `.variables.json`), by name: the equivalents of the gateway's schema/operations/.
 */
export function postgraphileOperations(): PeerOperation[] {
  return readdirSync(POSTGRAPHILE_OPERATIONS)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.graphql'.length);
      const document = readFileSync(join(POSTGRAPHILE_OPERATIONS, file), 'utf8');
      const variablesFile = join(POSTGRAPHILE_OPERATIONS, `${name}.variables.json`);
      let variables: Record<string, unknown> = {};
      if (existsSync(variablesFile)) {
        const parsed: unknown = JSON.parse(readFileSync(variablesFile, 'utf8'));
        if (!isRecord(parsed)) throw new Error(`${variablesFile}: expected a JSON object`);
        variables = parsed;
      }
      return { name, document, variables };
    });
}

/**
 * A bare node:http server in this process, on a free port of 127.0.0.1, that answers every request
 * (any method and path), once its body is read, with status 200 and exactly `response.body` and
 * `response.headers`: the most a cache hit can be served at on this machine. `content-length` is
 * added when absent (so the body is not chunked) and `Date` is not sent; Node still adds its
 * `Connection: keep-alive` / `Keep-Alive` framing headers, as it does for the gateway.
 */
export async function startBareServer(response: {
  body: string;
  headers: Record<string, string>;
}): Promise<RunningPeer> {
  const body = Buffer.from(response.body, 'utf8');
  const headers: Record<string, string> = { ...response.headers };
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-length')) {
    headers['content-length'] = String(body.byteLength);
  }
  const server = createServer((req, res) => {
    res.sendDate = false;
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
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
