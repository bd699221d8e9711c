import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { articlesTable as articles } from '../../articles';
import { epaperIssues, newspapers } from '../tables';
import type { IssueInput } from './manifest';
import { ManifestError, type ManifestProblem } from './problems';
import type { Transaction } from './transaction';

/** The database's side of validation: the paper, the issue number, the web articles. */
export async function resolveReferences(tx: Transaction, issue: IssueInput) {
  const problems: ManifestProblem[] = [];
  const [paper] = await tx
    .select({ id: newspapers.id, slug: newspapers.slug })
    .from(newspapers)
    .where(eq(newspapers.slug, issue.paper))
    // Imports of one paper take turns: each reads and relinks its neighbours.
    .for('update');
  if (!paper) {
    const known = await tx.select({ slug: newspapers.slug }).from(newspapers).orderBy(asc(newspapers.position));
    problems.push({
      path: '$.paper',
      message: `there is no newspaper "${issue.paper}" (known: ${known.map((p) => p.slug).join(', ') || 'none'}).`,
    });
    throw new ManifestError(problems);
  }
  const [clash] = await tx
    .select({ date: epaperIssues.date })
    .from(epaperIssues)
    .where(
      and(
        eq(epaperIssues.newspaperId, paper.id),
        eq(epaperIssues.number, issue.number),
        ne(epaperIssues.date, issue.date),
      ),
    );
  if (clash) problems.push({ path: '$.number', message: `第${issue.number}期 is already the issue of ${clash.date}.` });

  const linked = issue.pages.flatMap((page) => page.articles).filter((article) => article.webArticlePath);
  const paths = [...new Set(linked.map((article) => article.webArticlePath as string))];
  const found = paths.length
    ? await tx.select({ id: articles.id, path: articles.path }).from(articles).where(inArray(articles.path, paths))
    : [];
  const webIds = new Map(found.map((row) => [row.path, row.id]));
  for (const article of linked) {
    if (!webIds.has(article.webArticlePath as string)) {
      problems.push({
        path: `${article.source}.webArticle`,
        message: `there is no web article at ${article.webArticlePath}.`,
      });
    }
  }
  if (problems.length) throw new ManifestError(problems);
  return { paper, webIds };
}
