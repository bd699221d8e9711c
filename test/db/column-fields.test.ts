// Two patches in patches/ make a row's own columns cheap to answer: a scalar field that selects
// only columns answers from the row when the row holds them (plugin-drizzle), and a node's `id`
// is encoded without a promise when the ID is at hand (plugin-relay). The answers must not change:
// a row that lacks a column still gets it loaded, a row that holds it is not loaded again, and an
// ID that arrives late still answers. A small schema on the project's builder and database shows
// each case.
import { execute, type GraphQLSchema, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuilder } from '../../src/builder';
import type { Context } from '../../src/context';
import type { Database } from '../../src/db/database';
import { StatementMeter } from '../../src/db/meter';
import { relations } from '../../src/modules';
import { openTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;
let schema: GraphQLSchema;

function buildSchema(): GraphQLSchema {
  const builder = createBuilder(relations);
  const Article = builder.drizzleNode('articles', {
    name: 'Article',
    id: { column: (article) => article.id },
    fields: (t) => ({
      title: t.exposeString('title'),
      summary: t.exposeString('summary', { nullable: true }),
      // The ID again, after a tick: the relay patch must still answer it.
      lateId: t.globalID({
        resolve: async (article) => {
          await new Promise((resolve) => setImmediate(resolve));
          return { type: 'Article', id: article.id };
        },
      }),
    }),
  });
  builder.queryType({
    fields: (t) => {
      // A field whose resolver loads the article itself, with these columns only (no plan).
      const unplanned = (columns: { id: true; title?: true }) =>
        t.field({
          type: Article,
          args: { path: t.arg.string({ required: true }) },
          resolve: async (_root, args, ctx) => {
            const row = await ctx.db.query.articles.findFirst({ columns, where: { path: args.path } });
            if (!row) throw new Error(`no article at ${args.path}`);
            return row as never;
          },
        });
      return {
        // Planned: the row comes with every column the selection asks for.
        planned: t.drizzleField({
          type: Article,
          nullable: true,
          args: { path: t.arg.string({ required: true }) },
          resolve: (query, _root, args, ctx) => ctx.db.query.articles.findFirst(query({ where: { path: args.path } })),
        }),
        // Not planned, but the row holds the title: no mapping says so, the row does.
        titled: unplanned({ id: true, title: true }),
        // Not planned: the resolver loads the row with its id alone.
        bare: unplanned({ id: true }),
      };
    },
  });
  // createBuilder declares the mutation type; a schema needs a field on it.
  builder.mutationField('noop', (t) => t.boolean({ resolve: () => true }));
  return builder.toSchema();
}

async function run(document: string, variables: Record<string, unknown>) {
  const meter = new StatementMeter();
  const session = database.session(meter);
  const context = { db: session.db as Database, now: new Date() } as unknown as Context;
  const result = await execute({ schema, document: parse(document), variableValues: variables, contextValue: context });
  await session.end?.();
  return { result, statements: meter.statements };
}

let path: string;
let expected: { title: string; summary: string | null; id: number };

beforeAll(async () => {
  database = await openTestDatabase();
  schema = buildSchema();
  const row = await database.admin.query.articles.findFirst({
    columns: { id: true, path: true, title: true, summary: true },
    where: { status: 'published', summary: { isNotNull: true } },
    orderBy: { id: 'asc' },
  });
  if (!row) throw new Error('the seed has a published article with a summary');
  path = row.path;
  expected = { title: row.title, summary: row.summary, id: row.id };
}, 120_000);

afterAll(async () => {
  await database.close();
});

const encoded = (id: number) => Buffer.from(`Article:${id}`).toString('base64');

describe('column fields and node IDs', () => {
  it('answers the columns of a planned row from the row, in the one statement', async () => {
    const { result, statements } = await run('query($path: String!) { planned(path: $path) { id title summary } }', {
      path,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.planned).toEqual({
      id: encoded(expected.id),
      title: expected.title,
      summary: expected.summary,
    });
    expect(statements).toBe(1);
  });

  it('loads the columns a row was fetched without, rather than answering null or undefined', async () => {
    const { result, statements } = await run('query($path: String!) { bare(path: $path) { id title summary } }', {
      path,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.bare).toEqual({ id: encoded(expected.id), title: expected.title, summary: expected.summary });
    // The resolver's own statement, then the loader's for the missing columns.
    expect(statements).toBe(2);
  });

  it('answers a column the row holds from the row, without loading it again', async () => {
    const { result, statements } = await run('query($path: String!) { titled(path: $path) { title } }', { path });
    expect(result.errors).toBeUndefined();
    expect(result.data?.titled).toEqual({ title: expected.title });
    // Only the resolver's own statement: before the patch the loader fetched the title again.
    expect(statements).toBe(1);
  });

  it('answers an ID its resolver gives late', async () => {
    const { result } = await run('query($path: String!) { planned(path: $path) { lateId } }', { path });
    expect(result.errors).toBeUndefined();
    expect(result.data?.planned).toEqual({ lateId: encoded(expected.id) });
  });
});
