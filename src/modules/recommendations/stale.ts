import type { ArticleChange, Transaction } from '../articles';
import { relatedListTag } from './cache';
import { listsNear, placeOnTimeline, recomputeLists } from './compute';

/**
 * After any editor change to an article (publish, correction, retraction), in its transaction:
 * recompute the lists it may enter or leave (its own, those listing it, its neighbours') and
 * return the tags of exactly those whose list now reads differently.
 */
export async function relatedListsChanged(tx: Transaction, change: ArticleChange): Promise<string[]> {
  await placeOnTimeline(tx, change.id);
  const changed = await recomputeLists(tx, await listsNear(tx, change.id));
  return changed.map(relatedListTag);
}
