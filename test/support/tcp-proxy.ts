// A TCP proxy on 127.0.0.1 that the reliability tests put between the gateway's pool and Postgres,
// to make the network fail the way real ones do, while requests run:
//
// - `pass`: bytes flow both ways (the default, and what `restore()` returns to).
// - `refuse()`: the database went away: the listener is closed (new connections are refused by the
//   kernel: ECONNREFUSED) and every open connection is closed (FIN), as a stopped server does.
// - `reset()`: every open connection is reset (RST: ECONNRESET in the middle of whatever it was
//   doing), and so is every new one as soon as it is accepted.
// - `blackHole()`: a network partition: open connections stay open but nothing crosses them either
//   way, new ones are accepted and then hear nothing. Connections caught in it stay silent for good,
//   even after `restore()` (as when a NAT or load balancer lost their state, or TCP gave up on
//   them): only their owner closing them frees them. New connections after `restore()` work.
// - `slow(ms)`: every chunk, either way, is delivered `ms` late (order kept).
//
// `counters()` tells what crossed it: connections accepted, open now, silenced by the black hole
// and still open (what a pool would leak), reset, bytes each way.
import { connect, createServer, type Server, type Socket } from 'node:net';

export type ProxyMode = 'pass' | 'refuse' | 'reset' | 'blackhole' | 'slow';

export interface ProxyCounters {
  /** Client connections accepted since the start. */
  accepted: number;
  /** Client connections open now. */
  open: number;
  /** Open connections the black hole silenced (open now): nobody will ever answer them. */
  silenced: number;
  /** Connections the proxy reset (RST), open ones and new ones. */
  reset: number;
  /** Connections closed by their client (e.g. a pool dropping a connection stuck past its time limit). */
  closedByClient: number;
  /** Bytes forwarded towards the database and back. */
  bytesUp: number;
  bytesDown: number;
}

export interface TcpProxy {
  readonly port: number;
  /** Where it forwards to. */
  readonly target: { host: string; port: number };
  readonly mode: ProxyMode;
  /** The connection string with its host and port replaced by the proxy's. */
  url(connectionString: string): string;
  refuse(): Promise<void>;
  reset(): void;
  blackHole(): void;
  slow(ms: number): void;
  /** Back to `pass`: listening again if it was refusing; silenced connections stay silent. */
  restore(): Promise<void>;
  counters(): ProxyCounters;
  close(): Promise<void>;
}

interface Link {
  client: Socket;
  upstream?: Socket;
  /** Caught in a black hole: nothing crosses it any more. */
  silenced: boolean;
  closed: boolean;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = 'pass';
  let delayMs = 0;
  const links = new Set<Link>();
  const counts = { accepted: 0, reset: 0, closedByClient: 0, bytesUp: 0, bytesDown: 0 };
  let server: Server | undefined;
  let port = 0;

  const finish = (link: Link) => {
    if (link.closed) return;
    link.closed = true;
    links.delete(link);
    link.client.destroy();
    link.upstream?.destroy();
  };

  /** Forwards `from` → `to` as the mode says: at once, late, or not at all. */
  const forward = (link: Link, from: Socket, to: () => Socket | undefined, up: boolean) => {
    let lastAt = 0;
    from.on('data', (chunk: Buffer) => {
      if (link.silenced || link.closed) return;
      const deliver = () => {
        const destination = to();
        if (link.silenced || link.closed || !destination || destination.destroyed) return;
        if (up) counts.bytesUp += chunk.length;
        else counts.bytesDown += chunk.length;
        destination.write(chunk);
      };
      if (mode !== 'slow') return deliver();
      // Each chunk `delayMs` late, never ahead of the one before it.
      const now = performance.now();
      lastAt = Math.max(now + delayMs, lastAt);
      setTimeout(deliver, lastAt - now);
    });
  };

  const onConnection = (client: Socket) => {
    counts.accepted += 1;
    client.setNoDelay(true);
    client.on('error', () => {});
    if (mode === 'reset') {
      counts.reset += 1;
      client.resetAndDestroy();
      return;
    }
    const link: Link = { client, silenced: mode === 'blackhole', closed: false };
    links.add(link);
    client.on('close', () => {
      if (!link.closed) counts.closedByClient += 1;
      finish(link);
    });
    // Read even what is dropped, so that the client closing its end is seen.
    forward(link, client, () => link.upstream, true);
    if (link.silenced) return;
    const upstream = connect({ host: target.host, port: target.port });
    link.upstream = upstream;
    upstream.setNoDelay(true);
    // The database closing a connection reaches its client, unless a black hole swallows that too.
    upstream.on('error', () => {});
    upstream.on('close', () => {
      if (!link.silenced) finish(link);
    });
    forward(link, upstream, () => link.client, false);
  };

  const listen = (on: number) =>
    new Promise<void>((resolve, reject) => {
      const next = createServer(onConnection);
      next.once('error', reject);
      next.listen(on, '127.0.0.1', () => {
        next.off('error', reject);
        const address = next.address();
        port = typeof address === 'object' && address ? address.port : on;
        server = next;
        resolve();
      });
    });

  /** Stops listening at once (new connections are refused); open connections are left as they are. */
  const stopListening = () => {
    const current = server;
    server = undefined;
    current?.close();
  };

  await listen(0);

  return {
    target,
    get port() {
      return port;
    },
    get mode() {
      return mode;
    },
    url(connectionString) {
      const url = new URL(connectionString);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    async refuse() {
      mode = 'refuse';
      stopListening();
      for (const link of [...links]) {
        link.client.end();
        finish(link);
      }
    },
    reset() {
      mode = 'reset';
      for (const link of [...links]) {
        counts.reset += 1;
        link.closed = true;
        links.delete(link);
        link.client.resetAndDestroy();
        link.upstream?.destroy();
      }
    },
    blackHole() {
      mode = 'blackhole';
      for (const link of links) link.silenced = true;
    },
    slow(ms) {
      mode = 'slow';
      delayMs = ms;
    },
    async restore() {
      mode = 'pass';
      if (!server) await listen(port);
    },
    counters: () => ({
      ...counts,
      open: links.size,
      silenced: [...links].filter((link) => link.silenced).length,
    }),
    async close() {
      stopListening();
      for (const link of [...links]) finish(link);
    },
  };
}
