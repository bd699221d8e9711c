import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/cache/memory-store';
import { createGateway, type Gateway, nodePeerAddress } from '../../src/gateway/gateway';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { type ListeningServer, listen } from '../support/node-server';
import { ATTACKS, type AttackRequest } from './attacks';
import { type Answer, answerOf, expectRefused } from './support';

/**
 * The classic GraphQL attacks, sent as an anonymous caller to a gateway configured as in
 * production (introspection for keys only), over the fetch API (the Worker's path) and over real
 * HTTP to the Node server: each is refused with its status and code, before any SQL runs, and the
 * answer shows nothing of the server. The timings are printed for the record (not asserted).
 */

let database: TestDatabase;
let gateway: Gateway;
let server: ListeningServer;

beforeAll(async () => {
  database = await openTestDatabase();
  gateway = createGateway({
    source: database,
    store: new MemoryStore(),
    introspection: 'keys',
    clientAddress: (_request, context) => nodePeerAddress(context),
  });
  server = await listen(gateway);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await database?.close();
});

function init(request: AttackRequest): RequestInit {
  return { method: request.method, headers: request.headers, body: request.body };
}

const transports: { name: string; send(request: AttackRequest): Promise<Answer> }[] = [
  {
    name: 'gateway.fetch',
    send: (request) =>
      answerOf(() => gateway.fetch(new Request(`http://gateway.test/graphql${request.search ?? ''}`, init(request)))),
  },
  {
    name: 'the Node server over HTTP',
    send: (request) => answerOf(() => fetch(`${server.origin}/graphql${request.search ?? ''}`, init(request))),
  },
];

describe.each(transports)('the classic attacks, as an anonymous caller, over $name', (transport) => {
  const timings: string[] = [];
  afterAll(() => console.info(`${transport.name}:\n${timings.join('\n')}`));

  it.each(ATTACKS)('refuses $name before any SQL', async (attack) => {
    const answer = await transport.send(attack.request);
    timings.push(expectRefused(attack, answer));
  });

  it('still answers a plain read afterwards', async () => {
    const answer = await transport.send({
      method: 'GET',
      search: `?${new URLSearchParams({ query: '{ site { name } }' })}`,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data.site.name).toBe('聊城新闻网');
  });
});
