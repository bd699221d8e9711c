import type { Database } from '../../db/database';
import type { SeedReport, SeedRun } from '../../shared/seed';
import { computeAllRelated } from './compute-all';

/** 相关推荐 for every published article (the articles module seeds before this one). */
export async function seed(db: Database, run: SeedRun): Promise<SeedReport> {
  // `seed:bulk` seeds with no generated articles, loads its own, then computes every list once.
  if (run.options.articles === 0) return {};
  const { lists, entries } = await computeAllRelated(db);
  return { relatedLists: lists, relatedEntries: entries };
}
