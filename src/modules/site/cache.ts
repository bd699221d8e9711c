/** The site row changes a few times a year, and its edits purge the `site` tag. */
export const SITE_MAX_AGE = 3_600;

export const siteTag = 'site';
