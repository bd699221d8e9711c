/** How long each kind of content may be served from the edge before it is checked again, in seconds. */
export const lifetimes = {
  /** Navigation, footer, channel tree: edited rarely, and purged when they are. */
  siteChrome: 3600,
  /** A list that gains items whenever anything is published. */
  feed: 120,
  freshArticle: 60,
  recentArticle: 600,
  archivedArticle: 86_400,
};

const HOUR = 3_600_000;

/** New stories are still being corrected; old ones hardly change (and are purged when they do). */
export function articleLifetime(article: { updatedAt?: Date | null }, now = Date.now()): number {
  const age = article.updatedAt ? now - article.updatedAt.getTime() : 0;
  if (age < 6 * HOUR) return lifetimes.freshArticle;
  if (age < 7 * 24 * HOUR) return lifetimes.recentArticle;
  return lifetimes.archivedArticle;
}
