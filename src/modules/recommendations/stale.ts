import { eq } from 'drizzle-orm';
import type { ArticleChange, Transaction } from '../articles';
import { relatedListTag } from './cache';
import { articleRelated } from './tables';

/**
 * The related lists that name an article whose status changed: they gain it when it goes public
 * (and lose it, through its entity tag, when it stops being public).
 */
export async function relatedListsShowing(tx: Transaction, change: ArticleChange): Promise<string[]> {
  if (change.before === change.after) return [];
  const owners = await tx
    .select({ articleId: articleRelated.articleId })
    .from(articleRelated)
    .where(eq(articleRelated.relatedId, change.id));
  return owners.map((owner) => relatedListTag(owner.articleId));
}
