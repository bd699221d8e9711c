import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/cache/memory-store';
import type { DatabaseSource } from '../../src/db/database';
import { createNodePostgresSource } from '../../src/db/node-postgres';
import { createPgliteSource } from '../../src/db/pglite';
import { createGateway } from '../../src/gateway/gateway';
import { relations } from '../../src/modules';
import { operation } from '../support/operations';

const LEAKS = [/select/i, /"articles"/, /relation/i, /\bat\s+\S+\s+\(/, /node_modules/, /\.ts:\d+/];

async function ask(source: DatabaseSource) {
  const gateway = createGateway({ source, store: new MemoryStore() });
  const { document, variables } = operation('ArticlePage');
  const request = new Request('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: document, variables }),
  });
  const response = await gateway.fetch(request);
  const text = await response.text();
  return { status: response.status, retryAfter: response.headers.get('retry-after'), text, body: JSON.parse(text) };
}

describe('errors a caller never sees the inside of', () => {
  it('an unreachable database is a retryable 503, naming no host', async () => {
    // A real driver that cannot resolve its server: the error it raises names the host and port.
    const source = createNodePostgresSource({
      connectionString: 'postgres://gateway:secret@db-internal.invalid:6543/news?connect_timeout=2',
      relations,
    });
    try {
      const { status, retryAfter, text, body } = await ask(source);
      expect(status).toBe(503);
      expect(retryAfter).toMatch(/^\d+$/);
      expect(body.errors).toEqual([
        expect.objectContaining({
          extensions: { code: 'SERVICE_UNAVAILABLE' },
          message: expect.stringMatching(/retry/),
        }),
      ]);
      for (const leak of [...LEAKS, /db-internal/, /6543/, /secret/, /ENOTFOUND|EAI_AGAIN/])
        expect(text).not.toMatch(leak);
    } finally {
      await source.close();
    }
  });

  it('an unexpected failure is masked as "Unexpected error."', async () => {
    // A real embedded Postgres that was never migrated: every statement fails inside the server.
    const source = await createPgliteSource({ relations });
    try {
      const { status, text, body } = await ask(source);
      expect(status).toBe(200);
      expect(body.errors).toEqual([
        expect.objectContaining({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
      ]);
      for (const leak of LEAKS) expect(text).not.toMatch(leak);
    } finally {
      await source.close();
    }
  });
});
