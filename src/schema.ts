import { type GraphQLSchema, lexicographicSortSchema } from 'graphql';
import { createBuilder } from './builder';
import { applyCacheHints } from './cache/hints';
import { modules, relations } from './modules';
import { registerScalars } from './shared/scalars';

/** Builds the GraphQL schema from the module list: one builder, every module's types on it. */
export function buildSchema(): GraphQLSchema {
  const builder = createBuilder(relations);
  registerScalars(builder);
  for (const module of modules) module.schema(builder);
  return applyCacheHints(lexicographicSortSchema(builder.toSchema()));
}

/** Built once per process (per isolate on the Worker). */
export const schema = buildSchema();
