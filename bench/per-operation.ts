// The per-operation benchmark of `npm run bench`: every read operation of schema/operations/ (plus
// the feed variants of bench/operations/) in each mode: checks the answer, samples Server-Timing
// over sequential requests (statements, db time, total), then loads it (wrk, or autocannon).
import { type HttpResponse, problemWith, send, serverTiming } from './http';
import { type Generator, type LoadRequest, type LoadSettings, runLoad, summarise } from './load';
import type { BenchOperation } from './operations';
import type { OperationResult } from './report';
import { ANONYMOUS_HEADERS, UNCACHED_HEADERS } from './server';

/**
 * A way of sending the operations. Adding one is a few lines: how to build its request, and how to
 * tell from two primed responses whether it can be measured here (else it is reported as pending).
 */
export interface Mode {
  name: string;
  description: string;
  request(url: string, op: BenchOperation): LoadRequest;
  notReady(first: HttpResponse, second: HttpResponse): string | null;
}

const post = (headers: Record<string, string>) => (url: string, op: BenchOperation) => ({
  url,
  method: 'POST' as const,
  headers,
  body: JSON.stringify({ query: op.document, variables: op.variables }),
});

export const MODES: Mode[] = [
  {
    name: 'uncached',
    description: 'every request runs its SQL (the editor token bypasses the edge cache)',
    request: post(UNCACHED_HEADERS),
    notReady: (_first, second) =>
      second.headers['x-cache'] === 'HIT' ? 'the edge cache answered a request with credentials' : null,
  },
  {
    name: 'cached',
    description: 'anonymous requests, answered by the edge cache once primed',
    request: post(ANONYMOUS_HEADERS),
    notReady: (_first, second) =>
      second.headers['x-cache'] === 'HIT'
        ? null
        : `pending: no edge cache hit (x-cache: ${second.headers['x-cache'] ?? 'absent'})`,
  },
];

export interface PerOperationSettings extends LoadSettings {
  warmup: number;
  samples: number;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / (xs.length || 1);

export async function runPerOperation(
  url: string,
  operations: readonly BenchOperation[],
  modes: readonly Mode[],
  generator: Generator,
  settings: PerOperationSettings,
): Promise<OperationResult[]> {
  const results: OperationResult[] = [];
  const load = { connections: settings.connections, duration: settings.duration, threads: settings.threads };
  for (const op of operations) {
    for (const mode of modes) {
      const request = mode.request(url, op);
      const base = { operation: op.name, origin: op.origin, mode: mode.name };
      const first = await send(request);
      const second = await send(request);
      const problem = problemWith(first) ?? problemWith(second);
      if (problem) {
        console.error(`${op.name} (${mode.name}): ${problem}`);
        results.push({ ...base, status: 'failed', note: problem });
        continue;
      }
      const notReady = mode.notReady(first, second);
      if (notReady) {
        console.error(`${op.name} (${mode.name}): ${notReady}`);
        results.push({ ...base, status: 'pending', note: notReady });
        continue;
      }
      const samples: HttpResponse[] = [];
      for (let i = 0; i < settings.samples; i += 1) samples.push(await send(request));
      const timings = samples.map((s) => serverTiming(s.headers['server-timing']));
      const dbMs = mean(timings.map((t) => t.dbMs));
      const totalMs = mean(timings.map((t) => t.totalMs));
      const sequential = {
        samples: samples.length,
        statements: Math.max(...timings.map((t) => t.statements)),
        budget: op.budget,
        dbMs,
        totalMs,
        overheadMs: totalMs - dbMs,
        roundTripP50Ms: summarise(samples.map((s) => s.ms)).p50,
        xCache: [...new Set(samples.map((s) => s.headers['x-cache']).filter((x): x is string => x !== undefined))],
      };
      if (settings.warmup > 0) await runLoad(generator, request, { ...load, duration: settings.warmup });
      const measured = await runLoad(generator, request, load);
      results.push({ ...base, status: 'ok', sequential, load: measured });
      console.error(
        `${op.name.padEnd(12)} ${mode.name.padEnd(9)} ${Math.round(measured.rps).toString().padStart(6)} req/s  ` +
          `p50 ${measured.latency.p50.toFixed(1)}  p95 ${measured.latency.p95.toFixed(1)}  p99 ${measured.latency.p99.toFixed(1)} ms  ` +
          `${sequential.statements} stmt  db ${dbMs.toFixed(2)}  total ${totalMs.toFixed(2)} ms`,
      );
    }
  }
  return results;
}
