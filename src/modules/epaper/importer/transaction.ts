import type { Database } from '../../../db/database';

/** A transaction of an import, as Drizzle hands it to the callback. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
