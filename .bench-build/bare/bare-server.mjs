// bench/peers/bare-server.ts
import { readFileSync } from 'node:fs';

// bench/peers/index.ts
import { createServer } from 'node:http';
// bench/operation-files.ts
import { join, join as join2 } from 'node:path';
import { fileURLToPath, fileURLToPath as fileURLToPath2 } from 'node:url';

var REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
var SCHEMA_OPERATIONS_DIR = join(REPO_ROOT, 'schema', 'operations');
var BENCH_OPERATIONS_DIR = join(REPO_ROOT, 'bench', 'operations');

// bench/peers/index.ts
var PEERS_DIR = fileURLToPath2(new URL('.', import.meta.url));
var REPO_ROOT2 = join2(PEERS_DIR, '..', '..');
var POSTGRAPHILE_DIR = join2(PEERS_DIR, 'postgraphile');
var POSTGRAPHILE_SERVER = join2(POSTGRAPHILE_DIR, 'server.mjs');
var POSTGRAPHILE_OPERATIONS = join2(POSTGRAPHILE_DIR, 'operations');
var BARE_SERVER_ENTRY = join2(PEERS_DIR, 'bare-server.ts');
var FRAMING = /* @__PURE__ */ new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);
async function startBareServer(response) {
  const body = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : Buffer.from(response.body);
  const headers2 = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (!FRAMING.has(name.toLowerCase())) headers2[name] = value;
  }
  if (!Object.keys(headers2).some((name) => name.toLowerCase() === 'content-length')) {
    headers2['content-length'] = String(body.byteLength);
  }
  const server2 = createServer((req, res) => {
    req.on('end', () => {
      res.writeHead(200, headers2);
      res.end(body);
    });
    req.on('error', () => res.destroy());
    req.resume();
  });
  await new Promise((resolve, reject) => {
    server2.once('error', reject);
    server2.listen(0, '127.0.0.1', () => {
      server2.removeListener('error', reject);
      resolve();
    });
  });
  const { port } = server2.address();
  let closing = null;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    pid: process.pid,
    close: () => {
      closing ??= new Promise((resolve) => {
        server2.close(() => resolve());
        server2.closeAllConnections();
      });
      return closing;
    },
  };
}

// bench/peers/bare-server.ts
var [bodyFile, headersFile] = process.argv.slice(2);
if (!bodyFile || !headersFile) {
  console.error('usage: bare-server <body file> <headers JSON file>');
  process.exit(2);
}
var headers = JSON.parse(readFileSync(headersFile, 'utf8'));
var server = await startBareServer({ body: readFileSync(bodyFile), headers });
process.stdout.write(`${JSON.stringify({ ready: true, url: server.url })}
`);
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close().then(() => process.exit(0));
  });
}
//# sourceMappingURL=bare-server.mjs.map
