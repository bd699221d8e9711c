import type { Database } from '../../db/database';
import { excluded, type SeedReport } from '../../shared/seed';
import { channelsTable } from '../channels';
import { addDays, beijingDate } from './beijing-day';
import { demoGuide } from './demo/generate';
import { DEMO_STATIONS } from './demo/stations';
import { importXmltv } from './import-xmltv';
import { streamChannels } from './tables';
import { writeXmltv } from './xmltv/write';

/** The demo guide covers the catch-up week behind today and three days ahead. */
const DAYS_BACK = 7;
const DAYS_AHEAD = 3;

/**
 * The city station's channels with their streams, then a week and a half of their guide around
 * today (Beijing), written as XMLTV and imported through the importer, as a real guide would be.
 * Each day's programmes are the same whenever it is generated, so seeding again changes nothing.
 */
export async function seed(db: Database): Promise<SeedReport> {
  const sections = await db.select({ id: channelsTable.id, kind: channelsTable.kind }).from(channelsTable);
  const sectionOf = (kind: string) => sections.find((s) => s.kind === kind)?.id ?? null;
  const positions = { tv: 0, radio: 0 };
  await db
    .insert(streamChannels)
    .values(
      DEMO_STATIONS.map((s) => ({
        code: s.code,
        kind: s.kind,
        name: s.name,
        shortName: s.shortName,
        logo: s.logo,
        position: positions[s.kind]++,
        renditions: s.renditions,
        liveStatus: 'live' as const,
        statusMessage: null,
        catchupDays: s.catchupDays,
        catchupTemplate: s.catchupTemplate,
        sectionId: sectionOf(s.kind),
      })),
    )
    .onConflictDoUpdate({
      target: streamChannels.code,
      set: excluded(streamChannels, [
        'kind',
        'name',
        'shortName',
        'logo',
        'position',
        'renditions',
        'liveStatus',
        'statusMessage',
        'catchupDays',
        'catchupTemplate',
        'sectionId',
      ]),
    });
  const today = beijingDate(new Date());
  const guide = demoGuide(addDays(today, -DAYS_BACK), addDays(today, DAYS_AHEAD));
  const file = new TextEncoder().encode(writeXmltv(guide.channels, guide.programmes));
  await importXmltv(db, [file]);
  return { streamChannels: DEMO_STATIONS.length, programmes: guide.programmes.length };
}
