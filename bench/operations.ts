import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readOperationSources } from '../scripts/operation-sources';

export interface BenchOperation {
  name: string;
  document: string;
  variables: Record<string, unknown>;
  /** From the document's `# SQL statements: N` line. */
  budget: number | null;
  /** Where it comes from: the public operations, or a benchmark-only variant in bench/operations/. */
  origin: 'schema/operations' | 'bench/operations';
}

const BENCH_OPERATIONS_DIR = fileURLToPath(new URL('./operations', import.meta.url));
const SCHEMA_OPERATIONS_DIR = fileURLToPath(new URL('../schema/operations', import.meta.url));

function budgetOf(document: string): number | null {
  const match = /^# SQL statements: (\d+)$/m.exec(document);
  return match ? Number(match[1]) : null;
}

function readDir(dir: string): { name: string; document: string; variables: Record<string, unknown> }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.graphql'.length);
      const variablesFile = join(dir, `${name}.variables.json`);
      return {
        name,
        document: readFileSync(join(dir, file), 'utf8'),
        variables: existsSync(variablesFile) ? JSON.parse(readFileSync(variablesFile, 'utf8')) : {},
      };
    });
}

/**
 * Every read operation in schema/operations/ with its example variables, then the benchmark-only
 * feed variants of bench/operations/ (tag feed, date archive) that no page document uses yet.
 */
export function benchOperations(only?: readonly string[]): BenchOperation[] {
  const all: BenchOperation[] = [
    ...readOperationSources(SCHEMA_OPERATIONS_DIR).map((op) => ({
      ...op,
      budget: budgetOf(op.document),
      origin: 'schema/operations' as const,
    })),
    ...readDir(BENCH_OPERATIONS_DIR).map((op) => ({
      ...op,
      budget: budgetOf(op.document),
      origin: 'bench/operations' as const,
    })),
  ];
  const reads = all.filter((op) => !/^\s*(mutation|subscription)\b/m.test(op.document));
  if (!only?.length) return reads;
  const unknown = only.filter((name) => !reads.some((op) => op.name === name));
  if (unknown.length) throw new Error(`unknown operation(s): ${unknown.join(', ')}`);
  return reads.filter((op) => only.includes(op.name));
}
