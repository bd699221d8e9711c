import type { Database } from './db/database';
import type { QueryMetrics } from './db/metrics';

/** What every resolver gets: this request's database client and its statement meter. */
export interface Context {
  db: Database;
  metrics: QueryMetrics;
}
