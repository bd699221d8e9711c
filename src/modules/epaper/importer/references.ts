// Where a manifest points: page images and PDFs (URLs, or files beside it) and web articles.
import type { ManifestFiles, ManifestPage } from './manifest';
import type { ManifestProblem } from './problems';

const FILE_NAME = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[\w\-.]+(?:\/[\w\-.]+)*$/;

export interface Located {
  url: string;
  /** Set when read from a file beside the manifest. */
  size?: { width: number; height: number } | null;
}

/** A URL as is, or a file beside the manifest as its URL under `assetBase`. */
export function locate(
  reference: string,
  kind: 'image' | 'pdf',
  path: string,
  context: { files?: ManifestFiles; assetBase?: string },
  problems: ManifestProblem[],
): Located | null {
  if (/^https?:\/\//.test(reference)) {
    try {
      return { url: new URL(reference).href };
    } catch {
      problems.push({ path, message: `"${reference}" is not a valid URL.` });
      return null;
    }
  }
  if (!FILE_NAME.test(reference)) {
    problems.push({ path, message: `"${reference}" is neither an http(s) URL nor a file name beside the manifest.` });
    return null;
  }
  if (!context.files) {
    problems.push({ path, message: `"${reference}" is a file name, but this manifest was not read from a folder.` });
    return null;
  }
  const file = context.files.describe(reference, kind);
  if (!file) {
    problems.push({ path, message: `there is no file "${reference}" beside the manifest.` });
    return null;
  }
  if (!context.assetBase) {
    problems.push({
      path,
      message: `"${reference}" is a file: give \`assetBase\` (or --asset-base), the URL its folder is served from.`,
    });
    return null;
  }
  return { url: new URL(reference, context.assetBase).href, size: file.size };
}

export function pageSize(page: ManifestPage, image: Located | null, path: string, problems: ManifestProblem[]) {
  if (image?.size === null) {
    problems.push({ path: `${path}.image`, message: 'the file is not an image whose pixel size can be read.' });
    return null;
  }
  const read = image?.size;
  if (read) {
    for (const side of ['width', 'height'] as const) {
      const given = page[side];
      if (given !== undefined && given !== read[side]) {
        problems.push({
          path: `${path}.${side}`,
          message: `is ${given}, but ${page.image} is ${read[side]} pixels ${side === 'width' ? 'wide' : 'high'}.`,
        });
      }
    }
    return read;
  }
  if (page.width === undefined || page.height === undefined) {
    if (image) {
      problems.push({ path, message: 'an image given by URL needs its `width` and `height` in pixels.' });
    }
    return null;
  }
  return { width: page.width, height: page.height };
}

/** A web article named by path or by URL on the site: its path. */
export function webPath(reference: string): string | null {
  let path = reference;
  if (/^https?:\/\//.test(reference)) {
    try {
      path = new URL(reference).pathname;
    } catch {
      return null;
    }
  }
  path = path.split(/[?#]/)[0] ?? '';
  return /^\/[^\s]*$/.test(path) && !path.includes('//') ? path : null;
}
