import { readFileSync } from 'node:fs';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readOperationSources } from '../../scripts/operation-sources';
import { renderOperationsModule } from '../../scripts/operations-module';
import { operations } from '../../src/generated/operations';
import { schema } from '../../src/schema';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema:print` after changing types)', () => {
    expect(readFileSync('schema/schema.graphql', 'utf8')).toBe(`${printSchema(schema)}\n`);
  });

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
      if (isUnionType(type) && type.getTypes().length === 0) missing.push(`${type.name} has no members`);
    }
    expect(missing).toEqual([]);
  });
});

describe('src/generated/operations.ts', () => {
  it('matches schema/operations/ (run `npm run operations:build` after editing them)', () => {
    expect(readFileSync('src/generated/operations.ts', 'utf8')).toBe(renderOperationsModule(readOperationSources()));
    expect(operations.map((op) => op.name)).toEqual(
      expect.arrayContaining(['ArticlePage', 'ChannelFeed', 'SiteChrome']),
    );
  });
});
