import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { PLAYGROUND_ASSETS } from './playground';

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** GraphiQL's built files, straight from the installed `@graphql-yoga/graphiql` package. */
export const playgroundAssetsDir = join(
  dirname(createRequire(import.meta.url).resolve('@graphql-yoga/graphiql/package.json')),
  'dist',
);

/**
 * Serves the playground's files on the Node entry (the Worker serves the same files as static
 * assets). Returns false when the request is not for one of them.
 */
export async function servePlaygroundAsset(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(`${PLAYGROUND_ASSETS}/`) || (req.method !== 'GET' && req.method !== 'HEAD'))
    return false;
  let name: string;
  try {
    name = decodeURIComponent(url.pathname.slice(PLAYGROUND_ASSETS.length));
  } catch {
    return false; // a malformed escape (`%E0%A4%A`) names no file
  }
  const file = normalize(join(playgroundAssetsDir, name));
  if (!file.startsWith(playgroundAssetsDir + sep)) return false;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  const ext = file.slice(file.lastIndexOf('.'));
  res.writeHead(200, {
    'content-type': types[ext] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'public, max-age=86400',
  });
  if (req.method === 'HEAD') res.end();
  // A read that fails midway, or a client gone, ends both streams (pipeline destroys them).
  else pipeline(createReadStream(file), res, () => {});
  return true;
}
