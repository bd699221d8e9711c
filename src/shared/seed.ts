import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

/** What a module's seed wrote, by kind, for the console and the tests. */
export type SeedReport = Record<string, number>;

export interface SeedOptions {
  /** Generated articles besides the hand-written ones; default 360. */
  articles?: number;
}

/** One seed run, shared by the modules' seeds in list order. */
export interface SeedRun {
  options: SeedOptions;
  /** Ids each seed wrote, by table, for the seeds after it (recommendations: the articles written). */
  written: Record<string, number[]>;
}

/**
 * `SET col = excluded.col` for an upsert. Drizzle has no helper for the `excluded` pseudo-table,
 * so it is spelled out with the columns' database names.
 */
export function excluded<T extends PgTable, K extends keyof T['_']['columns'] & string>(
  table: T,
  keys: readonly K[],
): Record<K, SQL> {
  const columns = table as unknown as Record<K, PgColumn>;
  const set = keys.map((key) => [key, sql`excluded.${sql.identifier(columns[key].name)}`]);
  return Object.fromEntries(set) as Record<K, SQL>;
}

export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
