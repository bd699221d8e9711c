import { and, asc, desc, eq, gt, lt } from 'drizzle-orm';
import { epaperIssues } from '../tables';
import type { Transaction } from './transaction';

/** Links a new issue between its neighbours by date; returns the neighbours whose links changed. */
export async function linkNeighbours(tx: Transaction, paperId: number, issueId: number, date: string) {
  const nearest = (where: ReturnType<typeof lt>, order: ReturnType<typeof desc>) =>
    tx
      .select({ id: epaperIssues.id })
      .from(epaperIssues)
      .where(and(eq(epaperIssues.newspaperId, paperId), where))
      .orderBy(order)
      .limit(1);
  const [previous] = await nearest(lt(epaperIssues.date, date), desc(epaperIssues.date));
  const [next] = await nearest(gt(epaperIssues.date, date), asc(epaperIssues.date));
  await tx
    .update(epaperIssues)
    .set({ previousIssueId: previous?.id ?? null, nextIssueId: next?.id ?? null })
    .where(eq(epaperIssues.id, issueId));
  if (previous) await tx.update(epaperIssues).set({ nextIssueId: issueId }).where(eq(epaperIssues.id, previous.id));
  if (next) await tx.update(epaperIssues).set({ previousIssueId: issueId }).where(eq(epaperIssues.id, next.id));
  return { previous: previous?.id ?? null, next: next?.id ?? null };
}
