// Writes src/generated/operations.ts from schema/operations/*.graphql and their example variables,
// so the Worker bundle and the Node entry share them without reading files at run time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { readOperationSources } from './operation-sources';
import { renderOperationsModule } from './operations-module';

const operations = readOperationSources();
mkdirSync('src/generated', { recursive: true });
writeFileSync('src/generated/operations.ts', renderOperationsModule(operations));
console.log(`wrote src/generated/operations.ts (${operations.length} operations)`);
