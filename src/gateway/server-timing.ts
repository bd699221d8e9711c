import type { StatementMeter } from '../db/meter';
import type { CacheStatus } from './state';

/** What Server-Timing reports of a request. */
export interface Timing {
  /** `performance.now()` when the request arrived. */
  started: number;
  /** The request's clock (ms since the epoch). */
  now: number;
  cacheStatus: CacheStatus;
  meter?: StatementMeter;
}

/**
 * `Server-Timing: cache;desc="MISS", db;dur=1.8;desc="1 statement", total;dur=4.2`: whether the
 * edge cache answered, the wall time spent waiting on the database (overlapping statements counted
 * once) with the statement count, and the whole request, visible in any browser's network panel.
 */
export function serverTimingHeader(timing: Timing): string {
  const statements = timing.meter?.statements ?? 0;
  const total = performance.now() - timing.started;
  if (statements === 0) {
    return `cache;desc="${timing.cacheStatus}", db;dur=0.0;desc="0 statements", total;dur=${total.toFixed(1)}`;
  }
  const busyMs = timing.meter?.busyMs ?? 0;
  return (
    `cache;desc="${timing.cacheStatus}", db;dur=${busyMs.toFixed(1)};desc="${statements} ${statements === 1 ? 'statement' : 'statements'}", ` +
    `total;dur=${total.toFixed(1)}`
  );
}

/** Reads the statement count back from a Server-Timing header (tests, benchmarks). */
export function statementsFromServerTiming(header: string | null): number | null {
  const match = header && /db;dur=[\d.]+;desc="(\d+) statements?"/.exec(header);
  return match ? Number(match[1]) : null;
}
