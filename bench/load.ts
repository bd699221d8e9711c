/// <reference path="./autocannon.d.ts" />
// Load generator, run by bench/run.ts in its own process so that it does not share a core's event
// loop with the gateway: autocannon at a fixed concurrency, with every response time recorded
// (autocannon's histogram has 1 ms resolution and no p95). Input: one JSON argument; output: JSON.
import autocannon, { type Result } from 'autocannon';

export interface LoadRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  connections: number;
  /** Seconds. */
  duration: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  /** Completed 2xx responses per second over the whole run. */
  rps: number;
  /** Milliseconds, exact, from every 2xx response. */
  latency: { mean: number; p50: number; p95: number; p99: number; max: number };
  /** autocannon's own summary (whole milliseconds): its p50, p97.5 and p99. */
  autocannon: { p50: number; p97_5: number; p99: number; averageRps: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function summarise(times: number[]) {
  const sorted = times.slice().sort((a, b) => a - b);
  const mean = sorted.reduce((sum, t) => sum + t, 0) / (sorted.length || 1);
  return {
    mean,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

async function main() {
  const request = JSON.parse(process.argv[2] ?? '{}') as LoadRequest;
  const times: number[] = [];
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: request.url,
        method: request.method,
        headers: request.headers,
        body: request.body,
        connections: request.connections,
        duration: request.duration,
        timeout: 30,
      },
      (error, value) => (error ? reject(error) : resolve(value)),
    );
    instance.on('response', (_client, statusCode, _bytes, ms) => {
      if (statusCode >= 200 && statusCode < 300) times.push(ms);
    });
  });
  const load: LoadResult = {
    requests: times.length,
    seconds: result.duration,
    rps: times.length / result.duration,
    latency: summarise(times),
    autocannon: {
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      averageRps: result.requests.average,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  process.stdout.write(`${JSON.stringify(load)}\n`);
}

if (process.argv[1]?.endsWith('load.ts')) await main();
