import { connect } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '../../src/cache/memory-store';
import { useNodeGateway } from '../support/node-server';

/**
 * Requests no client library sends, each of which once broke something: a body key `then` (Yoga
 * took the parameters for a promise: 200 with INTERNAL_SERVER_ERROR), a playground path with a
 * malformed escape and a body cut off by the client (each took the Node process down).
 */
const { gateway, server } = useNodeGateway();

const READ = JSON.stringify({ query: '{ channels { name } }' });

/** POSTs the plain read to a Node server. */
const postRead = (origin: string) =>
  fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: READ });

async function stillAnswers() {
  const response = await postRead(server().origin);
  const json = (await response.json()) as { data?: { channels: { name: string }[] } };
  expect(response.status).toBe(200);
  expect(json.data?.channels.length).toBeGreaterThan(0);
}

describe('a body key named `then`', () => {
  const bodies = ['1', '"x"', '{}', '[]'].map((value) => `{"query":"{ channels { name } }","then":${value}}`);

  it.each(bodies)('is an unexpected parameter (400), over HTTP and through the fetch API: %s', async (body) => {
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
    for (const response of [
      await fetch(`${server().origin}/graphql`, init),
      await gateway().fetch(new Request('http://gateway.test/graphql', init)),
    ]) {
      const json = (await response.json()) as { errors?: { message: string }[] };
      expect(response.status).toBe(400);
      expect(json.errors?.[0]?.message).toMatch(/Unexpected parameter "then"/);
    }
  });
});

describe("Node's server", () => {
  it('answers a playground path with a malformed escape 404, and goes on answering', async () => {
    const response = await fetch(`${server().origin}/graphiql/%E0%A4%A`);
    await response.arrayBuffer();
    expect(response.status).toBe(404);
    await stillAnswers();
  });

  it('drops a request whose client hangs up halfway through its body, and goes on answering', async () => {
    const { port } = new URL(server().origin);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /graphql HTTP/1.1\r\nHost: gateway.test\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":',
          () => setTimeout(() => socket.destroy(), 50),
        );
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    // Node reports the aborted body on its next turn: give it one before asking again.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await stillAnswers();
  });
});

describe("Node's server, when its edge cache fails", () => {
  // A store that cannot be read: the hit path fails after the body is in.
  const broken = useNodeGateway(() => {
    const store = new MemoryStore();
    store.get = () => {
      throw new Error('store is broken at /var/lib/cache');
    };
    return store;
  });

  it('answers 500 with a masked error, and logs it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = await postRead(broken.server().origin);
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(JSON.parse(text)).toMatchObject({
        errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
      expect(text).not.toMatch(/broken|\/var\/lib/);
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/store is broken/));
    } finally {
      log.mockRestore();
    }
  });
});
