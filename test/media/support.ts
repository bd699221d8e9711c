import { eq } from 'drizzle-orm';
import type { ImportReport } from '../../src/modules/media/import-xmltv';
import { importXmltv } from '../../src/modules/media/import-xmltv';
import { programmes, streamChannels } from '../../src/modules/media/tables';
import type { TestDatabase } from '../support/database';

/** Imports an XMLTV text (UTF-8 unless `bytes` are given) into the test database. */
export function importText(
  database: TestDatabase,
  xml: string | Uint8Array,
  options: { kind?: 'tv' | 'radio' } = {},
): Promise<ImportReport> {
  const bytes = typeof xml === 'string' ? new TextEncoder().encode(xml) : xml;
  // Split in small chunks, so that multi-byte characters and the declaration cross chunk borders.
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += 700) chunks.push(bytes.subarray(at, at + 700));
  return importXmltv(database.admin, chunks, options);
}

/** A moment given in Beijing time, `2026-11-28 23:30:00`. */
export const beijing = (text: string) => Date.parse(`${text.replace(' ', 'T')}+08:00`);

/** The `max-age` of a Cache-Control header. */
export function maxAge(headers: Headers): number | null {
  const match = /max-age=(\d+)/.exec(headers.get('cache-control') ?? '');
  return match ? Number(match[1]) : null;
}

/** An XMLTV document around the given elements. */
export const tv = (body: string, encoding = 'UTF-8') =>
  `<?xml version="1.0" encoding="${encoding}"?>\n<!DOCTYPE tv SYSTEM "xmltv.dtd">\n<tv generator-info-name="test">\n${body}\n</tv>\n`;

/** The row id of a stream channel, as its cache tag names it. */
export async function channelId(database: TestDatabase, code: string): Promise<number> {
  const [row] = await database.admin
    .select({ id: streamChannels.id })
    .from(streamChannels)
    .where(eq(streamChannels.code, code));
  if (!row) throw new Error(`no stream channel ${code}`);
  return row.id;
}

/** How many programmes a channel's guide holds. */
export async function programmeCount(database: TestDatabase, code: string): Promise<number> {
  return database.admin.$count(programmes, eq(programmes.channelId, await channelId(database, code)));
}
