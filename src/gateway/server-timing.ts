import type { RequestState } from './state';

/**
 * `Server-Timing: cache;desc="MISS", db;dur=1.8;desc="1 statement", total;dur=4.2`: whether the
 * edge cache answered, the wall time spent waiting on the database (overlapping statements counted
 * once) with the statement count, and the whole request, visible in any browser's network panel.
 */
export function serverTimingHeader(state: RequestState): string {
  const { statements, busyMs } = state.meter;
  const total = performance.now() - state.started;
  return (
    `cache;desc="${state.cacheStatus}", db;dur=${busyMs.toFixed(1)};desc="${statements} ${statements === 1 ? 'statement' : 'statements'}", ` +
    `total;dur=${total.toFixed(1)}`
  );
}

/** Reads the statement count back from a Server-Timing header (tests, benchmarks). */
export function statementsFromServerTiming(header: string | null): number | null {
  const match = header && /db;dur=[\d.]+;desc="(\d+) statements?"/.exec(header);
  return match ? Number(match[1]) : null;
}
