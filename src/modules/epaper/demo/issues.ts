import type { Manifest, ManifestArticle } from '../importer/manifest';
import { STORIES, storyBody, VOCABULARY } from './stories';

/** The story of the reference web article, as the seed reads it from the articles table. */
export interface WebStory {
  path: string;
  title: string;
  subtitles: string[];
  paragraphs: string[];
}

/** Where the reference web article was printed: the next morning's front page, as the lead story. */
export const SEED_PRINTING = { paper: 'lcrb', date: '2024-03-16', page: 'A01' } as const;
/** The articles module's reference article (src/modules/articles/seed/seed-article.ts). */
export const SEED_WEB_ARTICLE_PATH = '/yaowen/shandong/20240315/sdwchy.html';
const SEED_AUTHOR = '大众日报·大众新闻客户端记者 赵洪杰 刘兵 李子路';

export const DEMO_PAPERS = [
  {
    slug: 'lcrb',
    name: '聊城日报',
    kind: 'daily',
    publisher: '中共聊城市委',
    description: '中共聊城市委机关报，每周一至周六出版。',
    position: 0,
  },
  {
    slug: 'lcwb',
    name: '聊城晚报',
    kind: 'evening',
    publisher: '聊城市新闻传媒中心',
    description: '聊城的城市生活报，每周一至周五出版。',
    position: 1,
  },
] as const;

interface Schedule {
  paper: string;
  from: string;
  until: string;
  /** Days of the week it comes out, 0 = Sunday. */
  weekdays: readonly number[];
  firstNumber: number;
  pages: (weekday: number) => readonly (readonly [number: string, name: string])[];
}

const DAILY_PAGES = [
  ['A01', '头版'],
  ['A02', '要闻'],
  ['A03', '县域'],
  ['A04', '经济'],
  ['A05', '民生'],
  ['A06', '文化'],
  ['A07', '综合'],
  ['A08', '水城副刊'],
] as const;
const SATURDAY_PAGES = [
  ['A01', '头版'],
  ['A02', '要闻'],
  ['A03', '县域'],
  ['A04', '周末'],
] as const;
const EVENING_PAGES = [
  ['01', '头版'],
  ['02', '城事'],
  ['03', '县域'],
  ['04', '文体'],
] as const;

/**
 * Three weeks of 聊城日报 (Monday to Saturday, 8 pages, 4 on Saturdays) across the end of
 * February, and two weeks of 聊城晚报 (Monday to Friday, 4 pages), around the reference article.
 */
const SCHEDULES: readonly Schedule[] = [
  {
    paper: 'lcrb',
    from: '2024-02-26',
    until: '2024-03-18',
    weekdays: [1, 2, 3, 4, 5, 6],
    firstNumber: 11832,
    pages: (weekday) => (weekday === 6 ? SATURDAY_PAGES : DAILY_PAGES),
  },
  {
    paper: 'lcwb',
    from: '2024-03-04',
    until: '2024-03-15',
    weekdays: [1, 2, 3, 4, 5],
    firstNumber: 6120,
    pages: () => EVENING_PAGES,
  },
];

export const PAGE_WIDTH = 1100;
export const PAGE_HEIGHT = 1600;

/** Story outlines on a page: an L-shaped lead, a box in its corner, and one or two below. */
function layout(count: number, front: boolean): [number, number][][] {
  const top = front ? 300 : 120;
  const split = front ? 1000 : 860;
  const step = Math.round(top + (split - top) * 0.6);
  const box = (left: number, upper: number, right: number, lower: number): [number, number][] => [
    [left, upper],
    [right, upper],
    [right, lower],
    [left, lower],
  ];
  const lead: [number, number][] = [
    [40, top],
    [1060, top],
    [1060, step],
    [560, step],
    [560, split],
    [40, split],
  ];
  const below =
    count > 3 ? [box(40, split + 20, 540, 1560), box(560, split + 20, 1060, 1560)] : [box(40, split + 20, 1060, 1560)];
  return [lead, box(580, step + 20, 1060, split), ...below];
}

/** A deterministic choice from a string key, so the seed writes the same stories every time. */
function chooser(key: string) {
  let state = 2166136261;
  for (const char of key) state = Math.imul(state ^ (char.codePointAt(0) ?? 0), 16777619) >>> 0;
  return <T>(items: readonly T[]): T => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return items[state % items.length] as T;
  };
}

function* days(from: string, until: string) {
  for (let day = Date.parse(`${from}T00:00:00Z`); day <= Date.parse(`${until}T00:00:00Z`); day += 86_400_000) {
    yield new Date(day);
  }
}

function pageStories(paper: string, date: string, number: string, name: string, front: boolean): ManifestArticle[] {
  const pick = chooser(`${paper}/${date}/${number}`);
  const outlines = layout(front ? 4 : 3, front);
  const pool = STORIES[front ? '要闻' : name] ?? STORIES.综合 ?? [];
  const county = pick(VOCABULARY.counties);
  const place = pick(VOCABULARY.places);
  const fill = (text: string) => text.replaceAll('{county}', county).replaceAll('{place}', place);
  const used = new Set<string>();
  return outlines.map((hotspot) => {
    let template = pick(pool);
    for (let tries = 0; used.has(template.title) && tries < 8; tries += 1) template = pick(pool);
    used.add(template.title);
    const title = fill(template.title);
    const reporters = [pick(VOCABULARY.reporters), pick(VOCABULARY.reporters)];
    return {
      page: number,
      ...(template.kicker && { kicker: template.kicker }),
      title,
      ...(template.subtitle && { subtitles: [template.subtitle] }),
      author: `本报记者 ${[...new Set(reporters)].join(' ')}`,
      body: storyBody(title, pick, fill),
      hotspot,
    };
  });
}

/** Every demo issue as a manifest, in date order per paper; the reference story leads one of them. */
export function demoManifests(seedStory: WebStory | null): Manifest[] {
  return SCHEDULES.flatMap((schedule) => {
    const manifests: Manifest[] = [];
    for (const day of days(schedule.from, schedule.until)) {
      if (!schedule.weekdays.includes(day.getUTCDay())) continue;
      const date = day.toISOString().slice(0, 10);
      const folder = `https://www.lcxw.cn/szb/${schedule.paper}/${date.replaceAll('-', '')}/`;
      const pages = schedule.pages(day.getUTCDay());
      const articles = pages.flatMap(([number, name], index) =>
        pageStories(schedule.paper, date, number, name, index === 0),
      );
      const printing = SEED_PRINTING;
      if (seedStory && schedule.paper === printing.paper && date === printing.date) {
        const lead = articles.findIndex((article) => article.page === printing.page);
        const outline = articles[lead]?.hotspot ?? [];
        articles[lead] = {
          page: printing.page,
          title: seedStory.title,
          subtitles: seedStory.subtitles,
          author: SEED_AUTHOR,
          body: seedStory.paragraphs,
          hotspot: outline,
          webArticle: seedStory.path,
        };
      }
      manifests.push({
        paper: schedule.paper,
        date,
        number: schedule.firstNumber + manifests.length,
        pages: pages.map(([number, name]) => ({
          number,
          name,
          image: `${folder}${number}.jpg`,
          width: PAGE_WIDTH,
          height: PAGE_HEIGHT,
          pdf: `${folder}${number}.pdf`,
        })),
        articles,
      });
    }
    return manifests;
  });
}
