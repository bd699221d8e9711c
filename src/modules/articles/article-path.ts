/**
 * Accepts what a partner is likely to have for an article: its path, or its full URL with a
 * query string or fragment. Returns the stored path form (`/yaowen/shandong/20240315/x.html`).
 */
export function normaliseArticlePath(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed || trimmed.length > 512) return null;
  try {
    const url = new URL(trimmed, 'https://site.invalid');
    const path = decodeURI(url.pathname);
    // `%00` decodes to NUL, which no stored path holds and Postgres text cannot carry.
    return path.includes('\0') ? null : path;
  } catch {
    return null;
  }
}
