import { entityTag, tagText } from '../../cache/tags';

/**
 * A printed issue, its pages and stories never change except by a correction, and an import that
 * corrects them purges their tags: a day at the edge.
 */
export const EDITION_MAX_AGE = 86_400;
/** Newspapers (name, publisher) change perhaps once in years. */
export const NEWSPAPER_MAX_AGE = 86_400;
/**
 * The newest issue changes once a day when the next one is imported (which purges it); kept short
 * anyway so a purge that failed delays the new issue by minutes, not a day.
 */
export const LATEST_ISSUE_MAX_AGE = 600;
/** A month's calendar gains a date with each import, which purges it. */
export const CALENDAR_MAX_AGE = 3_600;

/**
 * Entity tags mark every response showing that row; the lookup tags mark answers that depend on
 * which issues exist (a date that had none, a month's dates, "before the first issue").
 * A lookup that found an issue carries that issue's tag instead: "latest" and "nearest earlier"
 * answers change only when a new issue becomes that issue's next one, which purges its tag.
 */
export const epaperCacheTags = {
  newspaper: (id: number) => entityTag('Newspaper', id),
  issue: (id: number) => entityTag('EpaperIssue', id),
  page: (id: number) => entityTag('EpaperPage', id),
  article: (id: number) => entityTag('EpaperArticle', id),
  /** `issue(date:)` of a date: null until an issue of that date is imported. */
  day: (paper: string, date: string) => `epaper-day:${tagText(paper)}:${date}`,
  /** `issueDates` of a month (`2024-03`). */
  month: (paper: string, month: string) => `epaper-month:${tagText(paper)}:${month}`,
  /** Answers with no issue before them (`latestIssue`, `issueBefore`): purged when a new first issue arrives. */
  first: (paper: string) => `epaper-first:${tagText(paper)}`,
};

const TAG_SHAPES = [
  /^(newspaper|epaperIssue|epaperPage|epaperArticle|article):[1-9]\d{0,9}$/,
  /^epaper-day:[a-z0-9-]{1,32}:\d{4}-\d{2}-\d{2}$/,
  /^epaper-month:[a-z0-9-]{1,32}:\d{4}-\d{2}$/,
  /^epaper-first:[a-z0-9-]{1,32}$/,
];

/** Only the tags an import can make stale (its web articles' included) may be purged through this module. */
export function isEditionTag(tag: string): boolean {
  return TAG_SHAPES.some((shape) => shape.test(tag));
}
