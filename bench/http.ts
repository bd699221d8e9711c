// A plain node:http client for the benchmark's own requests (checks, priming, sequential samples):
// the raw status, headers and body bytes, and the round trip in ms.
import { Agent, request as httpRequest } from 'node:http';
import type { LoadRequest } from './load';

export interface HttpResponse {
  status: number;
  /** Lower-cased names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** Names as sent, in order (what a bare server is given to answer with). */
  rawHeaders: [string, string][];
  body: Buffer;
  /** Client-side round trip. */
  ms: number;
}

/** One connection, kept alive: sequential requests measure the server, not TCP handshakes. */
export const sequentialAgent = new Agent({ keepAlive: true, maxSockets: 1 });

export function send(request: LoadRequest, agent: Agent = sequentialAgent): Promise<HttpResponse> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(request.url, { method: request.method, headers: request.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('error', reject);
      res.once('end', () => {
        const rawHeaders: [string, string][] = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          rawHeaders.push([res.rawHeaders[i] as string, res.rawHeaders[i + 1] as string]);
        }
        const headers: Record<string, string> = {};
        for (const [name, value] of rawHeaders) {
          const key = name.toLowerCase();
          headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
        }
        resolve({
          status: res.statusCode ?? 0,
          headers,
          rawHeaders,
          body: Buffer.concat(chunks),
          ms: performance.now() - started,
        });
      });
    });
    req.once('error', reject);
    req.end(request.body);
  });
}

/** `total − db` and its parts from `Server-Timing: …, db;dur=X;desc="N statements", total;dur=Y`. */
export function serverTiming(header: string | undefined) {
  const db = header ? /db;dur=([\d.]+);desc="(\d+) statements?"/.exec(header) : null;
  const total = header ? /total;dur=([\d.]+)/.exec(header) : null;
  const dbMs = db ? Number(db[1]) : Number.NaN;
  const totalMs = total ? Number(total[1]) : Number.NaN;
  // Rounded to the header's step (0.01 ms): 2.1 − 1.1 must not come out as 1.0000000000000002, nor
  // 1.9 − 0.9 as 0.9999999999999999 and pass a bar of "under 1 ms".
  const overheadMs = Math.round((totalMs - dbMs) * 100) / 100;
  return { dbMs, statements: db ? Number(db[2]) : Number.NaN, totalMs, overheadMs };
}

/** Why a GraphQL response is not a good answer (HTTP status, errors, a null root field), or null. */
export function problemWith(response: HttpResponse): string | null {
  const text = response.body.toString('utf8');
  if (response.status !== 200) return `HTTP ${response.status}: ${text.split('\n')[0]?.slice(0, 200)}`;
  let parsed: { data?: Record<string, unknown> | null; errors?: unknown[] };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    return `not JSON: ${text.slice(0, 200)}`;
  }
  if (parsed.errors) return `errors: ${JSON.stringify(parsed.errors).slice(0, 300)}`;
  if (!parsed.data || Object.values(parsed.data).some((v) => v === null)) return 'no data';
  return null;
}
