import { describe, expect, it } from 'vitest';
import { useGateway } from './support/gateway';
import { readOperations } from './support/operations';

const { graphql } = useGateway();

/** Each operation documents its SQL budget in a `# SQL statements: N` line; reads are one round trip. */
function statementBudget(document: string): number | null {
  const match = /^# SQL statements: (\d+)$/m.exec(document);
  return match ? Number(match[1]) : null;
}

describe('schema/operations', () => {
  it.each(readOperations.map((op) => [op.name, op] as const))(
    '%s runs with its example variables within its SQL budget',
    async (_name, op) => {
      const budget = statementBudget(op.document);
      expect(budget, 'every operation documents its statement budget').not.toBeNull();
      const response = await graphql(op.document, op.variables);
      expect(response.body.errors).toBeUndefined();
      expect(response.status).toBe(200);
      const data = response.body.data ?? {};
      for (const value of Object.values(data)) expect(value).not.toBeNull();
      expect(response.statements).toBeGreaterThan(0);
      expect(response.statements).toBeLessThanOrEqual(budget ?? 0);
    },
  );
});
