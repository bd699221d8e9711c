// Copies GraphiQL's built files from `@graphql-yoga/graphiql` into public/graphiql/, which wrangler
// serves as static assets (`[assets] directory = "./public"`). Idempotent: the directory is rebuilt
// from scratch each run, so stale files from an older package version never linger.
// Usage: `npm run assets`.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** GraphiQL's `dist/`, resolved like any import, so hoisting or workspaces don't matter. */
export function graphiqlDistDir(): string {
  const pkg = createRequire(join(root, 'package.json')).resolve('@graphql-yoga/graphiql/package.json');
  return join(dirname(pkg), 'dist');
}

/** The files the playground page loads (see src/playground/render.ts), relative to `dist/`. */
export function playgroundFiles(dist = graphiqlDistDir()): string[] {
  const workers = readdirSync(join(dist, 'monacoeditorwork'))
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => `monacoeditorwork/${file}`);
  return ['graphiql.css', 'yoga-graphiql.umd.js', ...workers];
}

export function copyPlaygroundAssets(target = join(root, 'public', 'graphiql')): { target: string; files: string[] } {
  const dist = graphiqlDistDir();
  const files = playgroundFiles(dist);
  rmSync(target, { recursive: true, force: true });
  for (const file of files) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(dist, file), join(target, file));
  }
  return { target, files };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { target, files } = copyPlaygroundAssets();
  console.log(`copied ${files.length} GraphiQL files to ${relative(process.cwd(), target) || '.'}`);
}
