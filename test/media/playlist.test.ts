import { parseXmltv } from '@iptv/xmltv';
import { sql } from 'drizzle-orm';
import parser from 'iptv-playlist-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseXmltv as readStrictly } from '../../src/modules/media/xmltv/parse';
import { useGateway } from '../support/gateway';
import { beijing, channelId, importText, maxAge, tv } from './support';

const EDITOR_TOKEN = 'media-playlist-editor-token';
let clock = beijing('2026-11-28 20:15:00');
const { database, send, graphql } = useGateway({
  now: () => clock,
  editorToken: EDITOR_TOKEN,
  cacheBytes: 4 * 2 ** 20,
});

const CODE = 'playlist.test';
const STREAM = 'https://hls.example/playlist-test/720p.m3u8';

beforeAll(async () => {
  await importText(
    database(),
    tv(`
  <channel id="${CODE}"><display-name lang="zh">播放列表测试台</display-name><icon src="https://img.example/p.png"/></channel>
  <programme start="20261128200000 +0800" stop="20261128210000 +0800" channel="${CODE}">
    <title lang="zh">电视剧：山海情</title><title lang="en">Minning Town</title>
    <desc lang="zh">黄金剧场 &lt;第一集&gt;</desc><category lang="zh">电视剧</category>
    <episode-num system="xmltv_ns">0.0.0/1</episode-num>
  </programme>
  <programme start="20261128210000 +0800" stop="20261128213000 +0800" channel="${CODE}"><title lang="zh">晚间新闻</title></programme>`),
    { kind: 'radio' },
  );
  await database().admin.execute(
    sql`update stream_channels set renditions = ${JSON.stringify([{ url: STREAM, bandwidth: 2000000, width: 1280, height: 720, label: '高清' }])}::jsonb,
        catchup_days = 3, catchup_template = 'https://hls.example/playlist-test/index.m3u8?playseek={utc}-{utcend}'
      where code = ${CODE}`,
  );
});

const get = (path: string, headers: Record<string, string> = {}) =>
  send(new Request(`http://gateway.test${path}`, { headers }));

const editor = (query: string, variables: Record<string, unknown>) =>
  graphql(query, variables, {
    headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_TOKEN}` },
  });

const SET_STATUS =
  'mutation($code: String!, $status: StreamStatus!, $message: String) { setStreamStatus(code: $code, status: $status, message: $message) { channel { status statusMessage } purgedTags } }';

describe('GET /live.m3u', () => {
  it('is an extended M3U an IPTV player reads, with tvg, group and catch-up attributes', async () => {
    const response = await get('/live.m3u');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/x-mpegurl; charset=utf-8');
    const playlist = parser.parse(await response.text());
    expect(playlist.header.attrs['x-tvg-url']).toBe('http://gateway.test/epg.xml');
    const entry = playlist.items.find((item) => item.tvg.id === CODE);
    expect(entry).toMatchObject({
      name: '播放列表测试台',
      url: STREAM,
      tvg: { id: CODE, name: '播放列表测试台', logo: 'https://img.example/p.png' },
      group: { title: '聊城广播' },
      catchup: {
        type: 'default',
        days: '3',
        source: 'https://hls.example/playlist-test/index.m3u8?playseek={utc}-{utcend}',
      },
    });
    // Every entry is playable and tied to the guide.
    for (const item of playlist.items) {
      expect(item.url).toMatch(/^https:\/\/.+\.m3u8$/);
      expect(item.tvg.id).not.toBe('');
    }
  });

  it('is cached, and a status change purges it', async () => {
    const first = await get('/live.m3u?kind=radio');
    expect(first.headers.get('x-cache')).toBe('MISS');
    const hit = await get('/live.m3u?kind=radio');
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(hit.headers.get('cache-tag')).toContain('stream-channels:radio');
    expect(maxAge(hit.headers)).toBeGreaterThan(0);
    const etag = hit.headers.get('etag') ?? '';
    expect((await get('/live.m3u?kind=radio', { 'if-none-match': etag })).status).toBe(304);

    const down = await editor(SET_STATUS, { code: CODE, status: 'MAINTENANCE', message: '设备检修，预计22:00恢复' });
    try {
      expect(down.body.data?.setStreamStatus.channel).toEqual({
        status: 'MAINTENANCE',
        statusMessage: '设备检修，预计22:00恢复',
      });
      const after = await get('/live.m3u?kind=radio');
      expect(after.headers.get('x-cache')).toBe('MISS');
      const items = parser.parse(await after.text()).items;
      expect(items.some((item) => item.tvg.id === CODE)).toBe(false);
      // A channel under maintenance is still listed to partners, with its message.
      const listed = await graphql('{ liveChannels(kind: RADIO) { code status statusMessage } }');
      expect(listed.body.data?.liveChannels).toContainEqual({
        code: CODE,
        status: 'MAINTENANCE',
        statusMessage: '设备检修，预计22:00恢复',
      });
    } finally {
      await editor(SET_STATUS, { code: CODE, status: 'LIVE' });
    }
    const back = await get('/live.m3u?kind=radio');
    expect(back.headers.get('x-cache')).toBe('MISS');
    expect(parser.parse(await back.text()).items.some((item) => item.tvg.id === CODE)).toBe(true);
  });

  it('answers 404 for an unknown kind', async () => {
    expect((await get('/live.m3u?kind=satellite')).status).toBe(404);
  });
});

describe('GET /epg.xml', () => {
  it('gives the guide back as XMLTV that an XMLTV parser reads, programme for programme', async () => {
    const response = await get('/epg.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const text = await response.text();
    const guide = parseXmltv(text);
    const channel = guide.channels?.find((c) => c.id === CODE);
    expect(channel?.displayName[0]?._value).toBe('播放列表测试台');
    expect(channel?.icon?.[0]?.src).toBe('https://img.example/p.png');
    const programmes = (guide.programmes ?? []).filter((p) => p.channel === CODE);
    expect(
      programmes.map((p) => ({
        start: p.start.toISOString(),
        stop: p.stop?.toISOString(),
        titles: p.title.map((t) => [t.lang, t._value]),
      })),
    ).toEqual([
      {
        start: '2026-11-28T12:00:00.000Z',
        stop: '2026-11-28T13:00:00.000Z',
        titles: [
          ['zh', '电视剧：山海情'],
          ['en', 'Minning Town'],
        ],
      },
      { start: '2026-11-28T13:00:00.000Z', stop: '2026-11-28T13:30:00.000Z', titles: [['zh', '晚间新闻']] },
    ]);
    // That parser leaves entities as they are; a conforming XML parser reads the text back exactly.
    expect(programmes[0]?.desc?.[0]?._value).toBe('黄金剧场 &lt;第一集&gt;');
    const strict = await readStrictly([new TextEncoder().encode(text)]);
    expect(strict.programmes.find((p) => p.channel === CODE)?.descriptions).toEqual([
      { lang: 'zh', value: '黄金剧场 <第一集>' },
    ]);
    expect(programmes[0]?.episodeNum?.[0]).toMatchObject({ system: 'xmltv_ns', _value: '0.0.0/1' });

    // The seeded stations' guides are there too, matching what GraphQL serves for the day.
    const schedule = await graphql('{ streamChannel(code: "lctv1.lcxw.cn") { schedule { start title } } }');
    const served = schedule.body.data?.streamChannel.schedule as { start: string; title: string }[];
    const seeded = (guide.programmes ?? []).filter(
      (p) => p.channel === 'lctv1.lcxw.cn' && served.some((s) => Date.parse(s.start) === p.start.getTime()),
    );
    expect(seeded.map((p) => p.title[0]?._value)).toEqual(served.map((s) => s.title));
  });

  it('is cached until midnight in Beijing at most, and purged when the guide changes', async () => {
    clock = beijing('2026-11-28 23:50:00');
    const first = await get('/epg.xml?kind=radio');
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(maxAge(first.headers)).toBe(600);
    expect((await get('/epg.xml?kind=radio')).headers.get('x-cache')).toBe('HIT');
    const id = await channelId(database(), CODE);
    await editor('mutation($tags: [String!]!) { purgeMediaCache(tags: $tags) { purgedTags } }', {
      tags: [`streamChannel:${id}`],
    });
    expect((await get('/epg.xml?kind=radio')).headers.get('x-cache')).toBe('MISS');
  });
});
