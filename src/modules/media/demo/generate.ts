import { addDays, beijingDayRange, daysBetween } from '../beijing-day';
import type { WritableChannel, WritableProgramme } from '../xmltv/write';
import { LCFM1, LCFM2, LCTV1, LCTV2, type Slot } from './grids';
import { DEMO_STATIONS } from './stations';

const GRIDS: Record<string, readonly Slot[]> = {
  'lctv1.lcxw.cn': LCTV1,
  'lctv2.lcxw.cn': LCTV2,
  'lcfm1.lcxw.cn': LCFM1,
  'lcfm2.lcxw.cn': LCFM2,
};

/** Day numbers count from here, so a day's episodes and subjects are the same whenever it is generated. */
const EPOCH = '2026-01-01';
const POSTERS = 'https://www.lcxw.cn/static/media/posters';

const mod = (n: number, m: number) => ((n % m) + m) % m;

function at(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

function programmeOf(code: string, date: string, slot: Slot, index: number, stop: Date): WritableProgramme {
  const day = daysBetween(EPOCH, date);
  const start = at(date, slot.at);
  const titles = [{ lang: 'zh', value: slot.title }, ...(slot.english ? [{ lang: 'en', value: slot.english }] : [])];
  const series = slot.series;
  if (series) {
    const episode = mod((series.rerun ? day - 1 : day) * series.perDay + series.airing, series.episodes) + 1;
    const unit = slot.categories.includes('评书') ? '回' : '集';
    return {
      code,
      start,
      stop,
      titles,
      subTitle: null,
      description: `${series.synopsis}${slot.description}`,
      categories: slot.categories,
      episodeNumbers: [
        { system: 'xmltv_ns', value: `0.${episode - 1}.0/1` },
        { system: 'onscreen', value: `第${episode}${unit}` },
      ],
      image: `${POSTERS}/${encodeURIComponent(series.title)}.jpg`,
    };
  }
  const subjects = slot.subjects;
  return {
    code,
    start,
    stop,
    titles,
    subTitle: subjects ? (subjects[mod(day * 7 + index, subjects.length)] ?? null) : null,
    description: slot.description || null,
    categories: slot.categories,
    episodeNumbers: [],
    image: null,
  };
}

/**
 * The demo guide of every station for the Beijing days `from` to `until` (inclusive): each day's
 * grid, every programme ending where the next begins, the same programmes for a day whenever it
 * is generated (so the seed stays idempotent from one day to the next).
 */
export function demoGuide(
  from: string,
  until: string,
): { channels: WritableChannel[]; programmes: WritableProgramme[] } {
  const channels = DEMO_STATIONS.map((s) => ({
    code: s.code,
    names: [
      { lang: 'zh', value: s.name },
      { lang: 'en', value: s.englishName },
    ],
    logo: s.logo,
  }));
  const programmes: WritableProgramme[] = [];
  const days = daysBetween(from, until);
  for (const station of DEMO_STATIONS) {
    const grid = GRIDS[station.code] ?? [];
    for (let offset = 0; offset <= days; offset += 1) {
      const date = addDays(from, offset);
      grid.forEach((slot, index) => {
        if (slot.offAir) return;
        const next = grid[index + 1];
        const stop = next ? at(date, next.at) : (beijingDayRange(date)?.end ?? at(date, '23:59'));
        programmes.push(programmeOf(station.code, date, slot, index, stop));
      });
    }
  }
  return { channels, programmes };
}
