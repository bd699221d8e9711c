import { operations } from '../../src/generated/operations';

export function operation(name: string) {
  const found = operations.find((op) => op.name === name);
  if (!found) throw new Error(`no operation ${name} in schema/operations`);
  return found;
}

/**
 * The reads of schema/operations/: queries of one SQL statement, which the generic tests run with
 * their example variables. CommentForm (no SQL, needs COMMENT_SECRET) and PostComment (a mutation
 * needing a fresh form token) are run by test/comments/operations.test.ts and the comments e2e test.
 */
export const readOperations = operations.filter(
  (op) => /^query /m.test(op.document) && /^# SQL statements: 1$/m.test(op.document),
);
