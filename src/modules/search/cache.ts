/** Any search may gain a hit when an article is published or its text changes: those purge this tag. */
export const SEARCH_LIST_TAG = 'search';
/** Like a feed: publishing purges it, and a short life bounds what a missed purge costs. */
export const SEARCH_MAX_AGE = 120;
