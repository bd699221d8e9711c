/** The statuses that make a row public: a published article, an approved comment. */
const PUBLIC_STATUSES: ReadonlySet<unknown> = new Set(['published', 'approved']);

/**
 * `node(id:)` loads rows straight by key, bypassing the filters of the root fields. Anything with a
 * status is only public once published (approved, for a comment); everything else (channels, tags)
 * always is.
 */
export function publicNode<T>(node: T): T | null {
  if (node && typeof node === 'object' && 'status' in node && !PUBLIC_STATUSES.has(node.status)) return null;
  return node;
}

// How plugin-drizzle's loader reports a key with no row: `Model articles(7) not found`.
const MISSING_ROW = /^Model \w+\(.*\) not found$/;

/** An ID that names no row is a `null` node, as Relay specifies, not an error. */
export async function missingAsNull<T>(load: Promise<T> | T): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof Error && MISSING_ROW.test(error.message)) return null;
    throw error;
  }
}
