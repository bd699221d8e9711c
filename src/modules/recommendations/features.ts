import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { bigramSet, normaliseText } from '../../shared/chinese-text';
import type { Features } from './scoring';

/** Bigrams of title and summary compared per pair: enough to tell topics apart, small enough for a million articles. */
const TEXT_BIGRAMS = 40;

interface FeatureRow {
  id: number;
  channel_id: number;
  published_at: string | Date;
  title: string;
  summary: string | null;
  tag_ids: number[] | string;
  weight: 'boost' | 'bury' | null;
  status: string;
}

export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Channel id → its top-level channel's id (the parent channel of scoring). */
export async function topChannels(db: Database): Promise<Map<number, number>> {
  const rows = rowsOf<{ id: number; path: string }>(await db.execute(sql`select id, path from channels`));
  const byPath = new Map(rows.map((r) => [r.path, r.id]));
  return new Map(rows.map((r) => [r.id, byPath.get(r.path.split('/')[0] as string) ?? r.id]));
}

const parseIds = (value: number[] | string): number[] =>
  Array.isArray(value) ? value.map(Number) : value.replace(/[{}]/g, '').split(',').filter(Boolean).map(Number);

/**
 * The features of the articles matching `condition` (over `a`, the articles table), with their
 * status: callers keep only published ones as candidates.
 */
export async function loadFeatures(
  db: Database,
  condition: SQL,
  tops: ReadonlyMap<number, number>,
  extra: SQL = sql``,
): Promise<(Features & { status: string })[]> {
  const rows = rowsOf<FeatureRow>(
    await db.execute(sql`
      select a.id, a.channel_id, a.published_at, a.title, a.summary, a.status,
        array(select t.tag_id from article_tags t where t.article_id = a.id order by t.position) as tag_ids,
        w.weight
      from articles a left join related_weights w on w.article_id = a.id
      where ${condition} ${extra}`),
  );
  return rows.map((row) => ({
    id: Number(row.id),
    channelId: Number(row.channel_id),
    topChannelId: tops.get(Number(row.channel_id)) ?? Number(row.channel_id),
    publishedAt: new Date(row.published_at).getTime(),
    tagIds: parseIds(row.tag_ids),
    text: bigramSet(`${row.title}\n${row.summary ?? ''}`, TEXT_BIGRAMS),
    titleKey: normaliseText(row.title).replace(/\s+/g, ''),
    weight: row.weight,
    status: row.status,
  }));
}
