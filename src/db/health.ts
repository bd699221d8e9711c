/** How long the database is left alone after a failure, at first and at most, in ms. */
const FIRST_PAUSE_MS = 250;
export const BREAKER_LONGEST_PAUSE_MS = 4_000;

/** How a statement was let through: with the database healthy, or as the one probe of an open breaker. */
export type Admission = 'healthy' | 'probe';

/**
 * A circuit breaker on the database, per process (per isolate on the Worker). After a failure to
 * reach it (a time-out, a refused or reset connection) it opens: statements fail at once instead of
 * each waiting out the time limit, so an expired cached read gets its stale copy immediately and an
 * uncached one its 503. After a pause one statement is let through as a probe; if it succeeds the
 * breaker closes, if it fails the pause doubles (up to 4 s). Statements that were already running
 * when it opened and fail too say nothing new: ten reads failing together are one failure, so once
 * the database answers again, reads succeed within one pause and one probe.
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

  /** Whether a statement may go to the database now: always when healthy, one probe at a time when not. */
  admit(): Admission | null {
    if (this.failures === 0) return 'healthy';
    if (this.probing || this.clock() < this.openUntil) return null;
    this.probing = true;
    return 'probe';
  }

  /** The database answered (rows or an SQL error): close. */
  succeeded() {
    this.failures = 0;
    this.pauseMs = FIRST_PAUSE_MS;
    this.probing = false;
  }

  /** The database could not be reached by a statement admitted as `admission`. */
  failed(admission: Admission) {
    if (admission === 'probe') {
      this.probing = false;
      this.pauseMs = Math.min(this.pauseMs * 2, BREAKER_LONGEST_PAUSE_MS);
    } else if (this.failures > 0) {
      // Running since before the breaker opened: the failure it already counted.
      return;
    }
    this.failures += 1;
    this.openUntil = this.clock() + this.pauseMs;
  }
}
