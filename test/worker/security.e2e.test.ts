// The gateway's defences in the Worker as production runs it (workerd under wrangler dev, reads over
// the Neon HTTP stand-in, introspection closed to anonymous callers, budgets in the CallerBudget
// Durable Object): the classic attacks refused before any SQL, partner keys with their origins and
// introspection, and cost budgets counted by the Durable Object. `npm run test:worker`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodePostgresSource } from '../../src/db/node-postgres';
import { relations } from '../../src/modules';
import { createKey } from '../../src/modules/partners/admin';
import { ATTACKS } from '../security/attacks';
import { answerOf, codesOf, expectRefused } from '../security/support';
import { prepareDatabase } from './client';
import { startWorkerUnderTest, type WorkerUnderTest } from './harness';

const databaseUrl = process.env.TEST_DATABASE_URL;
const ANONYMOUS_BUDGET = 400;
const PARTNER_ORIGIN = 'https://partner.example';

describe.skipIf(!databaseUrl)('the Worker’s defences, in workerd', () => {
  let worker: WorkerUnderTest;
  let partnerKey: string;
  let smallKey: string;
  const timings: string[] = [];

  beforeAll(async () => {
    await prepareDatabase(databaseUrl as string);
    const source = createNodePostgresSource({ connectionString: databaseUrl as string, relations, max: 1 });
    try {
      partnerKey = (await createKey(source.admin, { name: 'workerd partner', origins: [PARTNER_ORIGIN] })).secret;
      smallKey = (await createKey(source.admin, { name: 'workerd small budget', costPerMinute: 150 })).secret;
    } finally {
      await source.close();
    }
    worker = await startWorkerUnderTest({
      databaseUrl: databaseUrl as string,
      reads: 'http',
      vars: { ANONYMOUS_COST_PER_MINUTE: String(ANONYMOUS_BUDGET) },
    });
  }, 180_000);
  afterAll(async () => {
    console.info(`attacks in workerd:\n${timings.join('\n')}`);
    await worker?.stop();
  });

  const send = (path: string, init: RequestInit) =>
    answerOf(() => fetch(`${worker.origin}${path}`, { ...init, signal: AbortSignal.timeout(20_000) }));
  const post = (query: string, headers: Record<string, string> = {}) =>
    send('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });

  it.each(ATTACKS)('refuses $name before any SQL', async (attack) => {
    const answer = await send(`/graphql${attack.request.search ?? ''}`, {
      method: attack.request.method,
      headers: attack.request.headers,
      body: attack.request.body,
    });
    timings.push(expectRefused(attack, answer));
  });

  it('lets a partner key introspect, from its own origin only', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    const keyed = await post(introspection, { 'x-api-key': partnerKey, origin: PARTNER_ORIGIN });
    expect(keyed.status, keyed.text.slice(0, 300)).toBe(200);
    expect(keyed.body.data.__schema.queryType.name).toBe('Query');
    expect(keyed.headers.get('access-control-allow-origin')).toBe(PARTNER_ORIGIN);
    const copied = await post('{ channels { name } }', { 'x-api-key': partnerKey, origin: 'https://copycat.example' });
    expect(copied.status).toBe(403);
    expect(codesOf(copied)).toEqual(['ORIGIN_NOT_ALLOWED']);
    expect(copied.headers.get('access-control-allow-origin')).toBeNull();
    const anonymous = await post(introspection, { origin: 'https://any.example' });
    expect(codesOf(anonymous)).toContain('INTROSPECTION_DISABLED');
    expect(anonymous.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('counts budgets in the Durable Object: 429 with Retry-After once spent, hits still served', async () => {
    const feed = (first: number) => `{ articles(first: ${first}) { edges { node { title channel { name } } } } }`;
    const cached = await send(`/graphql?${new URLSearchParams({ query: feed(30) })}`, { method: 'GET' });
    expect(cached.status).toBe(200);
    const cost = cached.body.extensions.cost.requested as number;
    let remaining = Number(cached.headers.get('ratelimit-remaining'));
    expect(remaining).toBe(ANONYMOUS_BUDGET - cost);
    // Previews skip the cache: each is charged, until the next one no longer fits.
    while (remaining >= cost) {
      const charged = await post(feed(30), { 'x-preview': '1' });
      expect(charged.status).toBe(200);
      expect(Number(charged.headers.get('ratelimit-remaining'))).toBe(remaining - cost);
      remaining -= cost;
    }
    const refused = await post(feed(30), { 'x-preview': '1' });
    expect(refused.status).toBe(429);
    expect(codesOf(refused)).toEqual(['RATE_LIMITED']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-limit')).toBe(String(ANONYMOUS_BUDGET));
    expect(refused.statements).toBe(0);
    const hit = await send(`/graphql?${new URLSearchParams({ query: feed(30) })}`, { method: 'GET' });
    expect(hit.status).toBe(200);
    expect(hit.headers.get('x-cache')).toBe('HIT');

    // A key has its own budget, whatever the address has spent.
    const keyed = await post(feed(30), { 'x-api-key': smallKey, 'x-preview': '1' });
    expect(keyed.status).toBe(200);
    expect(keyed.headers.get('ratelimit-limit')).toBe('150');
    expect((await post(feed(50), { 'x-api-key': smallKey, 'x-preview': '1' })).status).toBe(429);
  });
});
