// 看电视 / 听广播 in workerd: now and next computed at request time over Neon's HTTP path (stand-in),
// the cache lifetime ending with the current programme, the playlist and guide files cached and
// parsed back, and a guide import purged through the editor mutation (Cloudflare's purge API stand-in).
import { parseXmltv } from '@iptv/xmltv';
import { eq } from 'drizzle-orm';
import parser from 'iptv-playlist-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodePostgresSource } from '../../src/db/node-postgres';
import { statementsFromServerTiming } from '../../src/gateway/server-timing';
import { relations } from '../../src/modules';
import { beijingDate } from '../../src/modules/media/beijing-day';
import { importXmltv } from '../../src/modules/media/import-xmltv';
import { streamChannels } from '../../src/modules/media/tables';
import { formatXmltvTime } from '../../src/modules/media/xmltv/time';
import { operation, prepareDatabase, workerClient } from './client';
import { startWorkerUnderTest, type WorkerUnderTest } from './harness';

const databaseUrl = process.env.TEST_DATABASE_URL;
const EDITOR_TOKEN = 'editor-token-for-media-e2e';
const CODE = 'worker.test';
const MINUTE = 60_000;

/** A guide around the real clock (the Worker's): one finished, one on air, one next. */
function guide(nextTitle: string, at: number) {
  const base = Math.floor(at / 1000) * 1000;
  const slots = [
    { start: base - 90 * MINUTE, stop: base - 30 * MINUTE, title: '聊城新闻' },
    { start: base - 30 * MINUTE, stop: base + 30 * MINUTE, title: '民生直通车' },
    { start: base + 30 * MINUTE, stop: base + 90 * MINUTE, title: nextTitle },
  ];
  const programmes = slots.map(
    (s) =>
      `<programme start="${formatXmltvTime(new Date(s.start))}" stop="${formatXmltvTime(new Date(s.stop))}" channel="${CODE}"><title lang="zh">${s.title}</title></programme>`,
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<tv>\n<channel id="${CODE}"><display-name lang="zh">Worker测试台</display-name></channel>\n${programmes.join('\n')}\n</tv>\n`;
  return { xml: new TextEncoder().encode(xml), slots };
}

describe.skipIf(!databaseUrl)('media in workerd', () => {
  let worker: WorkerUnderTest;
  const { post, get, editor, failure } = workerClient(() => worker, EDITOR_TOKEN);
  /** A plain GET of a file the Worker serves (not JSON). */
  const send = async (path: string) => {
    const response = await fetch(`${worker.origin}${path}`, { signal: AbortSignal.timeout(20_000) });
    return {
      status: response.status,
      xCache: response.headers.get('x-cache'),
      statements: statementsFromServerTiming(response.headers.get('server-timing')),
      text: await response.text(),
    };
  };
  const source = () => createNodePostgresSource({ connectionString: databaseUrl as string, relations, max: 1 });
  let slots: ReturnType<typeof guide>['slots'];
  let channelId = 0;

  beforeAll(async () => {
    await prepareDatabase(databaseUrl as string);
    const db = source();
    try {
      const imported = guide('山海情', Date.now());
      slots = imported.slots;
      await importXmltv(db.admin, [imported.xml]);
      const [row] = await db.admin
        .update(streamChannels)
        .set({
          renditions: [
            { url: 'https://hls.example/worker/720p.m3u8', bandwidth: 2e6, width: 1280, height: 720, label: '高清' },
          ],
          catchupDays: 7,
          catchupTemplate: 'https://hls.example/worker/index.m3u8?playseek={utc}-{utcend}',
          liveStatus: 'live',
        })
        .where(eq(streamChannels.code, CODE))
        .returning({ id: streamChannels.id });
      channelId = row?.id ?? 0;
    } finally {
      await db.close();
    }
    worker = await startWorkerUnderTest({
      databaseUrl: databaseUrl as string,
      reads: 'http',
      vars: { EDITOR_TOKEN },
      cloudflare: { zoneId: 'zone-media', apiToken: 'token-media' },
    });
  }, 180_000);
  afterAll(async () => {
    await worker?.stop();
  });

  it('lists live channels with now and next in one statement, cached until the programme ends', async () => {
    const op = operation('LiveChannels');
    const sent = await post(op.document, op.variables, 'LiveChannels');
    expect(sent.body.errors, failure('LiveChannels', sent)).toBeUndefined();
    expect(sent.statements).toBe(1);
    const mine = sent.body.data?.liveChannels.find((c: { code: string }) => c.code === CODE);
    expect(mine.nowPlaying.title).toBe('民生直通车');
    expect(mine.next.title).toBe('山海情');

    const cached = await get(op.document, op.variables);
    const maxAge = Number(/max-age=(\d+)/.exec(cached.headers.get('cache-control') ?? '')?.[1]);
    const untilEnd = ((slots[1]?.stop ?? 0) - Date.now()) / 1000;
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(Math.ceil(untilEnd));
    expect(cached.headers.get('cache-tag')).toContain(`streamChannel:${channelId}`);
  });

  it('gives catch-up URLs for the finished programme only', async () => {
    const op = operation('ChannelSchedule');
    const first = slots[0];
    if (!first) throw new Error('no slots');
    const sent = await post(op.document, { code: CODE, date: beijingDate(new Date(first.start)) }, 'ChannelSchedule');
    expect(sent.statements).toBe(1);
    const schedule = sent.body.data?.streamChannel.schedule as {
      title: string;
      state: string;
      catchupUrl: string | null;
    }[];
    const byTitle = new Map(schedule.map((p) => [p.title, p]));
    expect(byTitle.get('聊城新闻')).toMatchObject({
      state: 'FINISHED',
      catchupUrl: `https://hls.example/worker/index.m3u8?playseek=${first.start / 1000}-${first.stop / 1000}`,
    });
    const onAir = byTitle.get('民生直通车');
    if (onAir) expect(onAir).toMatchObject({ state: 'ON_AIR', catchupUrl: null });
  });

  it('serves /live.m3u and /epg.xml from the edge cache once fetched, and players can read them', async () => {
    const m3u = await send('/live.m3u');
    expect(m3u.status).toBe(200);
    const again = await send('/live.m3u');
    expect(again.xCache).toBe('HIT');
    expect(again.statements).toBe(0);
    const entry = parser.parse(again.text).items.find((item) => item.tvg.id === CODE);
    expect(entry).toMatchObject({
      url: 'https://hls.example/worker/720p.m3u8',
      catchup: { type: 'default', days: '7' },
    });

    const epg = await send('/epg.xml');
    expect(epg.status).toBe(200);
    const programmes = (parseXmltv(epg.text).programmes ?? []).filter((p) => p.channel === CODE);
    expect(programmes.map((p) => p.start.getTime())).toEqual(slots.map((s) => s.start));
  });

  it('purges exactly the changed channel when an import reports it through the editor mutation', async () => {
    const op = operation('LiveChannels');
    await get(op.document, op.variables);
    expect((await get(op.document, op.variables)).xCache).toBe('HIT');

    const db = source();
    let tags: string[];
    try {
      const report = await importXmltv(db.admin, [
        guide('父母爱情', slots[0]?.start ? slots[0].start + 90 * MINUTE : 0).xml,
      ]);
      tags = report.purgeTags;
    } finally {
      await db.close();
    }
    expect(tags).toEqual([`streamChannel:${channelId}`]);
    worker.purgeCalls.length = 0;
    const purged = await editor('mutation($tags: [String!]!) { purgeMediaCache(tags: $tags) { purgedTags } }', {
      tags,
    });
    expect(purged.body.errors, failure('purge', purged)).toBeUndefined();
    expect(worker.purgeCalls.map((call) => call.body)).toContainEqual({ tags });

    const fresh = await get(op.document, op.variables);
    expect(fresh.xCache).toBe('MISS');
    const mine = fresh.body.data?.liveChannels.find((c: { code: string }) => c.code === CODE);
    expect(mine.next.title).toBe('父母爱情');
  });
});
