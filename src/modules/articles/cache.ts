import { entityTag, tagText } from '../../cache/tags';

/** Feeds gain items whenever anything is published (and publishing purges them). */
export const FEED_MAX_AGE = 120;
/** Tags are renamed rarely. */
export const TAG_MAX_AGE = 3_600;

/** A story edited in the last six hours: still being corrected. */
export const FRESH_ARTICLE_MAX_AGE = 60;

const HOUR = 3_600_000;

/** New stories are still being corrected; old ones hardly change (and are purged when they do). */
export function articleLifetime(article: { updatedAt?: Date | null }, now: number): number {
  const age = article.updatedAt ? now - article.updatedAt.getTime() : 0;
  if (age < 6 * HOUR) return FRESH_ARTICLE_MAX_AGE;
  if (age < 7 * 24 * HOUR) return 600;
  return 86_400;
}

/**
 * An entity tag (`article:7`) marks every response that shows that entity; a list tag
 * (`feed:channel:yaowen`) marks every response listing a set the entity may join or leave.
 */
export const articleCacheTags = {
  article: (id: number) => entityTag('Article', id),
  /** A lookup by path, which may have found nothing yet (a draft): publishing must purge it. */
  path: (path: string) => `article-path:${tagText(path)}`,
  tag: (id: number) => entityTag('Tag', id),
  /** Every feed: `articles` without a channel or tag filter. */
  feedAll: 'feed',
  // Channel paths are slugs (`yaowen/shandong`), already printable ASCII.
  feedChannel: (path: string) => `feed:channel:${tagText(path).replaceAll('%2F', '/')}`,
  feedTag: (name: string) => `feed:tag:${tagText(name)}`,
};

/** A channel path and every ancestor: an article in yaowen/shandong is in the yaowen feed too. */
export function channelLineage(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}

/** The list tags an article belongs to: all feeds it can appear in. */
export function feedTagsOf(article: { channelPath: string; tagNames: readonly string[] }): string[] {
  return [
    articleCacheTags.feedAll,
    ...channelLineage(article.channelPath).map(articleCacheTags.feedChannel),
    ...article.tagNames.map(articleCacheTags.feedTag),
  ];
}
