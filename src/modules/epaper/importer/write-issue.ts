import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/database';
import { articleCacheTags } from '../../articles';
import { epaperCacheTags } from '../cache';
import { epaperArticles, epaperIssues, epaperPages } from '../tables';
import { resolveReferences } from './known-references';
import type { ArticleInput, IssueInput, PageInput } from './manifest';
import { linkNeighbours } from './neighbours';
import type { Transaction } from './transaction';

type PageRow = typeof epaperPages.$inferSelect & { articles: (typeof epaperArticles.$inferSelect)[] };

export interface ImportResult {
  issueId: number;
  /** The issue was not there before. */
  created: boolean;
  /** Rows written (inserted, updated or deleted); 0 when the issue was already as the manifest says. */
  changedRows: number;
  pages: number;
  articles: number;
  /** Cache tags of everything that now reads differently, to purge once committed. */
  staleTags: string[];
  /** False for a dry run, whose changes were rolled back. */
  committed: boolean;
}

class DryRun extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function pageFields(page: PageInput) {
  const { position, number, name, imageUrl, imageWidth, imageHeight, pdfUrl } = page;
  return { position, number, name, imageUrl, imageWidth, imageHeight, pdfUrl };
}

function articleFields(article: ArticleInput, webArticleId: number | null) {
  const { position, kicker, title, subtitles, author, body, hotspot } = article;
  return { position, kicker, title, subtitles, author, body, hotspot, webArticleId };
}

/** The fields of `next` that differ from the row, or null when none does. */
function changes<T extends object>(row: Record<string, unknown>, next: T): Partial<T> | null {
  const changed = Object.entries(next).filter(([key, value]) => !same(row[key], value));
  return changed.length ? (Object.fromEntries(changed) as Partial<T>) : null;
}

/**
 * Writes an issue as the manifest describes it, in one transaction: everything or nothing.
 * Rows already as described are left alone, so importing the same manifest again writes nothing
 * and reports no stale tag; a corrected manifest rewrites only what it corrects. Pages are matched
 * by number and stories by their place on the page, so their ids (and links) survive corrections.
 */
export async function writeIssue(
  db: Database,
  issue: IssueInput,
  options: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  try {
    return await db.transaction(async (tx) => {
      const { paper, webIds } = await resolveReferences(tx, issue);
      const webIdOf = (article: ArticleInput) =>
        article.webArticlePath ? (webIds.get(article.webArticlePath) ?? null) : null;
      const stale = new Set<string>();
      let changedRows = 0;

      const existing = await tx.query.epaperIssues.findFirst({
        where: { newspaperId: paper.id, date: issue.date },
        with: { pages: { with: { articles: true } } },
      });
      const issueRow = { number: issue.number, pageCount: issue.pages.length };
      let issueId: number;
      if (existing) {
        issueId = existing.id;
        const changed = changes(existing, issueRow);
        if (changed) {
          await tx.update(epaperIssues).set(changed).where(eq(epaperIssues.id, issueId));
          changedRows += 1;
          stale.add(epaperCacheTags.issue(issueId));
        }
      } else {
        const [inserted] = await tx
          .insert(epaperIssues)
          .values({ newspaperId: paper.id, date: issue.date, ...issueRow })
          .returning({ id: epaperIssues.id });
        issueId = (inserted as { id: number }).id;
        changedRows += 1;
        const neighbours = await linkNeighbours(tx, paper.id, issueId, issue.date);
        changedRows += Number(neighbours.previous !== null) + Number(neighbours.next !== null);
        if (neighbours.previous) stale.add(epaperCacheTags.issue(neighbours.previous));
        else stale.add(epaperCacheTags.first(paper.slug));
        if (neighbours.next) stale.add(epaperCacheTags.issue(neighbours.next));
        stale.add(epaperCacheTags.day(paper.slug, issue.date));
        stale.add(epaperCacheTags.month(paper.slug, issue.date.slice(0, 7)));
      }

      const oldPages = new Map<string, PageRow>((existing?.pages ?? []).map((page) => [page.number, page]));
      const keep = new Set(issue.pages.map((page) => page.number));
      const dropped = [...oldPages.values()].filter((page) => !keep.has(page.number));
      if (dropped.length) {
        await tx.delete(epaperPages).where(
          inArray(
            epaperPages.id,
            dropped.map((page) => page.id),
          ),
        );
        changedRows += dropped.length;
        stale.add(epaperCacheTags.issue(issueId));
        for (const page of dropped) {
          stale.add(epaperCacheTags.page(page.id));
          for (const article of page.articles) {
            stale.add(epaperCacheTags.article(article.id));
            if (article.webArticleId) stale.add(articleCacheTags.article(article.webArticleId));
          }
        }
      }

      // New pages in one statement, then every new story of the issue in one more.
      const added = issue.pages.filter((page) => !oldPages.has(page.number));
      const insertedPages = added.length
        ? await tx
            .insert(epaperPages)
            .values(added.map((page) => ({ issueId, ...pageFields(page) })))
            .returning({ id: epaperPages.id, number: epaperPages.number })
        : [];
      changedRows += insertedPages.length;
      if (existing && added.length) stale.add(epaperCacheTags.issue(issueId));
      const pageIds = new Map(insertedPages.map((row) => [row.number, row.id]));
      const freshArticles: (typeof epaperArticles.$inferInsert)[] = [];

      for (const page of issue.pages) {
        const old = oldPages.get(page.number);
        if (old) {
          const changed = changes(old, pageFields(page));
          if (changed) {
            await tx.update(epaperPages).set(changed).where(eq(epaperPages.id, old.id));
            changedRows += 1;
            stale.add(epaperCacheTags.page(old.id));
            // The issue's page list (版面导航) shows the order.
            if (changed.position !== undefined) stale.add(epaperCacheTags.issue(issueId));
          }
        }
        const pageId = old?.id ?? (pageIds.get(page.number) as number);
        changedRows += await writeArticles(tx, pageId, page, old?.articles ?? null, webIdOf, stale, freshArticles);
      }
      if (freshArticles.length) {
        await tx.insert(epaperArticles).values(freshArticles);
        changedRows += freshArticles.length;
      }

      const result: ImportResult = {
        issueId,
        created: !existing,
        changedRows,
        pages: issue.pages.length,
        articles: issue.pages.reduce((sum, page) => sum + page.articles.length, 0),
        staleTags: [...stale].sort(),
        committed: !options.dryRun,
      };
      if (options.dryRun) throw new DryRun(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}

/**
 * A page's stories by their place on the page: updates and deletes here, new stories added to
 * `fresh` for one insert of the whole issue. Returns the rows updated or deleted.
 */
async function writeArticles(
  tx: Transaction,
  pageId: number,
  page: PageInput,
  /** The page's stories before, or null for a page that is new. */
  before: readonly (typeof epaperArticles.$inferSelect)[] | null,
  webIdOf: (article: ArticleInput) => number | null,
  stale: Set<string>,
  fresh: (typeof epaperArticles.$inferInsert)[],
): Promise<number> {
  let written = 0;
  const old = before ?? [];
  const byPosition = new Map(old.map((article) => [article.position, article]));
  const added = fresh.length;
  for (const article of page.articles) {
    const webArticleId = webIdOf(article);
    const row = byPosition.get(article.position);
    if (!row) {
      fresh.push({ pageId, ...articleFields(article, webArticleId) });
      if (webArticleId) stale.add(articleCacheTags.article(webArticleId));
      continue;
    }
    const changed = changes(row, articleFields(article, webArticleId));
    if (!changed) continue;
    await tx.update(epaperArticles).set(changed).where(eq(epaperArticles.id, row.id));
    written += 1;
    stale.add(epaperCacheTags.article(row.id));
    if (changed.webArticleId !== undefined) {
      for (const id of [row.webArticleId, webArticleId]) if (id) stale.add(articleCacheTags.article(id));
    }
  }
  // The page's list of stories grew (a new page was shown nowhere yet).
  if (fresh.length > added && before) stale.add(epaperCacheTags.page(pageId));
  const removed = old.filter((article) => article.position > page.articles.length);
  if (removed.length) {
    await tx.delete(epaperArticles).where(
      inArray(
        epaperArticles.id,
        removed.map((article) => article.id),
      ),
    );
    written += removed.length;
    stale.add(epaperCacheTags.page(pageId));
    for (const article of removed) {
      stale.add(epaperCacheTags.article(article.id));
      if (article.webArticleId) stale.add(articleCacheTags.article(article.webArticleId));
    }
  }
  return written;
}
