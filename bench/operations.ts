import { BENCH_OPERATIONS_DIR, type OperationFile, readOperationDir, SCHEMA_OPERATIONS_DIR } from './operation-files';

export interface BenchOperation extends OperationFile {
  /** From the document's `# SQL statements: N` line. */
  budget: number | null;
  /** Where it comes from: the public operations, or a benchmark-only variant in bench/operations/. */
  origin: 'schema/operations' | 'bench/operations';
}

function budgetOf(document: string): number | null {
  const match = /^# SQL statements: (\d+)$/m.exec(document);
  return match ? Number(match[1]) : null;
}

/**
 * Every read operation in schema/operations/ with its example variables, then the benchmark-only
 * feed variants of bench/operations/ (tag feed, date archive) that no page document uses yet.
 */
export function benchOperations(only?: readonly string[]): BenchOperation[] {
  const all: BenchOperation[] = [
    ...readOperationDir(SCHEMA_OPERATIONS_DIR).map((op) => ({
      ...op,
      budget: budgetOf(op.document),
      origin: 'schema/operations' as const,
    })),
    ...readOperationDir(BENCH_OPERATIONS_DIR).map((op) => ({
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

/** One of schema/operations/ by name (the peers compare these), or an error naming the folder. */
export function schemaOperation(name: string): BenchOperation {
  const op = benchOperations().find((o) => o.name === name && o.origin === 'schema/operations');
  if (!op) throw new Error(`schema/operations/${name}.graphql not found`);
  return op;
}
