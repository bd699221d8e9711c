import SchemaBuilder from '@pothos/core';
import DrizzlePlugin, { type DrizzlePlanCache, type DrizzlePlanCacheEntry } from '@pothos/plugin-drizzle';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { LRUCache } from 'lru-cache';
import { LOOKUP_MISS_MAX_AGE, lookupTags } from './cache/lookups';
import type { Context } from './context';
import type { Relations } from './modules';
import { userError } from './shared/errors';
import { decodeGlobalId, nodeIdProblem } from './shared/global-id';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './shared/listing-arguments';
import { missingAsNull, publicNode } from './shared/public-nodes';

/** `nodes(ids:)` takes at most this many. */
const MAX_NODES = 100;

/** Root-field plans remembered across requests (see `planCache` in patches/@pothos+plugin-drizzle). */
export const PLAN_CACHE_BYTES = 8 * 2 ** 20;

/** Counts for tests and the bench: plans taken from memory, and plans remembered. */
export const planCacheStats = { hits: 0, remembered: 0 };

/**
 * Walking a document into a query plan is a tenth of an uncached read's CPU and the same for every
 * request of one document and variables; the plugin keeps no plan whose walk reads the context.
 * One cache per builder: a plan holds the schema's types.
 */
function rememberedPlans(): DrizzlePlanCache {
  const plans = new LRUCache<string, DrizzlePlanCacheEntry>({
    maxSize: PLAN_CACHE_BYTES,
    sizeCalculation: (entry) => entry.weight,
  });
  return {
    get: (key) => {
      const entry = plans.get(key);
      if (entry) planCacheStats.hits += 1;
      return entry;
    },
    set: (key, entry) => {
      planCacheStats.remembered += 1;
      plans.set(key, entry);
    },
    delete: (key) => plans.delete(key),
  };
}

export interface PothosTypes {
  Context: Context;
  DrizzleRelations: Relations;
  AuthScopes: {
    /** The request carries the deployment's editor token. */
    editor: boolean;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    /** `YYYY-MM-DD`, a Beijing calendar date, as Postgres `date` columns read and write it. */
    Date: { Input: string; Output: string };
    ID: { Input: string; Output: string | number };
  };
  DefaultFieldNullability: false;
}

/** The builder's types with Pothos's defaults filled in: what refs made outside the builder are typed with. */
export type Types = PothosSchemaTypes.ExtendDefaultTypes<PothosTypes>;

export type Builder = PothosSchemaTypes.SchemaBuilder<Types>;

/**
 * The schema builder: configuration only, no types. It is made from the relations the module list
 * merged, and each module then registers its types on it (src/schema.ts), so nothing here imports
 * a module.
 */
export function createBuilder(relations: Relations): Builder {
  const builder = new SchemaBuilder<PothosTypes>({
    plugins: [ScopeAuthPlugin, RelayPlugin, DrizzlePlugin],
    defaultFieldNullability: false,
    scopeAuth: {
      authScopes: (ctx) => ({ editor: ctx.editor }),
      unauthorizedError: () =>
        userError('This needs the editor token: send `Authorization: Bearer <editor token>`.', 'UNAUTHENTICATED'),
    },
    relay: {
      clientMutationId: 'omit',
      cursorType: 'String',
      decodeGlobalID: decodeGlobalId,
      nodeTypeOptions: { description: 'An object with a global ID that `node(id:)` can fetch again.' },
      pageInfoTypeOptions: { description: 'Where a page sits in its connection, with the cursors to move on from it.' },
      nodeQueryOptions: {
        description: 'Fetches any object by its global ID; `null` when it does not exist or is not public.',
        args: { id: { description: 'A global ID returned by this API.' } },
        extensions: {
          cache: { tags: (args: { id?: unknown }) => lookupTags(args.id), missMaxAge: LOOKUP_MISS_MAX_AGE },
        },
        resolve: async (_root, args, _ctx, info, resolveNode) => {
          const problem = nodeIdProblem(args.id, info.schema);
          if (problem) throw problem;
          return publicNode(await missingAsNull(resolveNode(args.id)));
        },
      },
      nodesQueryOptions: {
        description:
          'Fetches several objects by their global IDs, in order; `null` for each one not found or not public.',
        args: { ids: { description: 'Global IDs returned by this API; at most 100.' } },
        extensions: {
          cache: {
            tags: (args: { ids?: unknown }) => (Array.isArray(args.ids) ? args.ids.flatMap(lookupTags) : []),
            missMaxAge: LOOKUP_MISS_MAX_AGE,
          },
        },
        resolve: async (_root, args, _ctx, info, resolveNodes) => {
          if (args.ids.length > MAX_NODES) {
            throw userError(`Ask for at most ${MAX_NODES} IDs at once; got ${args.ids.length}.`);
          }
          // Each ID is answered on its own: one that names nothing fetchable is an error at its own
          // index, one that names no row is null at its own. Relay's loader reads `args.ids` when
          // called, so each call is given one ID there; calls made in the same tick still load
          // each type in one statement (plugin-drizzle batches them).
          const problems = args.ids.map((id) => nodeIdProblem(id, info.schema));
          const ids = args.ids;
          const nodes = ids.map((id, index) => {
            if (problems[index]) return null;
            (args as { ids: unknown[] }).ids = [id];
            return missingAsNull(resolveNodes([id]).then(([node]) => node));
          });
          return Promise.all(nodes).then((found) =>
            problems.map((problem, index) => problem ?? publicNode(found[index] ?? null)),
          );
        },
      },
      idFieldOptions: { description: 'Global ID, stable and opaque; pass it to `node(id:)`.' },
      cursorFieldOptions: {
        description: 'Opaque cursor of this edge; pass it as `after` or `before` to page on from here.',
      },
      nodeFieldOptions: { description: 'The item at this edge.' },
      edgesFieldOptions: { description: 'The items of this page with their cursors, in order.' },
      pageInfoFieldOptions: { description: 'Cursors and flags to fetch the next or previous page.' },
      hasNextPageFieldOptions: {
        description: 'Whether more items follow this page (when paging forward with `first`).',
      },
      hasPreviousPageFieldOptions: {
        description: 'Whether items precede this page (when paging backward with `last`).',
      },
      startCursorFieldOptions: { description: 'Cursor of the first item of the page; pass it as `before`.' },
      endCursorFieldOptions: { description: 'Cursor of the last item of the page; pass it as `after`.' },
      firstArgOptions: { description: 'How many items to return from the start, 1 to 100 (default 20).' },
      lastArgOptions: { description: 'How many items to return from the end, 1 to 100.' },
      afterArgOptions: { description: 'Return items after this cursor (an `endCursor` or `edges.cursor`).' },
      beforeArgOptions: { description: 'Return items before this cursor (a `startCursor` or `edges.cursor`).' },
      defaultConnectionTypeOptions: { description: 'A page of items with cursors (Relay connection).' },
      defaultEdgeTypeOptions: { description: 'An item of a page with its cursor.' },
    },
    drizzle: {
      client: (ctx) => ctx.db,
      getTableConfig,
      relations,
      defaultConnectionSize: DEFAULT_PAGE_SIZE,
      maxConnectionSize: MAX_PAGE_SIZE,
      planCache: rememberedPlans(),
    },
  });
  // The root types belong to no domain; every module adds fields to them.
  builder.queryType({ description: 'Public reads of the news portal. Everything here is safe to cache.' });
  builder.mutationType({
    description:
      'Writes: editor operations (they need the editor token and purge the edge cache), and readers’ `postComment`.',
  });
  return builder;
}
