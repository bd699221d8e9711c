// `npm run dev:worker`: the Worker under `wrangler dev` against a local Postgres (wrangler's [build]
// step copies the GraphiQL assets). Starts the WebSocket-to-TCP relay in-process and runs wrangler with inherited
// stdio; extra arguments go to wrangler (`npm run dev:worker -- --port 8788`).
//
// DATABASE_URL comes from the environment or from .dev.vars (see .dev.vars.example). When it
// names a loopback host, the Neon driver is pointed at the relay; otherwise (a real Neon
// database) it connects directly and no relay is started.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RELAY_PORT, type Relay, startRelay } from './ws-relay';

const root = fileURLToPath(new URL('..', import.meta.url));

/** KEY=VALUE lines, `#` comments, optional quotes: enough of the dotenv format for .dev.vars. */
export function parseDevVars(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    let value = match[2] ?? '';
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    else value = value.replace(/\s+#.*$/, '');
    vars[match[1] as string] = value;
  }
  return vars;
}

const devVarsFile = join(root, '.dev.vars');
const devVars = existsSync(devVarsFile) ? parseDevVars(readFileSync(devVarsFile, 'utf8')) : {};
const databaseUrl = process.env.DATABASE_URL || devVars.DATABASE_URL;
if (!databaseUrl) {
  console.error('dev:worker needs DATABASE_URL: set it in the environment, or `cp .dev.vars.example .dev.vars`.');
  process.exit(1);
}

const host = new URL(databaseUrl).hostname.replace(/^\[|\]$/g, '');
const local = ['127.0.0.1', '::1', 'localhost'].includes(host);
// Local development: the playground may introspect without a key.
const vars = [`DATABASE_URL:${databaseUrl}`, 'INTROSPECTION:open'];
let relay: Relay | undefined;
if (local) {
  const port = Number(process.env.RELAY_PORT ?? DEFAULT_RELAY_PORT);
  relay = await startRelay(port, {
    log: (message) => {
      if (process.env.RELAY_VERBOSE === '1' || /error|refused/.test(message)) console.error(`[relay] ${message}`);
    },
  });
  // A local Postgres has no HTTP SQL endpoint: the Worker reads over the relay's WebSocket too.
  vars.push(`NEON_WS_PROXY:127.0.0.1:${relay.port}/v1`, 'NEON_READS:websocket');
  console.log(`[dev:worker] relay on ws://127.0.0.1:${relay.port}/v1 -> ${host}`);
} else {
  console.log(`[dev:worker] DATABASE_URL is not local (${host}): the driver connects to it directly, no relay`);
}

// wrangler's own launcher, run with this Node (no npx/sh layers that would swallow signals).
const wranglerBin = join(
  dirname(createRequire(import.meta.url).resolve('wrangler/package.json')),
  'bin',
  'wrangler.js',
);
const args = ['dev', ...vars.flatMap((v) => ['--var', v]), ...process.argv.slice(2)];
const wrangler = spawn(process.execPath, [wranglerBin, ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, WRANGLER_SEND_METRICS: process.env.WRANGLER_SEND_METRICS ?? 'false' },
});

// Ctrl-C in a terminal reaches wrangler directly (same process group), so SIGINT is only passed
// on if wrangler is still running a moment later; SIGTERM and SIGHUP are passed on at once.
process.on('SIGINT', () => {
  setTimeout(() => {
    if (wrangler.exitCode === null && wrangler.signalCode === null) wrangler.kill('SIGINT');
  }, 1_000).unref();
});
for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (wrangler.exitCode === null && wrangler.signalCode === null) wrangler.kill(signal);
  });
}

wrangler.on('error', async (error) => {
  console.error(`[dev:worker] could not start wrangler: ${error.message}`);
  await relay?.close();
  process.exit(1);
});
wrangler.on('exit', async (code, signal) => {
  await relay?.close();
  process.exit(code ?? (signal ? 0 : 1));
});
