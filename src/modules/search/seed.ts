import type { Database } from '../../db/database';
import { chunks, type SeedReport, type SeedRun } from '../../shared/seed';
import { reindexArticles } from './documents';

/** Indexes the articles this seed run wrote (the articles module seeds before this one). */
export async function seed(db: Database, run: SeedRun): Promise<SeedReport> {
  const ids = run.written.articles ?? [];
  for (const batch of chunks(ids, 200)) await reindexArticles(db, batch);
  return { searchDocuments: ids.length };
}
