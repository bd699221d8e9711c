import type { Plugin } from 'graphql-yoga';
import type { QueryMetrics } from '../db/metrics';

/** Remembers each request's statement meter so the response can report it. */
export const metricsByRequest = new WeakMap<Request, QueryMetrics>();

/**
 * `Server-Timing: db;dur=1.8;desc="1 statement", total;dur=4.2` on every response: database time
 * and statement count for whoever tunes a query, visible in any browser's network panel.
 */
export function serverTiming(): Plugin {
  const started = new WeakMap<Request, number>();
  return {
    onRequest({ request }) {
      started.set(request, performance.now());
    },
    onResponse({ request, response }) {
      const metrics = metricsByRequest.get(request);
      const begin = started.get(request);
      const parts: string[] = [];
      if (metrics) {
        const noun = metrics.statements === 1 ? 'statement' : 'statements';
        parts.push(`db;dur=${metrics.dbTimeMs.toFixed(1)};desc="${metrics.statements} ${noun}"`);
      }
      if (begin !== undefined) parts.push(`total;dur=${(performance.now() - begin).toFixed(1)}`);
      if (parts.length) response.headers.set('Server-Timing', parts.join(', '));
    },
  };
}

/** Reads the statement count back from a Server-Timing header (tests, benchmarks). */
export function statementsFromServerTiming(header: string | null): number | null {
  const match = header && /db;dur=[\d.]+;desc="(\d+) statements?"/.exec(header);
  return match ? Number(match[1]) : null;
}
