// A local stand-in for Neon's SQL-over-HTTP endpoint, in front of a real Postgres, so tests can
// drive `@neondatabase/serverless` 1.2.0's HTTP path (`neon()`, and `Pool.query()` with
// `neonConfig.poolQueryViaFetch = true`) where there is no Neon. Mirrors Neon's proxy
// (proxy/src/serverless/sql_over_http.rs) as far as the driver can tell the difference.
//
// Pointing the driver at it: `neonConfig.fetchEndpoint = standIn.url` (a string is used as-is), or
// a function `(host, port, { jwtAuth }) => url`; a function's result is also used as-is, so plain
// `http://` and a non-Neon host are fine. Leave the default alone: it rewrites the first label of
// the host to `api.` (`127.0.0.1` -> `https://api.0.0.1/sql`). neonConfig is global.
//
// The protocol, as 1.2.0 sends it and Neon answers:
// - `POST /sql`, body JSON (no Content-Type is set, so fetch sends text/plain): `{query, params}`,
//   or `{queries: [{query, params}, ...]}` for `sql.transaction([...])`. A query may carry its own
//   `arrayMode`. Params are JSON: null is NULL; strings go as-is; booleans, numbers and objects as
//   their JSON text; arrays as Postgres array literals (the driver has already turned Dates,
//   arrays and Buffers into text with pg's prepareValue and `\x` hex).
// - Headers: `Neon-Connection-String` (the URL, with `application_name` added by the driver),
//   `Neon-Raw-Text-Output: true`, `Neon-Array-Mode: true`; for batches only, when set,
//   `Neon-Batch-Isolation-Level` (ReadUncommitted|ReadCommitted|RepeatableRead|Serializable),
//   `Neon-Batch-Read-Only`, `Neon-Batch-Deferrable` ("true"/"false"); `Authorization: Bearer …`
//   with `authToken` (accepted and ignored here: Postgres authenticates the URL's user/password).
// - 200: `{command, rowCount, rowAsArray, fields: [{name, dataTypeID, tableID, columnID,
//   dataTypeSize, dataTypeModifier, format: "text"}], rows}`, rows as arrays (or objects keyed
//   by column name) of Postgres's text output or null, which the driver parses itself; a batch
//   is `{results: [...]}`, run in one transaction, rolled back as a whole on any error.
// - Errors: HTTP 400 with `{message, code, detail, hint, position, internalPosition,
//   internalQuery, severity, where, table, column, schema, dataType, constraint, file, line,
//   routine}`. The driver only reads the JSON of a 400 (into a NeonDbError with that `code`);
//   any other status becomes `Server error (HTTP status N): <body>`.
//
// Only loopback databases are reached unless `databaseUrl` is given, which then serves every
// request whatever the header names. Only raw text output is implemented (all the driver uses).
// Usage: `npx tsx scripts/neon-http-standin.ts` (port from NEON_HTTP_PORT, default 8791), or
// `startNeonHttpStandIn()` in-process.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const DEFAULT_NEON_HTTP_PORT = 8791;

/** Neon caps HTTP query responses at 10 MB; requests get the same cap here. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
const ISOLATION_LEVELS: Record<string, string> = {
  ReadUncommitted: 'READ UNCOMMITTED',
  ReadCommitted: 'READ COMMITTED',
  RepeatableRead: 'REPEATABLE READ',
  Serializable: 'SERIALIZABLE',
};
const ERROR_FIELDS = [
  'code',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'severity',
  'where',
  'table',
  'column',
  'schema',
  'dataType',
  'constraint',
  'file',
  'line',
  'routine',
] as const;

/** Every value comes back as Postgres printed it, as Neon's raw text output does. */
const RAW_TEXT: pg.CustomTypesConfig = {
  getTypeParser: (() => (value: string) => value) as unknown as pg.CustomTypesConfig['getTypeParser'],
};

/** `stall`: hold requests until the fault is cleared; `http-500`: answer 500; `reset`: drop the socket. */
export type NeonHttpFault = 'none' | 'stall' | 'http-500' | 'reset';

export interface NeonHttpStandIn {
  port: number;
  /** `http://127.0.0.1:<port>/sql`, for `neonConfig.fetchEndpoint`. */
  url: string;
  /** HTTP queries received (a `transaction([...])` batch is one). */
  readonly requests: number;
  /** SQL statements run for them (a batch counts each of its statements). */
  readonly statements: number;
  /** TCP connections accepted: fewer than requests when the client keeps connections alive. */
  readonly connections: number;
  fault: NeonHttpFault;
  close(): Promise<void>;
}

export interface NeonHttpStandInOptions {
  port?: number;
  /** Run every request on this database instead of the one `Neon-Connection-String` names. */
  databaseUrl?: string;
  log?: (message: string) => void;
}

interface QueryData {
  query: string;
  params: (string | null)[];
  arrayMode: boolean | undefined;
}

interface Settings {
  arrayMode: boolean;
  /** How a batch's transaction starts. */
  begin: string;
  /** The batch settings Neon echoes in its response headers. */
  echo: Record<string, string>;
}

/** An answer that is not a result: status and a JSON body like Neon's errors. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Neon's json_to_pg_text: JSON params to Postgres text, arrays as array literals. */
function toPgParam(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  return Array.isArray(value) ? toPgArrayItem(value) : JSON.stringify(value);
}

function toPgArrayItem(value: unknown): string {
  if (value === null) return 'NULL';
  if (Array.isArray(value)) return `{${value.map(toPgArrayItem).join(',')}}`;
  // Inside an array literal a string is quoted and escaped; an object becomes such a string.
  return JSON.stringify(typeof value === 'object' ? JSON.stringify(value) : value);
}

function errorBody(error: unknown): Record<string, unknown> {
  const body: Record<string, unknown> = { message: error instanceof Error ? error.message : String(error) };
  const fields: Record<string, unknown> = error instanceof pg.DatabaseError ? { ...error } : {};
  for (const field of ERROR_FIELDS) body[field] = fields[field] ?? (field === 'code' ? '' : null);
  return body;
}

function parseQuery(value: unknown): QueryData {
  if (typeof value !== 'object' || value === null || typeof (value as { query?: unknown }).query !== 'string') {
    throw new HttpError(400, 'request body must be {query, params} or {queries: [...]}');
  }
  const { query, params, arrayMode } = value as { query: string; params?: unknown; arrayMode?: unknown };
  if (params !== undefined && !Array.isArray(params)) throw new HttpError(400, 'params must be an array');
  return {
    query,
    params: (params ?? []).map(toPgParam),
    arrayMode: typeof arrayMode === 'boolean' ? arrayMode : undefined,
  };
}

function parseSettings(req: IncomingMessage): Settings {
  if (req.headers['neon-raw-text-output'] !== 'true') {
    throw new HttpError(400, 'this stand-in implements only Neon-Raw-Text-Output: true (what the driver sends)');
  }
  const modes: string[] = [];
  const echo: Record<string, string> = {};
  const level = req.headers['neon-batch-isolation-level'];
  if (typeof level === 'string') {
    const isolation = ISOLATION_LEVELS[level];
    if (!isolation) throw new HttpError(400, 'invalid isolation level');
    modes.push(`ISOLATION LEVEL ${isolation}`);
    echo['neon-batch-isolation-level'] = level;
  }
  // Anything but exactly "true" is false, as on Neon.
  for (const [header, mode] of [
    ['neon-batch-read-only', 'READ ONLY'],
    ['neon-batch-deferrable', 'DEFERRABLE'],
  ] as const) {
    if (req.headers[header] !== 'true') continue;
    modes.push(mode);
    echo[header] = 'true';
  }
  return {
    arrayMode: req.headers['neon-array-mode'] === 'true',
    begin: `START TRANSACTION ${modes.join(', ')}`.trim(),
    echo,
  };
}

function targetUrl(req: IncomingMessage, databaseUrl: string | undefined): string {
  const header = req.headers['neon-connection-string'];
  if (typeof header !== 'string' || header === '') throw new HttpError(400, 'missing Neon-Connection-String header');
  let url: URL;
  try {
    url = new URL(header);
  } catch {
    throw new HttpError(400, 'Neon-Connection-String is not a valid URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new HttpError(400, 'Neon-Connection-String must be a postgres:// URL');
  }
  if (databaseUrl) return databaseUrl;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (!LOOPBACK_HOSTS.has(host))
    throw new HttpError(400, `refusing non-loopback database host ${JSON.stringify(host)}`);
  return header;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `request is too large (max is ${MAX_BODY_BYTES} bytes)`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'request body is not JSON');
  }
}

async function run(client: pg.PoolClient, data: QueryData, settings: Settings) {
  // Extended protocol, as Neon's proxy uses: one statement per query, even without parameters.
  const config: pg.QueryArrayConfig & { queryMode: 'extended' } = {
    text: data.query,
    values: data.params,
    rowMode: 'array',
    types: RAW_TEXT,
    queryMode: 'extended',
  };
  const result = await client.query(config);
  const arrayMode = data.arrayMode ?? settings.arrayMode;
  const names = result.fields.map((field) => field.name);
  const rows = arrayMode
    ? result.rows
    : result.rows.map((row) => Object.fromEntries(row.map((value, i) => [names[i] ?? '', value])));
  return {
    command: result.command ?? '',
    rowCount: result.rowCount,
    rowAsArray: arrayMode,
    fields: result.fields.map((f) => ({
      name: f.name,
      dataTypeID: f.dataTypeID,
      tableID: f.tableID,
      columnID: f.columnID,
      dataTypeSize: f.dataTypeSize,
      dataTypeModifier: f.dataTypeModifier,
      format: 'text',
    })),
    rows,
  };
}

/** Starts the stand-in on 127.0.0.1 (`port` 0 or unset for any free port). */
export function startNeonHttpStandIn(options: NeonHttpStandInOptions = {}): Promise<NeonHttpStandIn> {
  const log = options.log ?? (() => {});
  const pools = new Map<string, pg.Pool>();
  const sockets = new Set<Socket>();
  const stalled = new Set<() => void>();
  const counts = { requests: 0, statements: 0, connections: 0 };
  let fault: NeonHttpFault = 'none';
  let closed = false;

  const poolFor = (url: string) => {
    let pool = pools.get(url);
    if (!pool) {
      pool = new pg.Pool({ connectionString: url, max: 4, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
      pool.on('error', (error) => log(`idle connection error: ${error.message}`));
      pools.set(url, pool);
    }
    return pool;
  };

  const connect = async (url: string) => {
    try {
      return await poolFor(url).connect();
    } catch (error) {
      // Neon answers a refused login (a Postgres error) with 400, an unreachable database with 500.
      const status = error instanceof pg.DatabaseError ? 400 : 500;
      throw new HttpError(status, `could not connect: ${String(error)}`, errorBody(error));
    }
  };

  const execute = async (req: IncomingMessage, res: ServerResponse) => {
    const settings = parseSettings(req);
    const url = targetUrl(req, options.databaseUrl);
    const body = await readBody(req);
    const batch = typeof body === 'object' && body !== null && 'queries' in body ? body.queries : undefined;
    if (batch !== undefined && !Array.isArray(batch)) throw new HttpError(400, 'queries must be an array');
    const single = batch ? undefined : parseQuery(body);
    const queries = batch?.map(parseQuery) ?? [];

    const client = await connect(url);
    let broken = false;
    try {
      if (single) {
        counts.statements++;
        return send(res, 200, await run(client, single, settings));
      }
      await client.query(settings.begin);
      const results = [];
      try {
        for (const query of queries) {
          counts.statements++;
          results.push(await run(client, query, settings));
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      }
      for (const [header, value] of Object.entries(settings.echo)) res.setHeader(header, value);
      return send(res, 200, { results });
    } catch (error) {
      broken ||= !(error instanceof pg.DatabaseError);
      if (error instanceof HttpError) throw error;
      throw new HttpError(400, String(error), errorBody(error));
    } finally {
      client.release(broken);
    }
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const json = JSON.stringify(body);
    if (Buffer.byteLength(json) > MAX_BODY_BYTES) {
      const tooLarge = { message: `response is too large (max is ${MAX_BODY_BYTES} bytes)`, code: '' };
      return send(res, 507, tooLarge);
    }
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(json),
      'access-control-allow-origin': '*',
    });
    res.end(json);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://stand-in.local').pathname;
    if (path !== '/sql') return send(res, 404, { message: 'not found: queries go to POST /sql' });
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-allow-headers': '*',
      });
      return res.end();
    }
    if (req.method !== 'POST') return send(res, 405, { message: 'use POST' });
    counts.requests++;
    if (fault === 'stall') await new Promise<void>((resume) => stalled.add(resume));
    if (fault === 'reset' || closed) return req.socket.destroy();
    if (fault === 'http-500') return send(res, 500, { message: 'stand-in fault: http-500', code: '' });
    try {
      await execute(req, res);
    } catch (error) {
      const known = error instanceof HttpError ? error : new HttpError(500, String(error));
      log(`${known.status}: ${known.message}`);
      send(res, known.status, { ...errorBody(known), ...known.body });
    }
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error) => {
      log(`request failed: ${String(error)}`);
      if (!res.headersSent) send(res, 500, { message: String(error), code: '' });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    counts.connections++;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
      resolve({
        port,
        url: `http://127.0.0.1:${port}/sql`,
        get requests() {
          return counts.requests;
        },
        get statements() {
          return counts.statements;
        },
        get connections() {
          return counts.connections;
        },
        get fault() {
          return fault;
        },
        set fault(next: NeonHttpFault) {
          fault = next;
          if (next !== 'stall') for (const resume of stalled) resume();
          if (next !== 'stall') stalled.clear();
        },
        close: async () => {
          closed = true;
          for (const socket of sockets) socket.destroy();
          await new Promise<void>((done) => server.close(() => done()));
          for (const resume of stalled) resume();
          await Promise.all([...pools.values()].map((pool) => pool.end()));
          pools.clear();
        },
      });
    });
  });
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];

if (isMain) {
  const standIn = await startNeonHttpStandIn({
    port: Number(process.env.NEON_HTTP_PORT ?? DEFAULT_NEON_HTTP_PORT),
    log: (message) => console.error(`[neon-http] ${message}`),
  });
  console.log(`[neon-http] ${standIn.url} (loopback databases only)`);
  console.log(`[neon-http] neonConfig.fetchEndpoint = '${standIn.url}'`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void standIn.close().finally(() => process.exit(0));
    });
  }
}
