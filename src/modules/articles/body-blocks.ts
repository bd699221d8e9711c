/** An image as stored in an article body or as its cover. */
export interface ImageAsset {
  url: string;
  width: number;
  height: number;
  alt: string;
  caption?: string | null;
  credit?: string | null;
}

export type BodyBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; level: 2 | 3; text: string }
  | { type: 'image'; image: ImageAsset }
  | {
      type: 'embed';
      media: 'video' | 'audio';
      url: string;
      title: string;
      durationSeconds?: number | null;
      poster?: ImageAsset | null;
    };

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c] ?? c);

/** Only web and site-relative URLs reach the markup: no `javascript:`, `data:` or protocol-relative tricks. */
export function safeUrl(url: string): string | null {
  if (/^\/(?!\/)/.test(url)) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function imageHtml(image: ImageAsset): string {
  const src = safeUrl(image.url);
  if (!src) return '';
  const img = `<img src="${escapeHtml(src)}" width="${image.width}" height="${image.height}" alt="${escapeHtml(image.alt)}" loading="lazy">`;
  const caption = [image.caption, image.credit].filter(Boolean).map((part) => escapeHtml(String(part)));
  return `<figure>${img}${caption.length ? `<figcaption>${caption.join(' ')}</figcaption>` : ''}</figure>`;
}

function blockHtml(block: BodyBlock): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'image':
      return imageHtml(block.image);
    case 'embed': {
      const src = safeUrl(block.url);
      if (!src) return '';
      const poster = block.poster && safeUrl(block.poster.url);
      const posterAttr = poster ? ` poster="${escapeHtml(poster)}"` : '';
      return block.media === 'video'
        ? `<figure><video controls preload="none" src="${escapeHtml(src)}"${posterAttr} title="${escapeHtml(block.title)}"></video><figcaption>${escapeHtml(block.title)}</figcaption></figure>`
        : `<figure><audio controls preload="none" src="${escapeHtml(src)}" title="${escapeHtml(block.title)}"></audio><figcaption>${escapeHtml(block.title)}</figcaption></figure>`;
    }
  }
}

/**
 * Renders the structured body as HTML. Every text is escaped and every URL checked, so the
 * output is safe to inject as-is: sanitising by construction rather than by filtering HTML.
 */
export function renderBodyHtml(blocks: readonly BodyBlock[]): string {
  return blocks.map(blockHtml).join('\n');
}
