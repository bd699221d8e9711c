/**
 * Cache tag names (printable ASCII, no commas), in one place, because reads tag responses with them and writes purge by them.
 * An entity tag (`article:7`) marks every response that shows that entity; a list tag
 * (`feed:channel:yaowen`) marks every response that lists a set the entity may join or leave.
 */
export const cacheTags = {
  article: (id: number) => `article:${id}`,
  /** A lookup by path, which may have found nothing yet (a draft): publishing must purge it. */
  articlePath: (path: string) => `article-path:${encodeURIComponent(path)}`,
  channel: (id: number) => `channel:${id}`,
  tag: (id: number) => `tag:${id}`,
  site: 'site',
  /** An article's 相关推荐 list, which gains an entry when a listed draft is published. */
  relatedList: (articleId: number) => `related:${articleId}`,
  /** Every feed: `articles` without a channel or tag filter. */
  feedAll: 'feed',
  feedChannel: (path: string) => `feed:channel:${path}`,
  // Tags travel in a `Cache-Tag` header, which only takes printable ASCII: 乡村振兴 goes percent-encoded.
  feedTag: (name: string) => `feed:tag:${encodeURIComponent(name)}`,
};

/** A channel path and every ancestor: an article in yaowen/shandong is in the yaowen feed too. */
export function channelLineage(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}

/** The list tags an article belongs to: all feeds it can appear in. */
export function feedTagsOf(article: { channelPath: string; tagNames: string[] }): string[] {
  return [
    cacheTags.feedAll,
    ...channelLineage(article.channelPath).map(cacheTags.feedChannel),
    ...article.tagNames.map(cacheTags.feedTag),
  ];
}

/**
 * The tag of a lookup by global ID, read from the raw argument: a miss (null) is cached too, and
 * must be purged when the article becomes public.
 */
export function lookupTags(globalId: unknown): string[] {
  try {
    const [typename, id] = atob(String(globalId)).split(':');
    return typename === 'Article' && id && /^\d+$/.test(id) ? [cacheTags.article(Number(id))] : [];
  } catch {
    return [];
  }
}
