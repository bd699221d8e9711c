import type { Database } from '../../db/database';
import type { SeedReport, SeedRun } from '../../shared/seed';
import { computeRelatedByTags } from './compute';

/** 相关推荐 for the articles this seed run wrote (the articles module seeds before this one). */
export async function seed(db: Database, run: SeedRun): Promise<SeedReport> {
  const ids = run.written.articles ?? [];
  await computeRelatedByTags(db, ids);
  return { relatedLists: ids.length };
}
