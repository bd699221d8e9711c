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
 * `Server-Timing: cache;desc="MISS", db;dur=1.83;desc="1 statement", total;dur=4.21`: whether the
 * edge cache answered, the wall time spent waiting on the database (overlapping statements counted
 * once) with the statement count, and the whole request, visible in any browser's network panel.
 * Hundredths of a millisecond: the gateway's own part of a read is about a millisecond, and the
 * benchmark's overhead bar (total − db under 1 ms) needs a finer step than a tenth.
 */
export function serverTimingHeader(timing: Timing): string {
  const statements = timing.meter?.statements ?? 0;
  const total = performance.now() - timing.started;
  if (statements === 0) {
    return `cache;desc="${timing.cacheStatus}", db;dur=0.00;desc="0 statements", total;dur=${total.toFixed(2)}`;
  }
  const busyMs = timing.meter?.busyMs ?? 0;
  return (
    `cache;desc="${timing.cacheStatus}", db;dur=${busyMs.toFixed(2)};desc="${statements} ${statements === 1 ? 'statement' : 'statements'}", ` +
    `total;dur=${total.toFixed(2)}`
  );
}

/** Reads the statement count back from a Server-Timing header (tests, benchmarks). */
export function statementsFromServerTiming(header: string | null): number | null {
  const match = header && /db;dur=[\d.]+;desc="(\d+) statements?"/.exec(header);
  return match ? Number(match[1]) : null;
}
