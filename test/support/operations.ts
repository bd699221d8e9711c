import { operations } from '../../src/generated/operations';

export function operation(name: string) {
  const found = operations.find((op) => op.name === name);
  if (!found) throw new Error(`no operation ${name} in schema/operations`);
  return found;
}
