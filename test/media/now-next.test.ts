// Now and next at programme boundaries and around midnight in Beijing, on a clock the test moves,
// with the machine's zone set far from Beijing: nothing may depend on it.
process.env.TZ = 'America/Los_Angeles';

import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway';
import { beijing, importText, maxAge, tv } from './support';

let clock = beijing('2026-11-28 12:00:00');
const { graphql, database } = useGateway({ now: () => clock });

const CODE = 'nownext.test';

beforeAll(async () => {
  await importText(
    database(),
    tv(`
  <channel id="${CODE}"><display-name lang="zh">测试频道</display-name></channel>
  <programme start="20261128220000 +0800" stop="20261128233000 +0800" channel="${CODE}"><title lang="zh">晚间新闻</title></programme>
  <programme start="20261128153000 +0000" stop="20261128163000 +0000" channel="${CODE}"><title lang="zh">跨夜剧场</title></programme>
  <programme start="202611290030 +0800" stop="202611290100 +0800" channel="${CODE}"><title lang="zh">午夜新闻</title></programme>
  <programme start="20261129020000 +0800" stop="20261129030000 +0800" channel="${CODE}"><title lang="zh">凌晨音乐</title></programme>`),
  );
});

const NOW_NEXT = `query($code: String!) {
  streamChannel(code: $code) {
    nowPlaying { title start stop state }
    next { title start state }
  }
}`;

async function nowNext(at: number) {
  clock = at;
  const response = await graphql(NOW_NEXT, { code: CODE });
  expect(response.body.errors).toBeUndefined();
  expect(response.statements).toBe(1);
  const channel = response.body.data?.streamChannel;
  return { now: channel.nowPlaying?.title ?? null, next: channel.next?.title ?? null, response, channel };
}

describe('now and next', () => {
  it('switches at the exact second a programme ends, and expires the answer then', async () => {
    const before = await nowNext(beijing('2026-11-28 23:29:59'));
    expect([before.now, before.next]).toEqual(['晚间新闻', '跨夜剧场']);
    expect(before.channel.nowPlaying.state).toBe('ON_AIR');
    expect(before.channel.next.state).toBe('UPCOMING');
    expect(maxAge(before.response.headers)).toBe(1);

    const at = await nowNext(beijing('2026-11-28 23:30:00'));
    expect([at.now, at.next]).toEqual(['跨夜剧场', '午夜新闻']);
    // The programme crossing midnight was given in UTC: it still starts at 23:30 in Beijing.
    expect(at.channel.nowPlaying.start).toBe('2026-11-28T23:30:00+08:00');
    expect(at.channel.nowPlaying.stop).toBe('2026-11-29T00:30:00+08:00');
    expect(maxAge(at.response.headers)).toBe(3600);
  });

  it('keeps the programme that crosses midnight on air after midnight in Beijing', async () => {
    const after = await nowNext(beijing('2026-11-29 00:00:01'));
    expect([after.now, after.next]).toEqual(['跨夜剧场', '午夜新闻']);
    expect(maxAge(after.response.headers)).toBe(30 * 60 - 1);
  });

  it('shows nothing on air in a gap, until the next programme starts', async () => {
    const gap = await nowNext(beijing('2026-11-29 01:30:00'));
    expect([gap.now, gap.next]).toEqual([null, '凌晨音乐']);
    expect(maxAge(gap.response.headers)).toBe(30 * 60);
    // Only nowPlaying asked for: the empty answer still expires when the next programme starts.
    clock = beijing('2026-11-29 01:59:00');
    const alone = await graphql(`{ streamChannel(code: "${CODE}") { nowPlaying { title } } }`);
    expect(alone.body.data?.streamChannel.nowPlaying).toBeNull();
    expect(maxAge(alone.headers)).toBe(60);
  });

  it('has neither after the last programme of the guide', async () => {
    const end = await nowNext(beijing('2026-11-29 03:00:00'));
    expect([end.now, end.next]).toEqual([null, null]);
  });

  it('tells each programme’s live state at the moment of the request', async () => {
    clock = beijing('2026-11-29 00:45:00');
    const response = await graphql(
      `{ streamChannel(code: "${CODE}") { schedule(date: "2026-11-29") { title state } } }`,
    );
    expect(response.body.data?.streamChannel.schedule).toEqual([
      { title: '午夜新闻', state: 'ON_AIR' },
      { title: '凌晨音乐', state: 'UPCOMING' },
    ]);
    const yesterday = await graphql(
      `{ streamChannel(code: "${CODE}") { schedule(date: "2026-11-28") { title state } } }`,
    );
    expect(yesterday.body.data?.streamChannel.schedule).toEqual([
      { title: '晚间新闻', state: 'FINISHED' },
      { title: '跨夜剧场', state: 'FINISHED' },
    ]);
  });

  it('lists the live channels of a kind with now and next in one statement', async () => {
    clock = beijing('2026-11-28 23:00:00');
    const response = await graphql(
      'query($kind: StreamKind!) { liveChannels(kind: $kind) { code kind status nowPlaying { title } next { title } } }',
      { kind: 'TV' },
    );
    expect(response.statements).toBe(1);
    const channels = response.body.data?.liveChannels as { code: string; kind: string; nowPlaying: unknown }[];
    expect(channels.every((c) => c.kind === 'TV')).toBe(true);
    expect(channels.find((c) => c.code === CODE)).toMatchObject({
      nowPlaying: { title: '晚间新闻' },
      next: { title: '跨夜剧场' },
    });
    expect(maxAge(response.headers)).toBeLessThanOrEqual(30 * 60);
  });
});
