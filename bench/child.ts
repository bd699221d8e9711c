// Servers under test run as child processes, each with its own event loop and heap: the gateway,
// PostGraphile and the bare server alike. A child says it is ready with a line on stdout; its
// stderr, and the other lines of its stdout, are forwarded to this process's stderr.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

const READY_TIMEOUT_MS = 60_000;
const CLOSE_TIMEOUT_MS = 10_000;

export interface RunningServer {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:41234/graphql`. */
  url: string;
  pid: number;
  /** Stops it (SIGTERM, SIGKILL after 10 s) and resolves once it is gone. Safe to call more than once. */
  close(): Promise<void>;
}

export interface ChildOptions {
  /** Prefix of its forwarded output, e.g. `gateway`. */
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The endpoint when `line` is the ready line, else null. */
  ready(line: string): string | null;
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
}

/** Starts a server as a child process and resolves once it printed its ready line. */
export async function startChild(options: ChildOptions): Promise<RunningServer> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never leave a server behind when this process exits without closing it.
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
        reject(new Error(`${options.name}: no stdout`));
        return;
      }
      const lines = createInterface({ input: stdout });
      let ready = false;
      const timer = setTimeout(
        () => reject(new Error(`${options.name}: not ready after ${READY_TIMEOUT_MS / 1000} s\n${stderrTail}`)),
        READY_TIMEOUT_MS,
      );
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        clearTimeout(timer);
        reject(new Error(`${options.name} exited before ready (${signal ?? `exit code ${code}`})\n${stderrTail}`));
      };
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', onExit);
      lines.on('line', (line) => {
        const url = ready ? null : options.ready(line);
        if (url) {
          ready = true;
          clearTimeout(timer);
          child.removeListener('exit', onExit);
          resolve(url);
        } else {
          process.stderr.write(`${options.name}: ${line}\n`);
        }
      });
    });
    if (child.pid === undefined) throw new Error(`${options.name}: no pid`);
    return { url, pid: child.pid, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A port of 127.0.0.1 free right now (for servers that print the port they were given). */
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

/** `{"ready":true,"url":"…"}`: the ready line of bench's own peers (PostGraphile, the bare server). */
export function jsonReadyLine(line: string): string | null {
  if (!line.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null) return null;
    const { ready, url } = value as { ready?: unknown; url?: unknown };
    return ready === true && typeof url === 'string' ? url : null;
  } catch {
    return null;
  }
}
