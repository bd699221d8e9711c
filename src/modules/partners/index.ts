import { defineModule } from '../../shared/module';

/**
 * Partner sites' API keys: their table, their check (keys.ts, used by the gateway's callers and
 * access plugin) and their administration (admin.ts, `npm run keys`). No relations, nothing in
 * the GraphQL schema: a key is a request header, not data.
 */
export const partners = defineModule({ name: 'partners', relations: {}, schema: () => {} });
