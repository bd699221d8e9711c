import { setFlagsFromString } from 'node:v8';

/**
 * V8 option for the Node entry, set before it serves anything (first among its own modules; in the
 * bench's bundle the external packages load before it, which does not matter: V8 reads the flag
 * when a collection weighs allocation-site feedback): no allocation-site pretenuring. A miss keeps
 * what the request path allocates (its body, parameters, closures) alive for the whole execution,
 * several young-generation collections long, so V8 learns to allocate at those sites straight in
 * the old generation; hits share the sites and live for microseconds, and then every one of them
 * left garbage for the full collector. Measured (wrk -c16, CPU of the process per request, two
 * rounds each, bench/findings.md): after uncached load a POST hit promoted about 2 MB per
 * scavenge, each scavenge took 3 ms instead of 0.8, and a hit cost 43-48 µs of CPU against 41
 * without pretenuring; uncached reads were the same or slightly cheaper.
 * The Worker runs in workerd, whose V8 settings are Cloudflare's.
 */
setFlagsFromString('--no-allocation-site-pretenuring');
