// `node bare-server.(ts|mjs) <body file> <headers JSON file>`: startBareServer() as a process of its
// own. Prints `{"ready":true,"url":"http://127.0.0.1:PORT/graphql"}` once it listens; exits on
// SIGTERM or SIGINT after closing. Started by startBareServerChild() (bench/peers/index.ts).
import { readFileSync } from 'node:fs';
import { startBareServer } from './index';

const [bodyFile, headersFile] = process.argv.slice(2);
if (!bodyFile || !headersFile) {
  console.error('usage: bare-server <body file> <headers JSON file>');
  process.exit(2);
}
const headers = JSON.parse(readFileSync(headersFile, 'utf8')) as Record<string, string>;
const server = await startBareServer({ body: readFileSync(bodyFile), headers });
process.stdout.write(`${JSON.stringify({ ready: true, url: server.url })}\n`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close().then(() => process.exit(0));
  });
}
