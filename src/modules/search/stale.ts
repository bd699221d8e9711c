import type { ArticleChange, Transaction } from '../articles';
import { SEARCH_LIST_TAG } from './cache';
import { reindexArticles } from './documents';

/**
 * Keeps the index in step with an editor change, in its transaction. A published article (new or
 * corrected) may now match any search: the search list tag goes. One leaving the public loses its
 * entity tag already, which every hit showing it carries.
 */
export async function reindexOnChange(tx: Transaction, change: ArticleChange): Promise<string[]> {
  await reindexArticles(tx, [change.id]);
  return change.after === 'published' ? [SEARCH_LIST_TAG] : [];
}
