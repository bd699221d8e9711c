// Cloudflare Worker entry: one Neon pool per request, closed after the response is sent.
import { CloudflareCacheStore } from './cache/cloudflare-store';
import { createNeonSource } from './db/neon';
import { createGateway, type Gateway } from './gateway';

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
  /** Local development and CI only: a WebSocket-to-TCP relay in front of a plain Postgres. */
  NEON_WS_PROXY?: string;
}

// The isolate keeps one gateway and cache index across requests; sockets it may not keep.
let gateway: Gateway | undefined;

function gatewayFor(env: Env): Gateway {
  gateway ??= createGateway({
    store: new CloudflareCacheStore(
      (caches as unknown as { default: Cache }).default,
      env.CLOUDFLARE_ZONE_ID && env.CLOUDFLARE_API_TOKEN
        ? { zoneId: env.CLOUDFLARE_ZONE_ID, apiToken: env.CLOUDFLARE_API_TOKEN, apiBase: env.CLOUDFLARE_API_BASE }
        : undefined,
    ),
    trustedDocumentsOnly: env.TRUSTED_DOCUMENTS_ONLY === 'true',
    maxAgeCap: env.EDGE_MAX_AGE ? Number(env.EDGE_MAX_AGE) : undefined,
  });
  return gateway;
}

export default {
  async fetch(request, env, ctx) {
    const source = createNeonSource(env.DATABASE_URL, env.NEON_WS_PROXY);
    try {
      return await gatewayFor(env).fetch(request, { source, editorToken: env.EDITOR_TOKEN });
    } finally {
      ctx.waitUntil(source.close());
    }
  },
} satisfies ExportedHandler<Env>;
