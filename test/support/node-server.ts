import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { MemoryStore } from '../../src/cache/memory-store';
import type { ResponseStore } from '../../src/cache/store';
import { createGateway, type Gateway } from '../../src/gateway/gateway';
import { createNodeServer } from '../../src/gateway/node-server';
import { openTestDatabase, type TestDatabase } from './database';

export interface ListeningServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

/** The gateway's Node server (`npm start`'s) on a free port of the loopback interface. */
export async function listen(gateway: Gateway): Promise<ListeningServer> {
  const server = createNodeServer(gateway);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A gateway over the shared test database (an in-memory edge cache unless `store` is given, default
 * limits) and its Node server on a free loopback port, for the file's tests; closed after them.
 */
export function useNodeGateway(store: () => ResponseStore = () => new MemoryStore()) {
  let database: TestDatabase | undefined;
  let gateway: Gateway | undefined;
  let server: ListeningServer | undefined;
  beforeAll(async () => {
    database = await openTestDatabase();
    gateway = createGateway({ source: database, store: store() });
    server = await listen(gateway);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useNodeGateway: used before its beforeAll ran');
    return value;
  };
  return { gateway: () => ready(gateway), server: () => ready(server) };
}
