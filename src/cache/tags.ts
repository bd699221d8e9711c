/**
 * Cache tags travel in a `Cache-Tag` header, which takes printable ASCII without commas or spaces:
 * anything else (乡村振兴, a path) is percent-encoded. Total: a lone surrogate becomes U+FFFD
 * instead of making encodeURIComponent throw.
 */
export function tagText(value: string): string {
  // Most tag texts (ids, slugs) are what encodeURIComponent leaves as they are.
  return UNESCAPED.test(value) ? value : encodeURIComponent(value.toWellFormed());
}

/** The characters encodeURIComponent never escapes. */
const UNESCAPED = /^[A-Za-z0-9_.!~*'()-]*$/;

/**
 * The tag of one entity, shared by every response that shows it: `article:7`, `channel:3`. Named
 * after its GraphQL type, so a lookup by global ID knows the tag before it finds anything.
 */
export function entityTag(typename: string, id: string | number): string {
  return `${typename.charAt(0).toLowerCase()}${typename.slice(1)}:${tagText(String(id))}`;
}
