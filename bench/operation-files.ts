// The one reader of operation folders on the benchmark side: schema/operations/ (the gateway's public
// operations), bench/operations/ (benchmark-only variants) and bench/peers/postgraphile/operations/
// (PostGraphile's equivalents). Each `<Name>.graphql` with its optional `<Name>.variables.json`.
// bench/ imports nothing from scripts/ (scripts/check-bundle.ts imports bench/report.ts).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SCHEMA_OPERATIONS_DIR = join(REPO_ROOT, 'schema', 'operations');
export const BENCH_OPERATIONS_DIR = join(REPO_ROOT, 'bench', 'operations');

export interface OperationFile {
  name: string;
  document: string;
  variables: Record<string, unknown>;
  /** SHA-256 (hex) of the document's exact text: its persisted-query hash. */
  sha256: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every `<Name>.graphql` of `dir` (none when `dir` is missing), sorted by name. */
export function readOperationDir(dir: string): OperationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.graphql'.length);
      const document = readFileSync(join(dir, file), 'utf8');
      const variablesFile = join(dir, `${name}.variables.json`);
      let variables: Record<string, unknown> = {};
      if (existsSync(variablesFile)) {
        const parsed: unknown = JSON.parse(readFileSync(variablesFile, 'utf8'));
        if (!isRecord(parsed)) throw new Error(`${variablesFile}: expected a JSON object`);
        variables = parsed;
      }
      return { name, document, variables, sha256: createHash('sha256').update(document).digest('hex') };
    });
}

/**
 * The variants of `dir` that only change variables: a `<Name>.variables.json` with no document of
 * its own, naming the public operation it runs in an `"$operation"` key (the rest are its variables).
 */
export function readVariantDir(dir: string, operations: readonly OperationFile[]): OperationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.variables.json'))
    .map((file) => ({ name: file.slice(0, -'.variables.json'.length), file: join(dir, file) }))
    .filter(({ name }) => !existsSync(join(dir, `${name}.graphql`)))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ name, file }) => {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (!isRecord(parsed) || typeof parsed.$operation !== 'string') {
        throw new Error(`${file}: expected a JSON object with "$operation" (or a ${name}.graphql beside it)`);
      }
      const { $operation, ...variables } = parsed;
      const base = operations.find((op) => op.name === $operation);
      if (!base) throw new Error(`${file}: no operation ${$operation}`);
      return { ...base, name, variables };
    });
}
