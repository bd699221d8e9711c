import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OperationSource } from './operations-module';

export const OPERATIONS_DIR = 'schema/operations';

/** Every `<Name>.graphql` in schema/operations/ with its `<Name>.variables.json`, sorted by name. */
export function readOperationSources(dir = OPERATIONS_DIR): OperationSource[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => file.slice(0, -'.graphql'.length))
    .sort()
    .map((name) => {
      const variablesFile = join(dir, `${name}.variables.json`);
      return {
        name,
        document: readFileSync(join(dir, `${name}.graphql`), 'utf8'),
        variables: existsSync(variablesFile) ? JSON.parse(readFileSync(variablesFile, 'utf8')) : {},
      };
    });
}
