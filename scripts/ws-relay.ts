// A WebSocket-to-TCP relay for local development and CI: Neon's serverless driver only speaks
// WebSocket, so inside `wrangler dev` it reaches a plain Postgres through this relay
// (`NEON_WS_PROXY=127.0.0.1:8790/v1`, see src/db/neon.ts). The driver opens
// `ws://127.0.0.1:8790/v1?address=HOST:PORT`; the relay opens a TCP connection to HOST:PORT and
// pipes bytes both ways as binary frames until either side closes.
//
// Only loopback targets are relayed: this is a development tool, never an open proxy.
//
// It also counts what a connection costs (`relay.stats()`). A *client flight* is a run of frames
// from the client with nothing from the server in between; a new one starts with the first frame
// and with each client frame that follows server bytes. A *round trip* is a client flight the
// server answers (server bytes follow it), i.e. one request/response turn of the Postgres protocol
// that the client waits for; the Terminate sent on close is a flight without a round trip. The
// WebSocket upgrade (HTTP 101) is a round trip of its own, counted as `upgrades`; TCP and TLS
// handshakes are not seen here. Turns are observed at the relay, so a pipelining client whose
// later frames arrive after the server has started answering would show extra flights.
//
// Usage: `npm run relay` (port from RELAY_PORT, default 8790), or `startRelay(port)` in-process.
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type RawData, WebSocket, WebSocketServer } from 'ws';

export const DEFAULT_RELAY_PORT = 8790;

/** Hosts the relay will connect to. Anything else is refused with 403 before the upgrade. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/** Above this many bytes queued towards the WebSocket, reading from Postgres pauses. */
const HIGH_WATER_MARK = 1 << 20;

/** Traffic counters, per WebSocket connection and in total (see the definitions above). */
export interface RelayTraffic {
  roundTrips: number;
  clientFlights: number;
  framesFromClient: number;
  bytesFromClient: number;
  framesToClient: number;
  bytesToClient: number;
}

export interface RelayConnectionStats extends RelayTraffic {
  /** 1, 2, … in order of upgrade. */
  id: number;
  /** `host:port` relayed to. */
  target: string;
  open: boolean;
}

export interface RelayStats extends RelayTraffic {
  /** TCP connections accepted by the relay's HTTP server. */
  connections: number;
  /** WebSocket upgrades completed (HTTP 101): one round trip each, before any Postgres byte. */
  upgrades: number;
  /** Upgrades refused (bad or non-loopback address). */
  refused: number;
  /** Copies, oldest first; the most recent closed ones are kept (up to 1000) plus every open one. */
  perConnection: RelayConnectionStats[];
}

export interface Relay {
  /** The port actually listened on (useful when started on port 0). */
  port: number;
  /** Stops accepting connections, drops the open ones and resolves once the server is closed. */
  close(): Promise<void>;
  /** Counters since start or the last `resetStats()`. */
  stats(): RelayStats;
  /** Zeroes every counter; open connections keep being counted from here. */
  resetStats(): void;
}

export interface RelayOptions {
  /** Interface to listen on; loopback by default. */
  host?: string;
  /** Where connection events and errors go; silent unless given. */
  log?: (message: string) => void;
}

export interface RelayTarget {
  host: string;
  port: number;
}

/**
 * Parses the `address` query parameter (`127.0.0.1:5432`, `localhost:5432`, `[::1]:5432` or
 * `::1:5432`) and returns it only when it names a loopback host and a valid port.
 */
export function parseTarget(address: string | null): RelayTarget | { error: string } {
  if (!address) return { error: 'missing address query parameter (host:port)' };
  const colon = address.lastIndexOf(':');
  if (colon <= 0) return { error: `address ${JSON.stringify(address)} is not host:port` };
  let host = address.slice(0, colon).toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  const portText = address.slice(colon + 1);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    return { error: `address ${JSON.stringify(address)} has no valid port` };
  }
  if (!LOOPBACK_HOSTS.has(host)) {
    return {
      error: `refusing non-loopback target ${JSON.stringify(host)} (allowed: ${[...LOOPBACK_HOSTS].join(', ')})`,
    };
  }
  return { host, port };
}

function refuseUpgrade(socket: Duplex, status: number, reason: string, message: string) {
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Closed connections whose counters stay listed in `perConnection`. */
const KEPT_CLOSED_CONNECTIONS = 1000;

const emptyTraffic = (): RelayTraffic => ({
  roundTrips: 0,
  clientFlights: 0,
  framesFromClient: 0,
  bytesFromClient: 0,
  framesToClient: 0,
  bytesToClient: 0,
});

/** Counts one connection's turns into its own record and the relay's totals at once. */
class TrafficMeter {
  private lastSender: 'client' | 'server' | undefined;

  constructor(
    readonly record: RelayConnectionStats,
    private readonly totals: RelayTraffic,
  ) {}

  fromClient(bytes: number) {
    const newFlight = this.lastSender !== 'client';
    for (const c of [this.record, this.totals]) {
      c.framesFromClient++;
      c.bytesFromClient += bytes;
      if (newFlight) c.clientFlights++;
    }
    this.lastSender = 'client';
  }

  toClient(bytes: number) {
    const answered = this.lastSender === 'client';
    for (const c of [this.record, this.totals]) {
      c.framesToClient++;
      c.bytesToClient += bytes;
      if (answered) c.roundTrips++;
    }
    this.lastSender = 'server';
  }
}

/** Pipes one accepted WebSocket to a fresh TCP connection; both close together. */
function bridge(
  ws: WebSocket,
  target: RelayTarget,
  log: (message: string) => void,
  sockets: Set<Socket>,
  meter: TrafficMeter,
) {
  const label = `${target.host}:${target.port}`;
  // Writes made before the TCP connection is up are queued by net.Socket and flushed on connect,
  // so the driver's startup message that follows the upgrade immediately is not lost.
  const tcp = connect({ host: target.host, port: target.port });
  tcp.setNoDelay(true);
  sockets.add(tcp);
  let closed = false;

  const closeBoth = (code: number, reason: string) => {
    if (closed) return;
    closed = true;
    meter.record.open = false;
    sockets.delete(tcp);
    tcp.destroy();
    if (ws.readyState === WebSocket.OPEN) ws.close(code, reason.slice(0, 120));
    else if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
    // A peer that never answers the close handshake must not keep the connection alive.
    setTimeout(() => ws.terminate(), 1_000).unref();
  };

  let waitingForDrain = false;
  ws.on('message', (data: RawData) => {
    if (closed) return;
    const chunk = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    meter.fromClient(chunk.length);
    if (!tcp.write(chunk) && !waitingForDrain) {
      waitingForDrain = true;
      ws.pause();
      tcp.once('drain', () => {
        waitingForDrain = false;
        ws.resume();
      });
    }
  });
  ws.on('close', () => {
    log(`ws closed (${label})`);
    closeBoth(1000, 'websocket closed');
  });
  ws.on('error', (error) => {
    log(`ws error (${label}): ${error.message}`);
    closeBoth(1011, 'websocket error');
  });

  tcp.on('connect', () => log(`tcp connected to ${label}`));
  tcp.on('data', (chunk: Buffer) => {
    if (ws.readyState !== WebSocket.OPEN) return;
    meter.toClient(chunk.length);
    ws.send(chunk, { binary: true }, (error) => {
      if (error) return;
      if (tcp.isPaused() && ws.bufferedAmount < HIGH_WATER_MARK) tcp.resume();
    });
    if (ws.bufferedAmount >= HIGH_WATER_MARK) tcp.pause();
  });
  tcp.on('end', () => closeBoth(1000, 'tcp peer closed'));
  tcp.on('close', () => closeBoth(1000, 'tcp closed'));
  tcp.on('error', (error) => {
    log(`tcp error (${label}): ${error.message}`);
    closeBoth(1011, `tcp error: ${error.message}`);
  });
}

/** Starts the relay on `port` (0 for any free port) and resolves once it is listening. */
export function startRelay(port: number, options: RelayOptions = {}): Promise<Relay> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => {});
  const sockets = new Set<Socket>();
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  let counts = { connections: 0, upgrades: 0, refused: 0 };
  const totals = emptyTraffic();
  let records: RelayConnectionStats[] = [];
  let nextId = 1;

  const track = (target: RelayTarget) => {
    const record = { id: nextId++, target: `${target.host}:${target.port}`, open: true, ...emptyTraffic() };
    records.push(record);
    const closed = records.filter((r) => !r.open);
    if (closed.length > KEPT_CLOSED_CONNECTIONS) {
      const dropped = new Set(closed.slice(0, closed.length - KEPT_CLOSED_CONNECTIONS));
      records = records.filter((r) => !dropped.has(r));
    }
    return new TrafficMeter(record, totals);
  };

  const server = createServer((_req, res) => {
    res.writeHead(426, { 'content-type': 'text/plain; charset=utf-8', upgrade: 'websocket' });
    res.end('WebSocket-to-TCP relay: connect with a WebSocket to /v1?address=127.0.0.1:5432\n');
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => log(`upgrade socket error: ${error.message}`));
    const url = new URL(req.url ?? '/', 'http://relay.local');
    const target = parseTarget(url.searchParams.get('address'));
    if ('error' in target) {
      log(`refused ${req.url}: ${target.error}`);
      counts.refused++;
      refuseUpgrade(socket, target.error.startsWith('refusing') ? 403 : 400, 'Refused', target.error);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      log(`relaying ${req.socket.remoteAddress} -> ${target.host}:${target.port}`);
      counts.upgrades++;
      bridge(ws, target, log, sockets, track(target));
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  server.on('connection', () => {
    counts.connections++;
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      server.on('error', (error) => log(`relay server error: ${error.message}`));
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        port: actualPort,
        close: () =>
          new Promise<void>((done) => {
            for (const client of wss.clients) client.terminate();
            for (const tcp of sockets) tcp.destroy();
            sockets.clear();
            wss.close();
            server.closeAllConnections();
            server.close(() => done());
          }),
        stats: () => ({ ...counts, ...totals, perConnection: records.map((r) => ({ ...r })) }),
        resetStats: () => {
          counts = { connections: 0, upgrades: 0, refused: 0 };
          // Meters of open connections keep their objects: zero them in place.
          for (const c of [totals, ...records]) Object.assign(c, emptyTraffic());
          records = records.filter((r) => r.open);
        },
      });
    });
  });
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];

if (isMain) {
  const port = Number(process.env.RELAY_PORT ?? DEFAULT_RELAY_PORT);
  const verbose = process.env.RELAY_VERBOSE === '1';
  const relay = await startRelay(port, {
    log: (message) => {
      if (verbose || /error|refused/.test(message)) console.error(`[relay] ${message}`);
    },
  });
  console.log(`[relay] ws://127.0.0.1:${relay.port}/v1?address=HOST:PORT -> tcp (loopback only)`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void relay.close().finally(() => process.exit(0));
    });
  }
}
