import type { ChannelRef } from './types';

export interface ChannelRow {
  id: number;
  parentId: number | null;
  path: string;
  kind: ChannelRef['kind'];
  position: number;
}

/** Every channel as the generator needs them. */
export const CHANNEL_ROWS_SQL = 'SELECT id, parent_id AS "parentId", path, kind, position FROM channels';

/**
 * The channels in navigation order, each parent before its children (preorder). The generator
 * picks an article's channel by its index in this list, so the same index always gives the same
 * article, whoever asks (the seed, the bulk loader).
 */
export function channelRefs(rows: readonly ChannelRow[]): ChannelRef[] {
  const children = new Map<number | null, ChannelRow[]>();
  for (const row of rows) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  const refs: ChannelRef[] = [];
  const visit = (parentId: number | null) => {
    for (const row of (children.get(parentId) ?? []).sort((a, b) => a.position - b.position)) {
      refs.push({ path: row.path, kind: row.kind });
      visit(row.id);
    }
  };
  visit(null);
  return refs;
}
