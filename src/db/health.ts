/** How long the database is left alone after a failure, at first and at most, in ms. */
const FIRST_PAUSE_MS = 250;
export const BREAKER_LONGEST_PAUSE_MS = 4_000;

/**
 * A circuit breaker on the database, per process (per isolate on the Worker). After a failure to
 * reach it (a time-out, a refused or reset connection) it opens: statements fail at once instead of
 * each waiting out the time limit, so an expired cached read gets its stale copy immediately and an
 * uncached one its 503. After a pause one statement is let through as a probe; if it succeeds the
 * breaker closes, if it fails the pause doubles (up to 4 s). So once the database answers again,
 * reads succeed within one pause and one probe.
 */
export class DatabaseHealth {
  private pauseMs = FIRST_PAUSE_MS;
  private openUntil = 0;
  private failures = 0;
  private probing = false;

  constructor(private readonly clock: () => number = Date.now) {}

  /** The database failed lately and has not answered since. */
  get failing(): boolean {
    return this.failures > 0;
  }

  /** Whether a statement may go to the database now: always when healthy, one at a time when not. */
  admit(): boolean {
    if (this.failures === 0) return true;
    if (this.probing || this.clock() < this.openUntil) return false;
    this.probing = true;
    return true;
  }

  succeeded() {
    this.failures = 0;
    this.pauseMs = FIRST_PAUSE_MS;
    this.probing = false;
  }

  failed() {
    this.failures += 1;
    this.openUntil = this.clock() + this.pauseMs;
    this.pauseMs = Math.min(this.pauseMs * 2, BREAKER_LONGEST_PAUSE_MS);
    this.probing = false;
  }
}
