import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/cache/memory-store';
import { createGateway, type Gateway } from '../../src/gateway/gateway';
import { createKey } from '../../src/modules/partners/admin';
import { EDITOR_TOKEN, postRequest } from '../cache/support';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { answerOf, codesOf } from './support';

/**
 * Rate limits by cost: each uncached operation's cost (extensions.cost) is charged to the caller's
 * budget per minute, the partner key's or the client address's; past it, 429 with Retry-After and
 * RateLimit-* headers until the minute is over. Cache hits are free and served even over budget.
 */

const ANONYMOUS_BUDGET = 300;
let database: TestDatabase;
let gateway: Gateway;
let clock = Date.parse('2026-11-28T09:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  gateway = createGateway({
    source: database,
    store: new MemoryStore(),
    editorToken: EDITOR_TOKEN,
    limits: { anonymousCostPerMinute: ANONYMOUS_BUDGET },
    now: () => clock,
    clientAddress: (request) => request.headers.get('x-test-address'),
  });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

/** A feed page of `first` articles with their channels: 1 + 2 × first points. */
const feed = (first: number) => `{ articles(first: ${first}) { edges { node { title channel { name } } } } }`;

function send(query: string, headers: Record<string, string>, variables: Record<string, unknown> = {}) {
  return answerOf(() => gateway.fetch(postRequest(query, variables, headers)));
}

describe('cost budgets', () => {
  it('costs one document by the variables each request sends, however often it is sent', async () => {
    const query = 'query Feed($first: Int!) { articles(first: $first) { edges { node { title channel { name } } } } }';
    const costOf = async (first: number) => {
      const answer = await send(query, { authorization: `Bearer ${EDITOR_TOKEN}` }, { first });
      expect(answer.status).toBe(200);
      return answer.body.extensions.cost.requested as number;
    };
    const sizes = [5, 20, 5, 20, 1];
    const costs = [];
    for (const first of sizes) costs.push(await costOf(first));
    expect(costs).toEqual(sizes.map((first) => 1 + 2 * first));
  });

  it('costs by the variables that change a cost: @include counts, an article path does not', async () => {
    const query = `query($channel: String!, $more: Boolean!) {
      articles(channel: $channel, first: 10) { edges { node { title related(first: 10) @include(if: $more) { reason } } } }
    }`;
    const costOf = async (channel: string, more: boolean) => {
      const answer = await send(query, { authorization: `Bearer ${EDITOR_TOKEN}` }, { channel, more });
      expect(answer.status).toBe(200);
      return answer.body.extensions.cost.requested as number;
    };
    const lean = await costOf('yaowen', false);
    const rich = await costOf('yaowen', true);
    expect(rich).toBeGreaterThan(lean);
    expect(await costOf('ruiping', false)).toBe(lean);
    expect(await costOf('ruiping', true)).toBe(rich);
    expect(await costOf('yaowen', false)).toBe(lean);
  });

  it('charges each uncached operation its cost, and refuses with 429 once the minute is spent', async () => {
    const who = { 'x-test-address': '203.0.113.7', 'x-preview': '1' };
    const first = await send(feed(50), who);
    expect(first.status).toBe(200);
    const cost = first.body.extensions.cost.requested as number;
    expect(cost).toBe(101);
    expect(first.headers.get('ratelimit-limit')).toBe(String(ANONYMOUS_BUDGET));
    expect(first.headers.get('ratelimit-remaining')).toBe(String(ANONYMOUS_BUDGET - cost));
    expect(first.headers.get('ratelimit-policy')).toBe(`${ANONYMOUS_BUDGET};w=60`);
    expect((await send(feed(50), who)).headers.get('ratelimit-remaining')).toBe(String(ANONYMOUS_BUDGET - 2 * cost));

    // 98 points left: a third page of 101 is refused, before any SQL, saying when to come back.
    clock += 20_000;
    const refused = await send(feed(50), who);
    expect(refused.status).toBe(429);
    expect(codesOf(refused)).toEqual(['RATE_LIMITED']);
    expect(refused.statements).toBe(0);
    expect(refused.headers.get('retry-after')).toBe('40');
    expect(refused.headers.get('ratelimit-remaining')).toBe(String(ANONYMOUS_BUDGET - 2 * cost));
    expect(refused.headers.get('ratelimit-reset')).toBe('40');
    expect(refused.body.extensions.cost.requested).toBe(cost);
    // A smaller operation still fits what is left.
    expect((await send(feed(10), who)).status).toBe(200);

    // Another client has its own budget.
    expect((await send(feed(50), { 'x-test-address': '198.51.100.1', 'x-preview': '1' })).status).toBe(200);

    // A minute after the first charge the budget is whole again.
    clock += 40_000;
    const renewed = await send(feed(50), who);
    expect(renewed.status).toBe(200);
    expect(renewed.headers.get('ratelimit-remaining')).toBe(String(ANONYMOUS_BUDGET - cost));
  });

  it('never charges a cache hit, and serves hits to a caller over budget', async () => {
    const who = { 'x-test-address': '203.0.113.99' };
    const miss = await send(feed(40), who);
    expect(miss.headers.get('x-cache')).toBe('MISS');
    const remaining = Number(miss.headers.get('ratelimit-remaining'));
    const hit = await send(feed(40), who);
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(hit.headers.get('ratelimit-remaining')).toBeNull();
    expect(hit.body.extensions.cost.requested).toBe(miss.body.extensions.cost.requested);
    // Spend the rest (previews skip the cache), then ask for the cached page again: still served.
    let spent = 0;
    while ((await send(feed(40), { ...who, 'x-preview': '1' })).status === 200) spent++;
    expect(spent).toBe(Math.floor(remaining / 81));
    const overBudget = await send(feed(40), who);
    expect(overBudget.status).toBe(200);
    expect(overBudget.headers.get('x-cache')).toBe('HIT');
  });

  it('charges a partner to its key, within the key’s own budget', async () => {
    const key = await createKey(database.admin, { name: 'budget test', costPerMinute: 150 });
    const headers = { 'x-api-key': key.secret, 'x-test-address': '203.0.113.50', 'x-preview': '1' };
    const first = await send(feed(50), headers);
    expect(first.headers.get('ratelimit-limit')).toBe('150');
    expect(first.headers.get('ratelimit-remaining')).toBe('49');
    expect((await send(feed(50), headers)).status).toBe(429);
    // The same address without the key is charged to the address, untouched by the key's spending.
    const anonymous = await send(feed(50), { 'x-test-address': '203.0.113.50', 'x-preview': '1' });
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('ratelimit-limit')).toBe(String(ANONYMOUS_BUDGET));
  });

  it('does not charge the editor', async () => {
    const editor = { authorization: `Bearer ${EDITOR_TOKEN}`, 'x-test-address': '203.0.113.7' };
    for (let i = 0; i < 5; i++) {
      const answer = await send(feed(100), editor);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('ratelimit-limit')).toBeNull();
    }
  });
});
