import { entityTag } from './tags';

/** Seconds a lookup that found nothing is kept: long enough to absorb a burst, short enough for a typo. */
export const LOOKUP_MISS_MAX_AGE = 120;

/**
 * The tag of a lookup by global ID, read from the raw argument, so a `null` for something not yet
 * public is purged when it becomes public. Anything undecodable has no tag (and gets an error).
 */
export function lookupTags(globalId: unknown): string[] {
  if (typeof globalId !== 'string' || globalId.length > 256) return [];
  try {
    const decoded = atob(globalId);
    const separator = decoded.indexOf(':');
    const typename = decoded.slice(0, separator);
    const id = decoded.slice(separator + 1);
    return separator > 0 && /^[A-Z][A-Za-z]*$/.test(typename) && /^[1-9]\d{0,9}$/.test(id)
      ? [entityTag(typename, id)]
      : [];
  } catch {
    return [];
  }
}
