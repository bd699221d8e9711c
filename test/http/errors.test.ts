import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/cache/memory-store';
import { createNodePostgresSource } from '../../src/db/node-postgres';
import { createGateway } from '../../src/gateway';
import { operation } from '../support/operations';

describe('unexpected errors', () => {
  it('are masked: no SQL, stack trace or host name reaches the caller', async () => {
    // A real driver that cannot reach its server: the error it raises names the host and port.
    const source = await createNodePostgresSource({
      connectionString: 'postgres://gateway:secret@db-internal.invalid:6543/news?connect_timeout=2',
    });
    try {
      const gateway = createGateway({ store: new MemoryStore() });
      const { document, variables } = operation('ArticlePage');
      const request = new Request('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: document, variables }),
      });
      const response = await gateway.fetch(request, { source });
      const text = await response.text();
      const body = JSON.parse(text);
      expect(body.errors).toEqual([
        expect.objectContaining({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
      ]);
      for (const leak of [
        /db-internal/,
        /6543/,
        /secret/,
        /select/i,
        /"articles"/,
        /\bat\s+\S+\s+\(/,
        /ENOTFOUND|EAI_AGAIN/,
      ]) {
        expect(text).not.toMatch(leak);
      }
    } finally {
      await source.close();
    }
  });
});
