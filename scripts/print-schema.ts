// Writes schema/schema.graphql, the printed and sorted SDL partners read; a test fails when it drifts.
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from '../src/schema';

writeFileSync('schema/schema.graphql', `${printSchema(schema)}\n`);
console.log('wrote schema/schema.graphql');
