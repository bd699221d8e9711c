// Lets Node evaluate the built Worker script (npm run bundle:check): `cloudflare:workers`, which
// only workerd provides, resolves to a stand-in holding the one class the Worker extends.
import { register } from 'node:module';

const standIn = 'export class DurableObject { constructor(ctx, env) { this.ctx = ctx; this.env = env; } }';

register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === 'cloudflare:workers') {
    return { url: 'data:text/javascript,${encodeURIComponent(standIn)}', shortCircuit: true };
  }
  return next(specifier, context);
}`)}`,
);
