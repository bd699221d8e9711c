import {
  BENCH_OPERATIONS_DIR,
  type OperationFile,
  readOperationDir,
  readVariantDir,
  SCHEMA_OPERATIONS_DIR,
} from './operation-files';

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
 * variants of bench/operations/: documents no page uses yet (tag feed, date archive), and public
 * operations with other variables (a common word searched).
 */
export function benchOperations(only?: readonly string[]): BenchOperation[] {
  const published = readOperationDir(SCHEMA_OPERATIONS_DIR);
  const all: BenchOperation[] = [
    ...published.map((op) => ({
      ...op,
      budget: budgetOf(op.document),
      origin: 'schema/operations' as const,
    })),
    ...[...readOperationDir(BENCH_OPERATIONS_DIR), ...readVariantDir(BENCH_OPERATIONS_DIR, published)].map((op) => ({
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
