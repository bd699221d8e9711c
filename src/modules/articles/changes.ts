import type { Database } from '../../db/database';

/** A transaction of an editor change, as Drizzle hands it to the callback. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export type ArticleStatus = 'draft' | 'published' | 'retracted';

/** What an editor change did to one article, for whoever must react in the same transaction. */
export interface ArticleChange {
  id: number;
  before: ArticleStatus;
  after: ArticleStatus;
}

/**
 * Cache tags another module finds stale after an article change (recommendations: the pages that
 * list the article in 相关推荐). Listeners run inside the change's transaction.
 */
export type ArticleChangeListener = (tx: Transaction, change: ArticleChange) => Promise<string[]>;

const listeners: ArticleChangeListener[] = [];

/** Lets a module that depends on articles react to their changes without articles knowing it. */
export function onArticleChange(listener: ArticleChangeListener): void {
  listeners.push(listener);
}

export async function staleTagsOfListeners(tx: Transaction, change: ArticleChange): Promise<string[]> {
  const tags: string[] = [];
  for (const listener of listeners) tags.push(...(await listener(tx, change)));
  return tags;
}
