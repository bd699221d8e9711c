import type { QueryMetrics } from '../db/metrics';

/**
 * `Server-Timing: db;dur=1.8;desc="1 statement", total;dur=4.2`: database time and statement count
 * of a request, for whoever tunes a query, visible in any browser's network panel.
 */
export function serverTimingHeader(metrics: QueryMetrics | null, totalMs: number, cache?: string): string {
  const parts: string[] = [];
  if (cache) parts.push(`cache;desc="${cache}"`);
  const statements = metrics?.statements ?? 0;
  parts.push(
    `db;dur=${(metrics?.dbTimeMs ?? 0).toFixed(1)};desc="${statements} ${statements === 1 ? 'statement' : 'statements'}"`,
  );
  parts.push(`total;dur=${totalMs.toFixed(1)}`);
  return parts.join(', ');
}

/** Reads the statement count back from a Server-Timing header (tests, benchmarks). */
export function statementsFromServerTiming(header: string | null): number | null {
  const match = header && /db;dur=[\d.]+;desc="(\d+) statements?"/.exec(header);
  return match ? Number(match[1]) : null;
}
