// Cloudflare Worker entry: Neon's driver (reads over HTTP, writes over a per-request WebSocket), Cache API store.
import { CloudflareCacheStore } from './cache/cloudflare-store';
import { createNeonSource } from './db/neon';
import { createGateway, type Gateway } from './gateway/gateway';
import { relations } from './modules';
import { type CallerBudget, DurableBudget } from './worker/cost-budget';

// The Durable Object class the COST_BUDGET binding names (wrangler.toml).
export { CallerBudget } from './worker/cost-budget';

export interface Env {
  /** Neon connection string; a secret (`wrangler secret put DATABASE_URL`). */
  DATABASE_URL: string;
  /** Bearer token of the editor mutations; a secret. Unset: no editing. */
  EDITOR_TOKEN?: string;
  /** "true": anonymous callers may run only the operations of schema/operations/. */
  TRUSTED_DOCUMENTS_ONLY?: string;
  /** Purge by tag through Cloudflare's API, so every data centre drops a changed story at once. */
  CLOUDFLARE_ZONE_ID?: string;
  CLOUDFLARE_API_TOKEN?: string;
  /** Tests only: where to send purge calls instead of Cloudflare's API. */
  CLOUDFLARE_API_BASE?: string;
  /** Caps every cached response's freshness, in seconds. */
  EDGE_MAX_AGE?: string;
  /** Time limit of every database call, ms (default 3000). */
  DB_TIMEOUT_MS?: string;
  /** `websocket`: reads over a per-request WebSocket instead of HTTP (local development and CI through the relay). */
  NEON_READS?: string;
  /** Local development and CI only: a WebSocket-to-TCP relay in front of a plain Postgres. */
  NEON_WS_PROXY?: string;
  /** Tests only: a local stand-in for Neon's HTTP endpoint. */
  NEON_HTTP_ENDPOINT?: string;
  /** `open`: introspection for everyone (local development); otherwise partner keys and editors only. */
  INTROSPECTION?: string;
  /** Cost points an anonymous client may spend per minute (default in src/gateway/limits.ts). */
  ANONYMOUS_COST_PER_MINUTE?: string;
  /** Signs comment forms and hashes posters' addresses; a secret. Unset: posting comments is refused. */
  COMMENT_SECRET?: string;
  /** Per-caller cost budgets (a Durable Object per key or address). */
  COST_BUDGET: DurableObjectNamespace<CallerBudget>;
}

// The isolate keeps one gateway (schema, caches, the HTTP database client) across requests.
let gateway: Gateway | undefined;

function gatewayFor(env: Env): Gateway {
  gateway ??= createGateway({
    source: createNeonSource({
      connectionString: env.DATABASE_URL,
      relations,
      timeoutMs: env.DB_TIMEOUT_MS ? Number(env.DB_TIMEOUT_MS) : undefined,
      reads: env.NEON_READS === 'websocket' ? 'websocket' : 'http',
      wsProxy: env.NEON_WS_PROXY,
      fetchEndpoint: env.NEON_HTTP_ENDPOINT,
    }),
    store: new CloudflareCacheStore(
      (caches as unknown as { default: Cache }).default,
      env.CLOUDFLARE_ZONE_ID && env.CLOUDFLARE_API_TOKEN
        ? { zoneId: env.CLOUDFLARE_ZONE_ID, apiToken: env.CLOUDFLARE_API_TOKEN, apiBase: env.CLOUDFLARE_API_BASE }
        : undefined,
    ),
    editorToken: env.EDITOR_TOKEN,
    trustedDocumentsOnly: env.TRUSTED_DOCUMENTS_ONLY === 'true',
    maxAgeCap: env.EDGE_MAX_AGE ? Number(env.EDGE_MAX_AGE) : undefined,
    introspection: env.INTROSPECTION === 'open' ? 'open' : 'keys',
    budget: new DurableBudget(env.COST_BUDGET),
    limits: env.ANONYMOUS_COST_PER_MINUTE ? { anonymousCostPerMinute: Number(env.ANONYMOUS_COST_PER_MINUTE) } : {},
    // Set by Cloudflare's edge for every request; a client cannot forge it.
    clientAddress: (request) => request.headers.get('cf-connecting-ip'),
    secrets: { COMMENT_SECRET: env.COMMENT_SECRET },
  });
  return gateway;
}

export default {
  fetch: (request, env, ctx) => gatewayFor(env).fetch(request, { waitUntil: (promise) => ctx.waitUntil(promise) }),
} satisfies ExportedHandler<Env>;
