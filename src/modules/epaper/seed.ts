import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { excluded, type SeedReport } from '../../shared/seed';
import type { BodyBlock } from '../articles';
import { articlesTable as articles } from '../articles';
import { DEMO_PAPERS, demoManifests, SEED_WEB_ARTICLE_PATH, type WebStory } from './demo/issues';
import { validateManifest } from './importer/manifest';
import { writeIssue } from './importer/write-issue';
import { newspapers } from './tables';

/** The reference web article's story, for its print version (the articles module seeds first). */
async function seedStory(db: Database): Promise<WebStory | null> {
  const [row] = await db
    .select({ title: articles.title, subtitles: articles.subtitles, body: articles.body })
    .from(articles)
    .where(eq(articles.path, SEED_WEB_ARTICLE_PATH));
  if (!row) return null;
  const paragraphs = row.body.flatMap((block: BodyBlock) => (block.type === 'paragraph' ? [block.text] : []));
  return { path: SEED_WEB_ARTICLE_PATH, title: row.title, subtitles: row.subtitles, paragraphs };
}

/**
 * The two newspapers, and their demo issues imported through the importer's own checks and
 * writer, so the seed is idempotent the way an import is (a second run writes nothing).
 */
export async function seed(db: Database): Promise<SeedReport> {
  await db
    .insert(newspapers)
    .values(DEMO_PAPERS.map((paper) => ({ ...paper })))
    .onConflictDoUpdate({
      target: newspapers.slug,
      set: excluded(newspapers, ['name', 'kind', 'publisher', 'description', 'position']),
    });
  const manifests = demoManifests(await seedStory(db));
  let pages = 0;
  let printArticles = 0;
  for (const manifest of manifests) {
    const result = await writeIssue(db, validateManifest(manifest));
    pages += result.pages;
    printArticles += result.articles;
  }
  return { newspapers: DEMO_PAPERS.length, epaperIssues: manifests.length, epaperPages: pages, printArticles };
}
