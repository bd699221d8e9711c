/**
 * Accepts what a partner is likely to have for an article: its path, or its full URL with a
 * query string or fragment. Returns the stored path form (`/yaowen/shandong/20240315/x.html`).
 */
export function normaliseArticlePath(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed || trimmed.length > 512) return null;
  try {
    const url = new URL(trimmed, 'https://site.invalid');
    return decodeURI(url.pathname);
  } catch {
    return null;
  }
}
