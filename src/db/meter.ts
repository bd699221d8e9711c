/**
 * SQL statements of one request, for Server-Timing and statement budgets. `busyMs` is wall time
 * with at least one statement in flight, so statements that overlap are counted once.
 */
export class StatementMeter {
  statements = 0;
  private active = 0;
  private busySince = 0;
  private busy = 0;
  /** The statements' text, when asked for (tests). */
  readonly sql: string[] | undefined;

  constructor(keepSql = false) {
    this.sql = keepSql ? [] : undefined;
  }

  get busyMs(): number {
    return this.busy + (this.active > 0 ? performance.now() - this.busySince : 0);
  }

  start(text: string) {
    this.statements += 1;
    this.sql?.push(text);
    if (this.active++ === 0) this.busySince = performance.now();
  }

  end() {
    if (--this.active === 0) this.busy += performance.now() - this.busySince;
  }
}
