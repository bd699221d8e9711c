import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway';
import { beijing, importText, maxAge, tv } from './support';

let clock = beijing('2026-11-28 12:00:00');
const { graphql, database } = useGateway({ now: () => clock });

const CODE = 'catchup.test';
const TEMPLATE =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a catch-up template, as players spell it.
  'https://hls.example/catchup.m3u8?playseek=${(b)yyyyMMddHHmmss}-${(e)yyyyMMddHHmmss}&from={utc}&to={utcend}';
const DAY = 86_400_000;

beforeAll(async () => {
  await importText(
    database(),
    tv(`
  <channel id="${CODE}"><display-name>回看测试</display-name></channel>
  <programme start="20261128190000 +0800" stop="20261128193000 +0800" channel="${CODE}"><title>新闻联播</title></programme>
  <programme start="20261128193000 +0800" stop="20261128200000 +0800" channel="${CODE}"><title>聊城新闻</title></programme>`),
  );
  await database().admin.execute(
    sql`update stream_channels set catchup_days = 2, catchup_template = ${TEMPLATE} where code = ${CODE}`,
  );
});

const SCHEDULE = `query($code: String!, $date: String) {
  streamChannel(code: $code) { catchup { days sourceTemplate } schedule(date: $date) { title state catchupUrl } }
}`;

async function firstProgramme(at: number) {
  clock = at;
  const response = await graphql(SCHEDULE, { code: CODE, date: '2026-11-28' });
  expect(response.body.errors).toBeUndefined();
  expect(response.statements).toBe(1);
  return { programme: response.body.data?.streamChannel.schedule[0], response };
}

describe('catch-up (回看)', () => {
  it('is offered from the second a programme ends, not while it is on air or upcoming', async () => {
    const upcoming = await firstProgramme(beijing('2026-11-28 18:00:00'));
    expect(upcoming.programme).toEqual({ title: '新闻联播', state: 'UPCOMING', catchupUrl: null });
    const onAir = await firstProgramme(beijing('2026-11-28 19:29:59'));
    expect(onAir.programme).toEqual({ title: '新闻联播', state: 'ON_AIR', catchupUrl: null });
    expect(maxAge(onAir.response.headers)).toBe(1);
    const ended = await firstProgramme(beijing('2026-11-28 19:30:00'));
    expect(ended.programme.state).toBe('FINISHED');
    const from = beijing('2026-11-28 19:00:00') / 1000;
    expect(ended.programme.catchupUrl).toBe(
      `https://hls.example/catchup.m3u8?playseek=20261128190000-20261128193000&from=${from}&to=${from + 1800}`,
    );
    expect(ended.response.body.data?.streamChannel.catchup).toEqual({ days: 2, sourceTemplate: TEMPLATE });
  });

  it('is offered until the programme started `days` ago, and the answer expires at that edge', async () => {
    const start = beijing('2026-11-28 19:00:00');
    const last = await firstProgramme(start + 2 * DAY - 1000);
    expect(last.programme.catchupUrl).toMatch(/^https:\/\/hls\.example\//);
    expect(maxAge(last.response.headers)).toBe(1);
    const gone = await firstProgramme(start + 2 * DAY);
    expect(gone.programme).toEqual({ title: '新闻联播', state: 'FINISHED', catchupUrl: null });
    // The one after it is still inside the window.
    expect(gone.response.body.data?.streamChannel.schedule[1].catchupUrl).not.toBeNull();
  });

  it('is never offered by a channel without a catch-up policy', async () => {
    clock = beijing('2026-11-28 21:00:00');
    await database().admin.execute(sql`update stream_channels set catchup_days = 0 where code = ${CODE}`);
    try {
      const response = await graphql(SCHEDULE, { code: CODE, date: '2026-11-28' });
      const channel = response.body.data?.streamChannel;
      expect(channel.catchup).toBeNull();
      expect(channel.schedule.map((p: { catchupUrl: string | null }) => p.catchupUrl)).toEqual([null, null]);
    } finally {
      await database().admin.execute(sql`update stream_channels set catchup_days = 2 where code = ${CODE}`);
    }
  });
});

describe('bad input', () => {
  const codeOf = (response: Awaited<ReturnType<typeof graphql>>) => response.body.errors?.[0]?.extensions?.code;

  it('gives null for an unknown channel', async () => {
    const response = await graphql(SCHEDULE, { code: 'no-such-channel.test' });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.streamChannel).toBeNull();
  });

  it.each([
    ['a malformed date', 'tomorrow', /not a date: use YYYY-MM-DD/],
    ['an impossible date', '2026-02-30', /not a date/],
    ['a date too far ahead', '2026-12-28', /too far from today \(2026-11-28\)/],
    ['a date too far back', '2025-11-28', /too far from today/],
  ])('refuses %s with BAD_USER_INPUT', async (_what, date, message) => {
    clock = beijing('2026-11-28 12:00:00');
    const response = await graphql(SCHEDULE, { code: CODE, date });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.message).toMatch(message);
  });

  it('takes the day in Beijing: 2026-11-29 is "today" at 00:30 in Beijing (16:30 UTC the day before)', async () => {
    clock = beijing('2026-11-29 00:30:00');
    const response = await graphql(SCHEDULE, { code: CODE, date: '2026-12-13' });
    expect(response.body.errors).toBeUndefined();
    const tooFar = await graphql(SCHEDULE, { code: CODE, date: '2026-12-14' });
    expect(codeOf(tooFar)).toBe('BAD_USER_INPUT');
  });

  it('refuses an unknown kind and a code that cannot be stored with BAD_USER_INPUT', async () => {
    const kind = await graphql('query($kind: StreamKind!) { liveChannels(kind: $kind) { code } }', {
      kind: 'SATELLITE',
    });
    expect(codeOf(kind)).toBe('BAD_USER_INPUT');
    for (const code of ['bad\u0000code', 'lone\ud800surrogate', 'x'.repeat(129)]) {
      const response = await graphql(SCHEDULE, { code });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
    }
  });
});
