import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import RelayPlugin from '@pothos/plugin-relay';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { lookupByIdPolicy, lookupByIdsPolicy } from './cache/lookups';
import type { Context } from './context';
import { relations } from './db/relations';
import { decodeGlobalId } from './shared/global-id';
import { missingAsNull, publicNode } from './shared/public-nodes';

export interface PothosTypes {
  Context: Context;
  DrizzleRelations: typeof relations;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    ID: { Input: string; Output: string | number };
  };
  DefaultFieldNullability: false;
}

/** The one schema builder. It holds configuration only; every type lives in its domain module. */
export const builder = new SchemaBuilder<PothosTypes>({
  plugins: [RelayPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    decodeGlobalID: decodeGlobalId,
    nodeTypeOptions: { description: 'An object with a global ID that `node(id:)` can fetch again.' },
    pageInfoTypeOptions: { description: 'Where a page sits in its connection, with the cursors to move on from it.' },
    nodeQueryOptions: {
      description: 'Fetches any object by its global ID; `null` when it does not exist or is not public.',
      args: { id: { description: 'A global ID returned by this API.' } },
      extensions: { cache: lookupByIdPolicy },
      resolve: async (_root, args, _ctx, _info, resolveNode) => publicNode(await missingAsNull(resolveNode(args.id))),
    },
    nodesQueryOptions: {
      description:
        'Fetches several objects by their global IDs, in order; `null` for each one not found or not public.',
      args: { ids: { description: 'Global IDs returned by this API; at most 100.' } },
      extensions: { cache: lookupByIdsPolicy },
      resolve: async (_root, args, _ctx, _info, resolveNodes) =>
        args.ids.map(async (id) => publicNode(await missingAsNull(resolveNodes([id]).then(([node]) => node)))),
    },
    idFieldOptions: { description: 'Global ID, stable and opaque; pass it to `node(id:)`.' },
    cursorFieldOptions: {
      description: 'Opaque cursor of this edge; pass it as `after` or `before` to page on from here.',
    },
    nodeFieldOptions: { description: 'The item at this edge.' },
    edgesFieldOptions: { description: 'The items of this page with their cursors, in order.' },
    pageInfoFieldOptions: { description: 'Cursors and flags to fetch the next or previous page.' },
    hasNextPageFieldOptions: { description: 'Whether more items follow this page (when paging forward with `first`).' },
    hasPreviousPageFieldOptions: { description: 'Whether items precede this page (when paging backward with `last`).' },
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
    defaultConnectionSize: 20,
    maxConnectionSize: 100,
  },
});
