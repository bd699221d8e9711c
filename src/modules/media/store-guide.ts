import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { chunks } from '../../shared/seed';
import { channelsTable } from '../channels';
import { mediaCacheTags } from './cache';
import { type CheckedGuide, GuideErrors, type GuideProgramme } from './guide';
import { programmes, streamChannels } from './tables';
import { XmltvError } from './xmltv/parse';

export type StreamKind = 'tv' | 'radio';

export interface StoreOptions {
  /** The kind of the channels a guide adds (XMLTV does not say); default TV. */
  kind?: StreamKind;
}

export interface ImportReport {
  channelsAdded: string[];
  channelsUpdated: string[];
  /** Channels whose stored guide changed. */
  guidesChanged: string[];
  programmesStored: number;
  skipped: { line: number; reason: string }[];
  /** Cache tags of everything that changed: what must be purged. */
  purgeTags: string[];
}

/** What is compared to decide whether a channel's guide changed: everything a reader sees. */
function fingerprint(p: Omit<GuideProgramme, 'line'>): string {
  return JSON.stringify([
    p.start.getTime(),
    p.stop.getTime(),
    p.title,
    p.titles.map((t) => [t.lang, t.value]),
    p.subTitle,
    p.description,
    p.categories,
    p.episodeNumbers.map((e) => [e.system, e.value]),
    p.image,
  ]);
}

/**
 * Writes a checked guide in one transaction: channels upserted by code, and for each channel the
 * span its programmes cover replaced by them. A channel whose stored span already equals the file
 * is left untouched, so importing the same file again changes nothing and purges nothing.
 */
export async function storeGuide(db: Database, guide: CheckedGuide, options: StoreOptions = {}): Promise<ImportReport> {
  const kind = options.kind ?? 'tv';
  return db.transaction(async (tx) => {
    const codes = [...new Set([...guide.channels.map((c) => c.code), ...guide.programmes.keys()])];
    const known = codes.length
      ? await tx
          .select({
            id: streamChannels.id,
            code: streamChannels.code,
            kind: streamChannels.kind,
            name: streamChannels.name,
            logo: streamChannels.logo,
          })
          .from(streamChannels)
          .where(inArray(streamChannels.code, codes))
      : [];
    const byCode = new Map(known.map((row) => [row.code, row]));
    const declared = new Set(guide.channels.map((c) => c.code));
    const unknown = [...guide.programmes].filter(([code]) => !declared.has(code) && !byCode.has(code));
    if (unknown.length) {
      throw new GuideErrors(
        unknown.map(
          ([code, list]) =>
            new XmltvError(list[0]?.line ?? 1, `channel "${code}" is neither declared in the file nor known`),
        ),
      );
    }

    const report: ImportReport = {
      channelsAdded: [],
      channelsUpdated: [],
      guidesChanged: [],
      programmesStored: 0,
      skipped: guide.skipped,
      purgeTags: [],
    };
    const tags = new Set<string>();
    const [section] = await tx
      .select({ id: channelsTable.id })
      .from(channelsTable)
      .where(eq(channelsTable.kind, kind))
      .limit(1);
    const [{ count } = { count: 0 }] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(streamChannels)
      .where(eq(streamChannels.kind, kind));
    let position = count;

    for (const channel of guide.channels) {
      const row = byCode.get(channel.code);
      const logo = channel.logo ?? row?.logo ?? null;
      if (!row) {
        const [added] = await tx
          .insert(streamChannels)
          .values({ code: channel.code, kind, name: channel.name, logo, position, sectionId: section?.id ?? null })
          .returning({ id: streamChannels.id });
        if (!added) throw new Error(`channel ${channel.code} was not stored`);
        position += 1;
        byCode.set(channel.code, { id: added.id, code: channel.code, kind, name: channel.name, logo });
        report.channelsAdded.push(channel.code);
        tags.add(mediaCacheTags.code(channel.code)).add(mediaCacheTags.list(kind));
        continue;
      }
      if (row.name === channel.name && row.logo === logo) continue;
      await tx.update(streamChannels).set({ name: channel.name, logo }).where(eq(streamChannels.id, row.id));
      report.channelsUpdated.push(channel.code);
      tags.add(mediaCacheTags.channel(row.id)).add(mediaCacheTags.list(row.kind));
    }

    for (const [code, list] of guide.programmes) {
      const channel = byCode.get(code);
      const first = list[0];
      const last = list.at(-1);
      if (!channel || !first || !last) continue;
      const from = first.start;
      const until = last.stop;
      const stored = await tx
        .select()
        .from(programmes)
        .where(and(eq(programmes.channelId, channel.id), lt(programmes.start, until), gt(programmes.stop, from)))
        .orderBy(programmes.start);
      const before = stored.map((p) => fingerprint(p)).join('\n');
      const after = list.map((p) => fingerprint(p)).join('\n');
      if (before === after) continue;
      if (stored.length) {
        await tx.delete(programmes).where(
          inArray(
            programmes.id,
            stored.map((p) => p.id),
          ),
        );
      }
      for (const batch of chunks(list, 500)) {
        await tx.insert(programmes).values(batch.map(({ line: _line, ...p }) => ({ ...p, channelId: channel.id })));
      }
      report.guidesChanged.push(code);
      report.programmesStored += list.length;
      tags.add(mediaCacheTags.channel(channel.id));
    }
    report.purgeTags = [...tags].sort();
    return report;
  });
}
