// Cloudflare Worker entry: one Neon pool per request, closed after the response is sent.
import { createNeonSource } from './db/neon';
import { createGateway } from './gateway';

export interface Env {
  /** Neon connection string; a secret (`wrangler secret put DATABASE_URL`). */
  DATABASE_URL: string;
  /** Local development and CI only: a WebSocket-to-TCP relay in front of a plain Postgres. */
  NEON_WS_PROXY?: string;
}

const gateway = createGateway();

export default {
  async fetch(request, env, ctx) {
    const source = createNeonSource(env.DATABASE_URL, env.NEON_WS_PROXY);
    try {
      return await gateway.fetch(request, { source });
    } finally {
      ctx.waitUntil(source.close());
    }
  },
} satisfies ExportedHandler<Env>;
