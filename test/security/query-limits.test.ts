import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/cache/memory-store';
import { createGateway, type Gateway } from '../../src/gateway/gateway';
import { DEFAULT_LIMITS, type RequestLimits } from '../../src/gateway/limits';
import { createKey } from '../../src/modules/partners/admin';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { aliases, deepIntrospection, deepParents, directives } from './attacks';
import { answerOf, codesOf } from './support';

/**
 * Every limit on what a document may ask for, as documented (README "Limits"): accepted at its
 * value, refused one past it, and refused before any SQL runs. (Body size, tokens, nesting and
 * variables depth: test/gateway/limits.test.ts.)
 */

let database: TestDatabase;
let secret: string;
const gateways = new Map<string, Gateway>();

beforeAll(async () => {
  database = await openTestDatabase();
  secret = (await createKey(database.admin, { name: 'query limits test' })).secret;
}, 120_000);

afterAll(async () => {
  await database?.close();
});

function gatewayWith(limits: Partial<RequestLimits> = {}): Gateway {
  const id = JSON.stringify(limits);
  let gateway = gateways.get(id);
  if (!gateway) {
    gateway = createGateway({ source: database, store: new MemoryStore(0), introspection: 'keys', limits });
    gateways.set(id, gateway);
  }
  return gateway;
}

function post(query: string, options: { key?: boolean; limits?: Partial<RequestLimits> } = {}) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json',
  };
  if (options.key) headers['x-api-key'] = secret;
  return answerOf(() =>
    gatewayWith(options.limits).fetch(
      new Request('http://gateway.test/graphql', { method: 'POST', headers, body: JSON.stringify({ query }) }),
    ),
  );
}

async function expectAccepted(query: string, options: { key?: boolean; limits?: Partial<RequestLimits> } = {}) {
  const answer = await post(query, options);
  expect(answer.status, answer.text.slice(0, 300)).toBe(200);
  expect(answer.body.errors, answer.text.slice(0, 300)).toBeUndefined();
  return answer;
}

async function expectRefused(
  query: string,
  code: string,
  options: { key?: boolean; limits?: Partial<RequestLimits> } = {},
) {
  const answer = await post(query, options);
  expect(answer.status, answer.text.slice(0, 300)).toBe(400);
  expect(codesOf(answer), answer.text.slice(0, 300)).toContain(code);
  expect(answer.statements).toBe(0);
  return answer;
}

describe('query limits: accepted at the limit, refused one past it, before any SQL', () => {
  it(`depth: ${DEFAULT_LIMITS.depth} levels of fields`, async () => {
    await expectAccepted(deepParents(DEFAULT_LIMITS.depth));
    const refused = await expectRefused(deepParents(DEFAULT_LIMITS.depth + 1), 'QUERY_TOO_DEEP');
    expect(refused.body.errors[0].message).toMatch(`${DEFAULT_LIMITS.depth}`);
  });

  it(`depth counts fragments as if written out`, async () => {
    // channel(1) and the fragment's parent × (depth - 1) and name(1): one level past the limit.
    const inner = `${'{ parent '.repeat(DEFAULT_LIMITS.depth - 1)}{ name }${' }'.repeat(DEFAULT_LIMITS.depth - 1)}`;
    await expectRefused(`{ channel(path: "yaowen") { ...C } } fragment C on Channel ${inner}`, 'QUERY_TOO_DEEP');
  });

  it(`introspection depth (keys only): ${DEFAULT_LIMITS.introspectionDepth} levels`, async () => {
    await expectAccepted(deepIntrospection(DEFAULT_LIMITS.introspectionDepth), { key: true });
    await expectRefused(deepIntrospection(DEFAULT_LIMITS.introspectionDepth + 1), 'QUERY_TOO_DEEP', { key: true });
  });

  it(`aliases: ${DEFAULT_LIMITS.aliases}, __typename's included`, async () => {
    await expectAccepted(aliases(DEFAULT_LIMITS.aliases));
    await expectRefused(aliases(DEFAULT_LIMITS.aliases + 1), 'TOO_MANY_ALIASES');
    const typenames = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    await expectRefused(typenames(DEFAULT_LIMITS.aliases + 1), 'TOO_MANY_ALIASES');
  });

  it(`directives: ${DEFAULT_LIMITS.directives}`, async () => {
    await expectAccepted(directives(DEFAULT_LIMITS.directives));
    await expectRefused(directives(DEFAULT_LIMITS.directives + 1), 'TOO_MANY_DIRECTIVES');
  });

  it(`a field repeated in one selection: ${DEFAULT_LIMITS.fieldRepeats} times`, async () => {
    await expectAccepted(`{ site { ${'name '.repeat(DEFAULT_LIMITS.fieldRepeats)}} }`);
    await expectRefused(`{ site { ${'name '.repeat(DEFAULT_LIMITS.fieldRepeats + 1)}} }`, 'FIELD_REPEATED');
  });

  it('first and last: at most 100', async () => {
    await expectAccepted('{ articles(first: 100) { edges { node { title } } } }');
    await expectAccepted('{ articles(last: 100) { edges { node { title } } } }');
    for (const query of [
      '{ articles(first: 101) { edges { node { title } } } }',
      '{ articles(last: 101) { edges { node { title } } } }',
      '{ article(id: "QXJ0aWNsZTox") { related(first: 101) { article { title } } } }',
    ]) {
      const refused = await expectRefused(query, 'BAD_USER_INPUT');
      expect(refused.body.errors[0].message).toMatch(/between 1 and 100/);
    }
  });

  it(`cost: ${DEFAULT_LIMITS.cost} points an operation, the cost told in extensions.cost`, async () => {
    const query = '{ articles(first: 100) { edges { node { title channel { name } tags { name } } } } }';
    const measured = await expectAccepted(query);
    const cost = measured.body.extensions.cost.requested as number;
    expect(cost).toBeGreaterThan(100);
    expect(measured.body.extensions.cost.maximum).toBe(DEFAULT_LIMITS.cost);
    // The same operation with the limit set at its cost, and one below.
    await expectAccepted(query, { limits: { cost } });
    const refused = await expectRefused(query, 'QUERY_TOO_COSTLY', { limits: { cost: cost - 1 } });
    expect(refused.body.errors[0].extensions.cost).toBe(cost);
    // And at the default limit, an operation past it.
    const heavy =
      '{ articles(first: 100) { edges { node { related(first: 20) { article { title tags { name } } } } } } }';
    await expectRefused(heavy, 'QUERY_TOO_COSTLY');
  });

  it('costs a connection by its page size: ten times the page, about ten times the cost', async () => {
    const costOf = async (first: number) =>
      (await expectAccepted(`{ articles(first: ${first}) { edges { node { title channel { name } } } } }`)).body
        .extensions.cost.requested as number;
    const [small, large] = [await costOf(5), await costOf(50)];
    expect(large).toBeGreaterThan(9 * small);
    expect(large).toBeLessThan(11 * small);
  });
});
