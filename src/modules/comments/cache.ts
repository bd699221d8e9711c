/**
 * Everything that shows an article's comments carries `comments:article:<id>`: the article's
 * connection and each comment and reply in it. Approving, rejecting or deleting a comment purges
 * that one tag, so the article page itself (tagged `article:<id>`) and other articles' comments
 * stay cached.
 */
export const commentCacheTags = {
  article: (articleId: number) => `comments:article:${articleId}`,
};

/**
 * Moderation purges what it changes, so the lifetime only bounds how long an edge location that
 * missed a purge could lag; new approvals are the only change readers wait for.
 */
export const COMMENTS_MAX_AGE = 300;
