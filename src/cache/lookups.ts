import type { FieldCachePolicy } from './hints';
import { lifetimes } from './lifetimes';
import { lookupTags } from './tags';

/**
 * Lookups by global ID (`article(id:)`, `node(id:)`): tagged with what they asked for, so that a
 * `null` for a draft is purged when it is published, and kept briefly when they found nothing.
 */
export const lookupByIdPolicy: FieldCachePolicy<{ id?: unknown }> = {
  tags: (args) => lookupTags(args.id),
  maxAge: lifetimes.archivedArticle,
  missMaxAge: lifetimes.feed,
};

export const lookupByIdsPolicy: FieldCachePolicy<{ ids?: unknown }> = {
  tags: (args) => (Array.isArray(args.ids) ? args.ids.flatMap(lookupTags) : []),
  maxAge: lifetimes.archivedArticle,
  missMaxAge: lifetimes.feed,
};
