import type { Database } from '../../db/database';
import type { SeedReport, SeedRun } from '../../shared/seed';
import { computeAllRelated } from './compute';

/** 相关推荐 for every published article (the articles module seeds before this one). */
export async function seed(db: Database, _run: SeedRun): Promise<SeedReport> {
  const { lists, entries } = await computeAllRelated(db);
  return { relatedLists: lists, relatedEntries: entries };
}
