import type { ModuleRoute, RouteRequest } from '../../shared/module';
import { addDays, beijingDate, beijingDayRange } from './beijing-day';
import { mediaCacheTags, PLAYLIST_MAX_AGE } from './cache';
import { writeM3u } from './playlist';
import { LISTED } from './queries';
import { writeXmltv } from './xmltv/write';

type Kind = 'tv' | 'radio';

/** `?kind=tv` or `?kind=radio` narrows a file to one kind; anything else is no such file. */
function kindsOf(url: URL): Kind[] | null {
  const kind = url.searchParams.get('kind');
  if (kind === null) return ['tv', 'radio'];
  return kind === 'tv' || kind === 'radio' ? [kind] : null;
}

/** The guide file covers the catch-up week behind and three days ahead, whole Beijing days. */
export const GUIDE_DAYS_BACK = 7;
export const GUIDE_DAYS_AHEAD = 3;

const listTags = (kinds: Kind[]) => kinds.map((kind) => mediaCacheTags.list(kind));

/** `GET /live.m3u`: the channels that are on air, for IPTV players. */
const playlist: ModuleRoute = {
  path: '/live.m3u',
  async get({ url, db }: RouteRequest) {
    const kinds = kindsOf(url);
    if (!kinds) return null;
    const channels = await db.query.streamChannels.findMany({
      columns: {
        id: true,
        code: true,
        kind: true,
        name: true,
        logo: true,
        renditions: true,
        catchupDays: true,
        catchupTemplate: true,
      },
      where: { kind: { in: kinds }, liveStatus: 'live' },
      orderBy: { kind: 'asc', position: 'asc', id: 'asc' },
    });
    return {
      contentType: 'audio/x-mpegurl; charset=utf-8',
      body: writeM3u(channels, `${url.origin}/epg.xml`),
      tags: [...listTags(kinds), ...channels.map((c) => mediaCacheTags.channel(c.id))],
      maxAge: PLAYLIST_MAX_AGE,
    };
  },
};

/** `GET /epg.xml`: the guide of the listed channels as XMLTV, for the players' EPG. */
const guide: ModuleRoute = {
  path: '/epg.xml',
  async get({ url, db, now }: RouteRequest) {
    const kinds = kindsOf(url);
    if (!kinds) return null;
    const today = beijingDate(now);
    const from = beijingDayRange(addDays(today, -GUIDE_DAYS_BACK))?.start;
    const until = beijingDayRange(addDays(today, GUIDE_DAYS_AHEAD))?.end;
    if (!from || !until) return null;
    const channels = await db.query.streamChannels.findMany({
      columns: { id: true, code: true, name: true, shortName: true, logo: true },
      where: { kind: { in: kinds }, ...LISTED },
      orderBy: { kind: 'asc', position: 'asc', id: 'asc' },
      with: {
        programmes: {
          columns: {
            start: true,
            stop: true,
            titles: true,
            title: true,
            subTitle: true,
            description: true,
            categories: true,
            episodeNumbers: true,
            image: true,
          },
          where: { start: { gte: from, lt: until } },
          orderBy: { start: 'asc' },
        },
      },
    });
    const body = writeXmltv(
      channels.map((c) => ({
        code: c.code,
        names: [{ lang: 'zh', value: c.name }, ...(c.shortName ? [{ lang: 'zh', value: c.shortName }] : [])],
        logo: c.logo,
      })),
      channels.flatMap((c) =>
        c.programmes.map((p) => ({
          ...p,
          code: c.code,
          titles: p.titles.length ? p.titles : [{ lang: 'zh', value: p.title }],
        })),
      ),
    );
    // The window moves at midnight in Beijing.
    const midnight = beijingDayRange(addDays(today, 1))?.start.getTime() ?? now.getTime();
    return {
      contentType: 'application/xml; charset=utf-8',
      body,
      tags: [...listTags(kinds), ...channels.map((c) => mediaCacheTags.channel(c.id))],
      maxAge: Math.max(1, Math.min(PLAYLIST_MAX_AGE, Math.floor((midnight - now.getTime()) / 1000))),
    };
  },
};

export const mediaRoutes = [playlist, guide] as const;
