import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/cache/keys';
import { MemoryStore } from '../../src/cache/memory-store';
import { createGateway, type Gateway } from '../../src/gateway/gateway';
import { createKey, listKeys, revokeKey } from '../../src/modules/partners/admin';
import { KEY_CHECK_TTL_MS, KEY_PATTERN } from '../../src/modules/partners/keys';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { operation } from '../support/operations';
import { answerOf, codesOf } from './support';

/**
 * Partner keys as a partner meets them: sent as a bearer token or `x-api-key`, checked once a
 * minute and never on a cache hit, their origins answered by CORS, their limits on documents and
 * introspection; stored hashed, listed and revoked by `npm run keys`.
 */

let database: TestDatabase;
let gateway: Gateway;
let strictGateway: Gateway;
let clock = Date.parse('2026-11-28T08:00:00Z');
const PARTNER_ORIGIN = 'https://partner.example';
let partner: { id: number; secret: string };
let trustedOnly: { id: number; secret: string };

beforeAll(async () => {
  database = await openTestDatabase();
  partner = await createKey(database.admin, { name: '合作方 A', origins: [PARTNER_ORIGIN] });
  trustedOnly = await createKey(database.admin, { name: '合作方 B', trustedOnly: true });
  const options = { source: database, store: new MemoryStore(), introspection: 'keys' as const, now: () => clock };
  gateway = createGateway(options);
  strictGateway = createGateway({ ...options, store: new MemoryStore() });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

function post(
  query: string,
  headers: Record<string, string> = {},
  variables: Record<string, unknown> = {},
  via = gateway,
) {
  return answerOf(() =>
    via.fetch(
      new Request('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      }),
    ),
  );
}

describe('partner keys', () => {
  it('are stored hashed: the database holds the SHA-256 and a prefix, never the key', async () => {
    expect(partner.secret).toMatch(KEY_PATTERN);
    const rows = await database.admin.execute<{ secret_hash: string; prefix: string }>(
      sql`select secret_hash, prefix from api_keys where id = ${partner.id}`,
    );
    const row =
      (rows as unknown as { rows?: { secret_hash: string; prefix: string }[] }).rows?.[0] ??
      (rows as unknown as { secret_hash: string; prefix: string }[])[0];
    expect(row?.secret_hash).toBe(sha256Hex(partner.secret));
    expect(partner.secret.startsWith(row?.prefix ?? 'x')).toBe(true);
    const dump = JSON.stringify(await listKeys(database.admin));
    expect(dump).not.toContain(partner.secret);
    expect(dump).toContain('合作方 A');
  });

  it('are accepted as a bearer token and as x-api-key, charged to the key', async () => {
    const ways: Record<string, string>[] = [
      { authorization: `Bearer ${partner.secret}` },
      { 'x-api-key': partner.secret },
    ];
    for (const headers of ways) {
      const answer = await post('{ channels { name } }', { ...headers, 'x-preview': '1' });
      expect(answer.status, answer.text).toBe(200);
      expect(answer.headers.get('ratelimit-limit')).toBe('100000');
    }
  });

  it('cost one statement a minute per key, and none on a cache hit', async () => {
    const key = await createKey(database.admin, { name: 'statement count' });
    const headers = { 'x-api-key': key.secret };
    const first = await post('{ site { name } }', headers);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(first.statements).toBe(2); // the key, then the read
    const second = await post('{ channels { path } }', headers);
    expect(second.headers.get('x-cache')).toBe('MISS');
    expect(second.statements).toBe(1); // the key is remembered
    const hit = await post('{ site { name } }', headers);
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(hit.statements).toBe(0);
    // A key never seen by this gateway gets cached answers without being looked up at all.
    const stranger = await createKey(database.admin, { name: 'never checked' });
    const strangerHit = await post('{ site { name } }', { 'x-api-key': stranger.secret });
    expect(strangerHit.headers.get('x-cache')).toBe('HIT');
    expect(strangerHit.statements).toBe(0);
  });

  it('refuses a malformed key or token, and an unknown key, with 401 UNAUTHENTICATED', async () => {
    const malformed: Record<string, string>[] = [
      { authorization: 'Bearer not-a-key' },
      { authorization: 'Basic dXNlcjpwYXNz' },
      { 'x-api-key': 'lcxw_short' },
    ];
    for (const headers of malformed) {
      const answer = await post('{ site { name } }', headers);
      expect(answer.status, JSON.stringify(headers)).toBe(401);
      expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      expect(answer.statements).toBe(0);
    }
    const unknown = `lcxw_${'0'.repeat(32)}`;
    const miss = await post('{ channels { slug } }', { 'x-api-key': unknown });
    expect(miss.status).toBe(401);
    expect(miss.body.errors[0].message).toMatch(/unknown or revoked/);
    // Known to be unknown now: refused at once, even for what the cache holds.
    const again = await post('{ site { name } }', { 'x-api-key': unknown });
    expect(again.status).toBe(401);
    expect(again.statements).toBe(0);
  });

  it('stop working within a minute of being revoked', async () => {
    const key = await createKey(database.admin, { name: 'to revoke' });
    const headers = { 'x-api-key': key.secret, 'x-preview': '1' };
    expect((await post('{ site { name } }', headers)).status).toBe(200);
    expect(await revokeKey(database.admin, key.prefix)).toBe(1);
    expect(await revokeKey(database.admin, key.prefix)).toBe(0);
    // Checked moments ago: honoured until the check is a minute old.
    expect((await post('{ site { name } }', headers)).status).toBe(200);
    clock += KEY_CHECK_TTL_MS + 1;
    const refused = await post('{ site { name } }', headers);
    expect(refused.status).toBe(401);
    expect(codesOf(refused)).toEqual(['UNAUTHENTICATED']);
  });

  it('answer CORS for their registered origins only; public reads are open to every origin', async () => {
    const fromPartner = await post('{ channels { url } }', { 'x-api-key': partner.secret, origin: PARTNER_ORIGIN });
    expect(fromPartner.status).toBe(200);
    expect(fromPartner.headers.get('access-control-allow-origin')).toBe(PARTNER_ORIGIN);
    // Both: the media type varies with Accept, the CORS answer with Origin.
    expect(fromPartner.headers.get('vary')).toMatch(/^Accept, Origin$/);
    expect(fromPartner.headers.get('access-control-expose-headers')).toMatch(/ratelimit-remaining/);

    const elsewhere = await post('{ channels { kind } }', {
      'x-api-key': partner.secret,
      origin: 'https://copycat.example',
    });
    expect(elsewhere.status).toBe(403);
    expect(codesOf(elsewhere)).toEqual(['ORIGIN_NOT_ALLOWED']);
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
    expect(elsewhere.statements).toBe(0);
    // Even from the cache, the key's answer is not for another origin's page.
    const cachedElsewhere = await post('{ channels { url } }', {
      'x-api-key': partner.secret,
      origin: 'https://copycat.example',
    });
    expect(cachedElsewhere.headers.get('x-cache')).toBe('HIT');
    expect(cachedElsewhere.headers.get('access-control-allow-origin')).toBeNull();
    expect(cachedElsewhere.headers.get('vary')).toMatch(/^Accept, Origin$/);

    const anonymous = await post('{ channels { url } }', { origin: 'https://any.example' });
    expect(anonymous.headers.get('access-control-allow-origin')).toBe('*');
    // A server (no Origin header) uses its key from anywhere.
    expect((await post('{ channels { depth } }', { 'x-api-key': partner.secret })).status).toBe(200);
  });

  it('answer the preflight of a browser page with the headers a key needs', async () => {
    const response = await gateway.fetch(
      new Request('http://gateway.test/graphql', {
        method: 'OPTIONS',
        headers: {
          origin: PARTNER_ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-api-key',
        },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(PARTNER_ORIGIN);
    expect(response.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/x-api-key/);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/);
  });

  it('limited to trusted documents run the published operations and nothing else', async () => {
    const headers = { 'x-api-key': trustedOnly.secret, 'x-preview': '1' };
    const arbitrary = await post('{ site { name } }', headers, {}, strictGateway);
    expect(arbitrary.status).toBe(403);
    expect(codesOf(arbitrary)).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);
    const chrome = operation('SiteChrome');
    const published = await post(chrome.document, headers, chrome.variables, strictGateway);
    expect(published.status, published.text.slice(0, 200)).toBe(200);
    expect(published.body.data.site.name).toBe('聊城新闻网');
  });

  it('may introspect and see field suggestions; anonymous callers may not, before or after a key did', async () => {
    const introspection = '{ __schema { queryType { name } types { name } } }';
    const before = await post(introspection);
    expect(codesOf(before)).toContain('INTROSPECTION_DISABLED');
    const keyed = await post(introspection, { 'x-api-key': partner.secret });
    expect(keyed.status).toBe(200);
    expect(keyed.body.data.__schema.queryType.name).toBe('Query');
    expect(keyed.headers.get('cache-control')).toBe('private, no-store');
    const after = await post(introspection);
    expect(codesOf(after)).toContain('INTROSPECTION_DISABLED');
    expect(after.text).not.toContain('"types"');

    const typo = '{ sitee { name } }';
    const message = async (headers: Record<string, string> = {}) => (await post(typo, headers)).body.errors[0].message;
    expect(await message({ 'x-api-key': partner.secret })).toMatch(/Did you mean "site"/);
    expect(await message()).toBe('Cannot query field "sitee" on type "Query".');
  });
});

describe('npm run keys', () => {
  it('creates, lists and revokes keys in the database it is pointed at', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-cli-'));
    const env = process.env.TEST_DATABASE_URL
      ? { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL }
      : { ...process.env, PGLITE_DIR: dir, DATABASE_URL: '' };
    const run = (...args: string[]) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, ['--import', 'tsx', 'scripts/keys.ts', ...args], { env }, (error, stdout, stderr) =>
          resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
        );
      });
    try {
      // A malformed origin is refused before any database is opened: checked beside the rest.
      const refusal = run('create', '--name', 'x', '--origins', 'https://app.example/path');
      const created = await run(
        'create',
        '--name',
        '城市服务 App',
        '--origins',
        'https://app.example,http://localhost:3000',
        '--cost-per-minute',
        '20000',
      );
      expect(created.status, created.stderr).toBe(0);
      const secret = created.stdout.match(/lcxw_[0-9A-Za-z]{32}/)?.[0];
      expect(secret).toBeDefined();
      const listed = await run('list');
      expect(listed.status, listed.stderr).toBe(0);
      const line = listed.stdout.split('\n').find((l) => l.includes('城市服务 App')) ?? '';
      expect(line).toContain('https://app.example http://localhost:3000');
      expect(line).toContain('20000/min');
      expect(listed.stdout).not.toContain(secret);
      const prefix = line.split('\t')[1]?.replace('…', '') ?? '';
      const revoked = await run('revoke', prefix);
      expect(revoked.status, revoked.stderr).toBe(0);
      expect(revoked.stdout).toMatch(/revoked/);
      const bad = await refusal;
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/not an origin/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
