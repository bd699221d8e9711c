/** A related list changes when a listed article is published or retracted, which purges it. */
export const RELATED_MAX_AGE = 3_600;

/** An article's 相关推荐 list, which gains an entry when a listed draft is published. */
export const relatedListTag = (articleId: number) => `related:${articleId}`;
