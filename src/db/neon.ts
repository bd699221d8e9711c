import { neonConfig, Pool } from '@neondatabase/serverless';
import { drizzle } from 'drizzle-orm/neon-serverless';
import type { Database, DatabaseSource } from './database';
import { DEFAULT_DB_TIMEOUT_MS, instrument, type QueryMetrics } from './metrics';
import { relations } from './relations';

/**
 * Neon's WebSocket driver, as the Worker uses it. A Worker may not keep sockets across requests,
 * so each request gets its own pool, closed once the response is sent.
 *
 * `wsProxy` points the driver at a plain Postgres through a local WebSocket-to-TCP relay
 * (development and CI); against Neon itself it stays unset.
 */
export function createNeonSource(
  connectionString: string,
  wsProxy?: string,
  timeoutMs = DEFAULT_DB_TIMEOUT_MS,
): DatabaseSource {
  if (wsProxy) {
    neonConfig.wsProxy = (host, port) => `${wsProxy}?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineConnect = false;
    neonConfig.pipelineTLS = false;
  }
  const pool = new Pool({ connectionString, max: 1, connectionTimeoutMillis: timeoutMs });
  pool.on('error', () => {});
  return {
    connect: (metrics: QueryMetrics) =>
      drizzle({ client: instrument(pool, metrics, timeoutMs), relations }) as unknown as Database,
    close: () => pool.end(),
  };
}
