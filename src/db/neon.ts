import { neonConfig, Pool } from '@neondatabase/serverless';
import { drizzle } from 'drizzle-orm/neon-serverless';
import type { Relations } from '../modules';
import type { Database, DatabaseSession, DatabaseSource } from './database';
import { DatabaseHealth } from './health';
import type { StatementMeter } from './meter';
import { rememberRelationalSql } from './relational-sql';
import { DEFAULT_DB_TIMEOUT_MS, meteredClient, type StatementPolicy } from './statement';

export interface NeonOptions {
  connectionString: string;
  relations: Relations;
  timeoutMs?: number;
  /**
   * `http` (production): each read is one HTTPS request to Neon's SQL endpoint, a single round
   * trip, from one client shared by every request of the isolate. `websocket`: reads open a
   * WebSocket per request like writes do (local development and CI through the relay).
   */
  reads?: 'http' | 'websocket';
  /** Local development and CI: a WebSocket-to-TCP relay in front of a plain Postgres (`host:port/path`). */
  wsProxy?: string;
  /** Tests only: where the HTTP reads go instead of Neon's endpoint (a local stand-in). */
  fetchEndpoint?: string;
}

function configureDriver(options: NeonOptions, timeoutMs: number) {
  if (options.wsProxy) {
    const proxy = options.wsProxy;
    neonConfig.wsProxy = (host, port) => `${proxy}?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineConnect = false;
    neonConfig.pipelineTLS = false;
  }
  if (options.fetchEndpoint) {
    const endpoint = options.fetchEndpoint;
    neonConfig.fetchEndpoint = () => endpoint;
  }
  neonConfig.poolQueryViaFetch = options.reads !== 'websocket';
  // A read that hangs is abandoned with its request, not left to the platform's own limit.
  neonConfig.fetchFunction = (input: RequestInfo | URL, init?: RequestInit) =>
    fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

/**
 * Neon's serverless driver, as the Worker uses it. A Worker may not keep sockets across requests,
 * so whatever opens a WebSocket (every write; reads in `websocket` mode) gets a pool of its own
 * for that request, closed once the response is sent. Reads over HTTP hold no socket, so one
 * client serves them all.
 */
export function createNeonSource(options: NeonOptions): DatabaseSource {
  rememberRelationalSql();
  const timeoutMs = options.timeoutMs ?? DEFAULT_DB_TIMEOUT_MS;
  configureDriver(options, timeoutMs);
  const policy: StatementPolicy = { timeoutMs, health: new DatabaseHealth() };

  const newPool = () => {
    const pool = new Pool({ connectionString: options.connectionString, max: 1, connectionTimeoutMillis: timeoutMs });
    // Only 'error': any other listener (even 'connect') turns Neon's reads over HTTP into WebSocket
    // connections, which a Worker may not share between requests.
    pool.on('error', () => {});
    return pool;
  };
  const connectTo = (pool: Pool, meter: StatementMeter | undefined, statements: StatementPolicy = policy) =>
    drizzle({ client: meteredClient(pool, meter, statements), relations: options.relations }) as unknown as Database;

  // Reads over HTTP hold no socket: one pool object serves every request of the isolate.
  const shared = options.reads === 'websocket' ? undefined : newPool();

  function session(meter: StatementMeter): DatabaseSession {
    let own: Pool | undefined;
    let writer: Database | undefined;
    let ended = false;
    // The request's own pool closes with it: later statements are refused, not blamed on the database.
    const ownStatements: StatementPolicy = { ...policy, ended: () => ended };
    const perRequest = () => {
      own ??= newPool();
      writer ??= connectTo(own, meter, ownStatements);
      return writer;
    };
    return {
      db: shared ? connectTo(shared, meter) : perRequest(),
      writer: perRequest,
      end: async () => {
        ended = true;
        await own?.end();
      },
    };
  }

  return {
    kind: 'neon',
    health: policy.health,
    session,
    get admin() {
      return connectTo(shared ?? newPool(), undefined);
    },
    close: async () => {
      await shared?.end();
    },
  };
}
