import { readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { imageSize } from 'image-size';
import type { ManifestFiles } from './manifest';
import { ManifestError } from './problems';

export const MANIFEST_FILE = 'manifest.json';

/** The files beside a manifest: whether each exists, and an image's pixel size read from its header. */
export function folderFiles(dir: string): ManifestFiles {
  const root = resolve(dir);
  return {
    describe(name, kind) {
      const path = resolve(join(root, name));
      if (!path.startsWith(root + sep)) return null;
      try {
        if (!statSync(path).isFile()) return null;
      } catch {
        return null;
      }
      if (kind === 'pdf') return { size: null };
      try {
        const { width, height } = imageSize(readFileSync(path));
        return { size: width && height ? { width, height } : null };
      } catch {
        return { size: null };
      }
    },
  };
}

/** DIR/manifest.json, parsed; a file that is missing or not JSON is a problem at `$`. */
export function readManifestFile(dir: string): unknown {
  const path = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ManifestError([{ path: '$', message: `there is no ${MANIFEST_FILE} in ${dir}.` }]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ManifestError([{ path: '$', message: `${MANIFEST_FILE} is not JSON: ${(error as Error).message}` }]);
  }
}
