import type { AddressInfo } from 'node:net';
import type { Gateway } from '../../src/gateway/gateway';
import { createNodeServer } from '../../src/gateway/node-server';

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
