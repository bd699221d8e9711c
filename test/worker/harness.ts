// Everything the workerd end-to-end tests run against: one `wrangler dev` (workerd) serving a snapshot
// of the Worker, the WebSocket-to-TCP relay in front of the test Postgres (which a test may stop,
// replace with a black hole and start again on the same port), and a stand-in for Cloudflare's API.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type NeonHttpStandIn, startNeonHttpStandIn } from '../../scripts/neon-http-standin';
import { type Relay, type RelayStats, startRelay } from '../../scripts/ws-relay';

const root = fileURLToPath(new URL('../..', import.meta.url));
const STARTUP_TIMEOUT_MS = 120_000;

/** One call the Worker made to (our stand-in for) Cloudflare's purge API. */
export interface PurgeCall {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: any;
}

export interface WorkerUnderTest {
  /** `http://127.0.0.1:<port>` of wrangler dev. */
  origin: string;
  /** The snapshot wrangler serves (src/, public/ with the playground files, wrangler.toml). */
  dir: string;
  /** What wrangler and workerd printed so far (the tail), for failure messages. */
  output(): string;
  /** Purge calls received by the Cloudflare API stand-in, oldest first; tests may clear it. */
  purgeCalls: PurgeCall[];
  /** Base URL handed to the Worker as CLOUDFLARE_API_BASE. */
  cloudflareApiBase: string;
  /** Neon's HTTP endpoint's local stand-in, when reads go over HTTP (a real Neon cannot run here). */
  neonHttp?: NeonHttpStandIn;
  relay: {
    readonly port: number;
    /** What crossed the relay since the last reset: connections, upgrades, round trips. */
    stats(): RelayStats;
    resetStats(): void;
    /** Closes the relay: the Worker's WebSocket to Postgres is refused from now on. */
    stop(): Promise<void>;
    /** Accepts TCP connections on the relay's port and never answers: the database hangs. */
    blackHole(): Promise<void>;
    /** Starts the relay again on the same port (stopping a black hole first). */
    start(): Promise<void>;
  };
  stop(): Promise<void>;
}

/** What a stopped relay reports. */
function emptyStats(): RelayStats {
  return {
    connections: 0,
    upgrades: 0,
    refused: 0,
    roundTrips: 0,
    clientFlights: 0,
    framesFromClient: 0,
    bytesFromClient: 0,
    framesToClient: 0,
    bytesToClient: 0,
    perConnection: [],
  };
}

/** A port nobody listens on right now (wrangler wants a number up front). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to wrangler's whole process group (npx, node, esbuild, workerd), SIGKILL if it lingers. */
async function killGroup(child: ChildProcess | undefined) {
  const pid = child?.pid;
  if (!pid || !groupAlive(pid)) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {}
  const deadline = Date.now() + 10_000;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
    while (groupAlive(pid)) await sleep(50);
  }
}

function listen(server: Server | HttpServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * Cloudflare's API cannot be reached from here (no network, no zone, no token), so this tiny HTTP
 * server stands in for api.cloudflare.com: it records every call and answers like the purge endpoint.
 */
async function startCloudflareStandIn(calls: PurgeCall[]) {
  const server = createHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {}
      calls.push({
        method: request.method ?? '',
        path: request.url ?? '',
        authorization: request.headers.authorization,
        contentType: request.headers['content-type'],
        body,
      });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ success: true, errors: [], messages: [], result: { id: 'purge-test' } }));
    });
  });
  const port = await listen(server, 0);
  return {
    base: `http://127.0.0.1:${port}/client/v4`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A copy of what wrangler needs (src/, wrangler.toml, package.json, tsconfig.json, the playground's
 * files; node_modules linked), so that edits other people make in src/ while the tests run do not
 * make wrangler reload the Worker halfway (a new isolate forgets the cache's tag index), and so that
 * its Cache API (`.wrangler/state`) starts empty instead of holding a previous run's answers.
 */
function snapshot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'worker-e2e-'));
  cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
  // wrangler's [build] step (the playground's files) runs a script from here.
  cpSync(join(root, 'scripts'), join(dir, 'scripts'), { recursive: true });
  for (const file of ['wrangler.toml', 'package.json', 'tsconfig.json']) cpSync(join(root, file), join(dir, file));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/**
 * Starts the relay, the Cloudflare API stand-in and `wrangler dev` with `vars` (plus DATABASE_URL,
 * NEON_WS_PROXY and the Cloudflare ones), and resolves once the Worker answers.
 */
export async function startWorkerUnderTest(options: {
  databaseUrl: string;
  /** How the Worker reads: `websocket` through the relay (default), or `http` through the stand-in. */
  reads?: 'websocket' | 'http';
  vars?: Record<string, string>;
  /** Pass CLOUDFLARE_ZONE_ID / CLOUDFLARE_API_TOKEN / CLOUDFLARE_API_BASE pointing at the stand-in. */
  cloudflare?: { zoneId: string; apiToken: string };
}): Promise<WorkerUnderTest> {
  const dir = snapshot();
  const purgeCalls: PurgeCall[] = [];
  const cloudflare = await startCloudflareStandIn(purgeCalls);

  let relay: Relay | undefined = await startRelay(0);
  const relayPort = relay.port;
  // The driver's HTTP path drops the port and parameters of the connection string, so the stand-in
  // is pinned to the test database.
  const neonHttp =
    options.reads === 'http' ? await startNeonHttpStandIn({ databaseUrl: options.databaseUrl }) : undefined;
  let hole: { server: Server; sockets: Set<Socket> } | undefined;

  const vars: Record<string, string> = {
    DATABASE_URL: options.databaseUrl,
    NEON_WS_PROXY: `127.0.0.1:${relayPort}/v1`,
    ...(neonHttp ? { NEON_HTTP_ENDPOINT: neonHttp.url } : { NEON_READS: 'websocket' }),
    // Domain suites send thousands of uncached operations from one address: the anonymous budget is
    // test/worker/security.e2e.test.ts's subject, which sets its own.
    ANONYMOUS_COST_PER_MINUTE: String(Number.MAX_SAFE_INTEGER),
    ...(options.cloudflare && {
      CLOUDFLARE_ZONE_ID: options.cloudflare.zoneId,
      CLOUDFLARE_API_TOKEN: options.cloudflare.apiToken,
      CLOUDFLARE_API_BASE: cloudflare.base,
    }),
    ...options.vars,
  };

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let output = '';
  const started = performance.now();
  const wrangler = spawn(
    'npx',
    [
      'wrangler',
      'dev',
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--inspector-port',
      String(await freePort()),
      '--show-interactive-dev-session=false',
      ...Object.entries(vars).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
    ],
    {
      cwd: dir,
      // Its own process group, so stop() can end npx, wrangler, esbuild and workerd together.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', FORCE_COLOR: '0', NO_COLOR: '1' },
    },
  );
  const killOnExit = () => {
    if (wrangler.pid && groupAlive(wrangler.pid)) process.kill(-wrangler.pid, 'SIGKILL');
  };
  process.once('exit', killOnExit);
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  wrangler.stdout?.on('data', collect);
  wrangler.stderr?.on('data', collect);
  let exited: string | null = null;
  wrangler.once('exit', (code, signal) => {
    exited = `wrangler exited early (code ${code}, signal ${signal})`;
  });

  async function closeHole() {
    if (!hole) return;
    const { server, sockets } = hole;
    hole = undefined;
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  const stop = async () => {
    await killGroup(wrangler);
    process.off('exit', killOnExit);
    await relay?.close();
    relay = undefined;
    await closeHole();
    await neonHttp?.close();
    await cloudflare.close();
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    for (;;) {
      if (exited) throw new Error(`${exited}\n${output}`);
      if (Date.now() > deadline)
        throw new Error(`wrangler dev did not answer within ${STARTUP_TIMEOUT_MS} ms\n${output}`);
      const response = await fetch(`${origin}/graphql?query=%7B__typename%7D`, {
        signal: AbortSignal.timeout(5_000),
      }).catch(() => null);
      if (response?.ok) {
        await response.text();
        break;
      }
      await sleep(200);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  console.info(`[worker e2e] wrangler dev answered after ${Math.round(performance.now() - started)} ms on ${origin}`);

  return {
    origin,
    dir,
    output: () => output.slice(-6_000),
    purgeCalls,
    cloudflareApiBase: cloudflare.base,
    neonHttp,
    relay: {
      port: relayPort,
      stats: () => relay?.stats() ?? emptyStats(),
      resetStats: () => relay?.resetStats(),
      async stop() {
        await relay?.close();
        relay = undefined;
        await closeHole();
      },
      async blackHole() {
        await this.stop();
        const sockets = new Set<Socket>();
        const server = createServer((socket) => {
          sockets.add(socket);
          socket.on('error', () => {});
          socket.on('close', () => sockets.delete(socket));
        });
        await listen(server, relayPort);
        hole = { server, sockets };
      },
      async start() {
        await this.stop();
        relay = await startRelay(relayPort);
      },
    },
    stop,
  };
}
