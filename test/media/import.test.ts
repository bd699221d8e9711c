import { inArray } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { GuideErrors } from '../../src/modules/media/import-xmltv';
import { streamChannels } from '../../src/modules/media/tables';
import { useGateway } from '../support/gateway';
import { beijing, channelId, importText, programmeCount, tv } from './support';

const EDITOR_TOKEN = 'media-import-editor-token';
let clock = beijing('2026-11-28 12:00:00');
const { graphql, database, send } = useGateway({ now: () => clock, editorToken: EDITOR_TOKEN, cacheBytes: 2 ** 20 });

const A = 'import-a.test';
const B = 'import-b.test';

// A Postgres shared across runs keeps the last run's channels: start from none.
beforeAll(async () => {
  await database()
    .admin.delete(streamChannels)
    .where(inArray(streamChannels.code, [A, B]));
});

/** A guide as EPG grabbers write it: GB2312, times with and without seconds or offsets, a missing stop. */
const GOOD = tv(
  `
  <channel id="${A}">
    <display-name lang="en">Import Test A</display-name>
    <display-name lang="zh">导入测试一台</display-name>
    <icon src="https://img.example/a.png"/>
  </channel>
  <channel id="${B}"><display-name lang="zh">导入测试二台</display-name></channel>
  <programme start="20261128180000 +0800" stop="202611281830 +0800" channel="${A}">
    <title lang="en">Liaocheng News</title>
    <title lang="zh">聊城新闻</title>
    <sub-title lang="zh">全市冬季供暖全面启动</sub-title>
    <desc lang="zh"><![CDATA[本台记者报道：<供暖>今日启动]]></desc>
    <category lang="zh">新闻</category>
    <category lang="en">News</category>
  </programme>
  <programme start="202611281030" stop="20261128113000" channel="${A}">
    <title lang="zh">人世间</title>
    <category lang="zh">电视剧</category>
    <episode-num system="xmltv_ns">1.11.0/1</episode-num>
    <icon src="https://img.example/rsj.jpg"/>
  </programme>
  <programme start="20261128193000 +0800" channel="${A}">
    <title lang="zh">父母爱情</title>
    <episode-num system="onscreen">第5集</episode-num>
  </programme>
  <programme start="20261128200000 +0800" stop="20261128210000 +0800" channel="${A}">
    <title lang="zh">天气 &amp; 交通</title>
  </programme>
  <programme start="20261128200000 +0800" stop="20261128210000 +0800" channel="${B}">
    <title lang="zh">戏曲大观园</title>
  </programme>`,
  'GB2312',
);

const SCHEDULE = `query($code: String!) {
  streamChannel(code: $code) {
    name logo
    schedule(date: "2026-11-28") { start stop title titles { lang value } subTitle description categories episode episodeNumbers { system value } image }
  }
}`;

async function scheduleOf(code: string) {
  const response = await graphql(SCHEDULE, { code });
  expect(response.body.errors).toBeUndefined();
  return response.body.data?.streamChannel;
}

const count = (code: string) => programmeCount(database(), code);

describe('XMLTV import', () => {
  it('imports a GB2312 guide with every time form, titles in two languages, episodes and a missing stop', async () => {
    const report = await importText(database(), iconv.encode(GOOD, 'gb2312'));
    expect(report.guidesChanged.sort()).toEqual([A, B]);
    expect(report.skipped).toEqual([]);
    const a = await scheduleOf(A);
    expect(a.name).toBe('导入测试一台');
    expect(a.logo).toBe('https://img.example/a.png');
    const byTitle = new Map(a.schedule.map((p: { title: string }) => [p.title, p]));
    expect(byTitle.get('聊城新闻')).toMatchObject({
      start: '2026-11-28T18:00:00+08:00',
      stop: '2026-11-28T18:30:00+08:00',
      titles: [
        { lang: 'en', value: 'Liaocheng News' },
        { lang: 'zh', value: '聊城新闻' },
      ],
      subTitle: '全市冬季供暖全面启动',
      description: '本台记者报道：<供暖>今日启动',
      categories: ['新闻', 'News'],
      episode: null,
    });
    expect(byTitle.get('人世间')).toMatchObject({
      start: '2026-11-28T18:30:00+08:00',
      stop: '2026-11-28T19:30:00+08:00',
      episode: '第2季 第12集',
      episodeNumbers: [{ system: 'xmltv_ns', value: '1.11.0/1' }],
      image: 'https://img.example/rsj.jpg',
    });
    // No stop: the next programme's start ends it.
    expect(byTitle.get('父母爱情')).toMatchObject({ stop: '2026-11-28T20:00:00+08:00', episode: '第5集' });
    expect(byTitle.has('天气 & 交通')).toBe(true);
    expect(a.schedule.map((p: { title: string }) => p.title)).toEqual([
      '聊城新闻',
      '人世间',
      '父母爱情',
      '天气 & 交通',
    ]);
  });

  it('is idempotent: the same file again changes nothing and has nothing to purge', async () => {
    const again = await importText(database(), iconv.encode(GOOD, 'gb2312'));
    expect(again).toMatchObject({ guidesChanged: [], channelsAdded: [], channelsUpdated: [], purgeTags: [] });
    expect(await count(A)).toBe(4);
  });

  it('rejects a file with a broken programme in the middle, with its line, and imports nothing of it', async () => {
    const lines = [
      `  <channel id="${A}"><display-name lang="zh">导入测试一台（改名）</display-name></channel>`,
      `  <programme start="20261128180000 +0800" stop="20261128183000 +0800" channel="${A}"><title>改过的标题</title></programme>`,
      `  <programme start="20261128250000 +0800" stop="20261128260000 +0800" channel="${A}"><title>坏时间</title></programme>`,
      `  <programme start="20261128200000 +0800" stop="20261128210000 +0800" channel="${B}"><title>也不该存</title></programme>`,
    ];
    const error = await importText(database(), tv(lines.join('\n'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuideErrors);
    const [problem] = (error as GuideErrors).errors;
    // tv() puts three lines before the body: the bad programme is on line 6.
    expect(problem?.line).toBe(6);
    expect(problem?.reason).toMatch(/start "20261128250000 \+0800" is not an XMLTV time/);
    const a = await scheduleOf(A);
    expect(a.name).toBe('导入测试一台');
    expect(a.schedule.map((p: { title: string }) => p.title)).toContain('聊城新闻');
    expect((await scheduleOf(B)).schedule.map((p: { title: string }) => p.title)).toEqual(['戏曲大观园']);
  });

  it('rejects malformed XML with the line where it breaks', async () => {
    const broken = tv(
      `  <channel id="${A}"><display-name>x</display-name></channel>\n  <programme start="20261128180000" channel="${A}">\n    <title>未闭合\n  </programme>`,
    );
    const error = (await importText(database(), broken).catch((e: unknown) => e)) as GuideErrors;
    expect(error).toBeInstanceOf(GuideErrors);
    expect(error.errors[0]?.line).toBe(7);
    expect(error.errors[0]?.reason).toMatch(/malformed XML/);
  });

  it('reports overlapping programmes by line and stores none of the file', async () => {
    const before = await count(B);
    const overlapping = tv(
      [
        `  <channel id="${B}"><display-name>导入测试二台</display-name></channel>`,
        `  <programme start="20261128080000 +0800" stop="20261128090000 +0800" channel="${B}"><title>早间新闻</title></programme>`,
        `  <programme start="20261128083000 +0800" stop="20261128093000 +0800" channel="${B}"><title>重叠节目</title></programme>`,
        `  <programme start="20261128100000 +0800" stop="20261128110000 +0800" channel="${B}"><title>正常节目</title></programme>`,
      ].join('\n'),
    );
    const error = (await importText(database(), overlapping).catch((e: unknown) => e)) as GuideErrors;
    expect(error).toBeInstanceOf(GuideErrors);
    expect(error.errors.map((e) => e.line)).toEqual([6]);
    expect(error.errors[0]?.reason).toMatch(/overlaps the programme of line 5/);
    expect(await count(B)).toBe(before);
  });

  it('refuses programmes of a channel it does not know, and an undeclared encoding it cannot read', async () => {
    const unknown = tv(
      `  <programme start="20261128080000 +0800" stop="20261128090000 +0800" channel="nobody.test"><title>x</title></programme>`,
    );
    const error = (await importText(database(), unknown).catch((e: unknown) => e)) as GuideErrors;
    expect(error.errors[0]).toMatchObject({ line: 4 });
    expect(error.errors[0]?.reason).toMatch(/neither declared in the file nor known/);
    const encoding = (await importText(database(), tv('', 'X-NO-SUCH')).catch((e: unknown) => e)) as GuideErrors;
    expect(encoding.errors[0]?.reason).toMatch(/unsupported encoding "X-NO-SUCH"/);
  });

  it('purges exactly the channels whose guide changed, through the editor mutation the importer calls', async () => {
    const query = `{ a: streamChannel(code: "${A}") { schedule(date: "2026-11-28") { title } } }`;
    const get = () => send(new Request(`http://gateway.test/graphql?query=${encodeURIComponent(query)}`));
    const queryB = `{ b: streamChannel(code: "${B}") { schedule(date: "2026-11-28") { title } } }`;
    const getB = () => send(new Request(`http://gateway.test/graphql?query=${encodeURIComponent(queryB)}`));
    clock = beijing('2026-11-28 22:00:00');
    await get();
    await getB();
    expect((await get()).headers.get('x-cache')).toBe('HIT');

    const changed = GOOD.replace('天气 &amp; 交通', '天气预报');
    const report = await importText(database(), iconv.encode(changed, 'gb2312'));
    expect(report.guidesChanged).toEqual([A]);
    const id = await channelId(database(), A);
    expect(report.purgeTags).toEqual([`streamChannel:${id}`]);

    const purge = await graphql(
      'mutation($tags: [String!]!) { purgeMediaCache(tags: $tags) { purgedTags purgedResponses } }',
      { tags: report.purgeTags },
      { headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_TOKEN}` } },
    );
    expect(purge.body.data?.purgeMediaCache.purgedTags).toEqual(report.purgeTags);
    expect(purge.body.data?.purgeMediaCache.purgedResponses).toBeGreaterThanOrEqual(1);
    const fresh = await get();
    expect(fresh.headers.get('x-cache')).toBe('MISS');
    expect(((await fresh.json()) as { data: { a: { schedule: { title: string }[] } } }).data.a.schedule.at(-1)).toEqual(
      {
        title: '天气预报',
      },
    );
    // The other channel's cached answer was left alone.
    expect((await getB()).headers.get('x-cache')).toBe('HIT');
  });

  it('lets only editors purge, and only media tags', async () => {
    const mutation = 'mutation($tags: [String!]!) { purgeMediaCache(tags: $tags) { purgedTags } }';
    const anonymous = await graphql(mutation, { tags: ['stream-channels:tv'] });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const other = await graphql(
      mutation,
      { tags: ['article:1'] },
      { headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR_TOKEN}` } },
    );
    expect(other.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
