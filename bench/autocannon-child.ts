/// <reference path="./autocannon.d.ts" />
// The autocannon fallback of bench/load.ts (used when wrk is missing), run in its own process so that
// it does not share an event loop with anything it measures: autocannon at a fixed concurrency, with
// every 2xx response time recorded (autocannon's histogram has 1 ms resolution and no p95).
// Input: one JSON argument (AutocannonInput); output: one JSON line (LoadResult).
import autocannon, { type Result } from 'autocannon';
import { type AutocannonInput, type LoadResult, summarise } from './load';

const request = JSON.parse(process.argv[2] ?? '{}') as AutocannonInput;
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
  tool: 'autocannon',
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
