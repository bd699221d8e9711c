import type { BodyBlock, ImageAsset } from '../body-blocks';
import { type Rng, rngFor } from './random';
import { TOPICS, type Topic } from './topics';
import type { ArticleKind, ArticleRecord, ArticleStatus, BylineRecord, ChannelKind, ChannelRef } from './types';
import {
  COMMENTARY_SENTENCES,
  COMMENTARY_TITLES,
  COMMON_SENTENCES,
  COMPANY_BRANDS,
  COMPANY_TRADES,
  COUNTIES,
  COUNTRIES,
  type County,
  DEPARTMENTS,
  EDITORS,
  givenChars,
  HEADINGS,
  IMAGE_SIZES,
  KICKERS,
  LANDMARKS,
  OFFICIAL_POSTS,
  ORIGINS,
  PROVINCES,
  SCOPE_TAGS,
  type Scope,
  SHANDONG_CITIES,
  SOURCES,
  surnames,
  ZONES,
} from './vocabulary';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const BEIJING_OFFSET_MS = 8 * HOUR_MS;
/** Articles are published between 2023-07-01 and 2024-03-30 (Beijing time), 07:00 to 23:00. */
const WINDOW_START = Date.parse('2023-07-01T00:00:00+08:00');
const WINDOW_DAYS = 274;
/** Independent PRNG streams per index, so changing the content templates never moves the dates. */
const STREAM_CONTENT = 0;
const STREAM_TIME = 1;

const ARTICLE_KIND: Record<ChannelKind, ArticleKind | null> = {
  news: 'story',
  video: 'video',
  photo: 'gallery',
  epaper: null,
  tv: null,
  radio: null,
};

type Mode = 'story' | 'commentary' | 'hotline';

/** How a channel writes: its scope, its kind of piece and, for county channels, its county. */
interface Profile {
  scope: Scope;
  mode: Mode;
  county: County | null;
}

function profileFor(path: string): Profile {
  const [top, sub] = path.split('/');
  const county = top === 'xianyu' ? (COUNTIES.find((c) => c.slug === sub) ?? null) : null;
  if (top === 'ruiping') return { scope: 'local', mode: 'commentary', county };
  if (top === 'rexian') return { scope: 'local', mode: 'hotline', county };
  if (path === 'yaowen/shandong') return { scope: 'province', mode: 'story', county };
  if (path === 'yaowen/guonei') return { scope: 'national', mode: 'story', county };
  if (path === 'yaowen/guoji') return { scope: 'international', mode: 'story', county };
  return { scope: 'local', mode: 'story', county };
}

function topicsFor({ scope, mode }: Profile): Topic[] {
  if (mode === 'hotline') return TOPICS.filter((t) => t.reach === 'hotline');
  if (scope === 'international') return TOPICS.filter((t) => t.reach === 'international');
  return TOPICS.filter((t) => t.reach === 'everywhere' || (scope === 'local' && t.reach === 'local'));
}

/** Everything an article's templates refer to, fixed once per article so the piece stays coherent. */
interface Context {
  rng: Rng;
  topic: Topic;
  place: string;
  /** Empty when the place has no towns: templates with {town} are then not used. */
  town: string;
  towns: readonly string[];
  /** Null when the place has no known sight: templates with {landmark} are then not used. */
  landmark: string | null;
  dept: string;
  /** Post and name on first mention (市教育局副局长王强), the name alone afterwards. */
  official: { full: string; short: string; mentioned: boolean };
  company: string;
  /** Event date, e.g. 3月14日, and its month, e.g. 3月. */
  md: string;
  month: string;
}

const personName = (rng: Rng) =>
  rng.pick(surnames) + rng.pick(givenChars) + (rng.chance(0.7) ? rng.pick(givenChars) : '');

/** One decimal, without a trailing `.0`: 12.5, 8, 96.3. */
const decimal = (rng: Rng, min: number, max: number) => String(rng.int(min * 10, max * 10) / 10);

interface Place {
  place: string;
  towns: readonly string[];
  landmarks: readonly string[];
  /** Whether departments are the county's own (阳谷县教育局) rather than the city's. */
  countyDepts: boolean;
}

const countyPlace = (county: County): Place => ({
  place: county.name,
  towns: county.towns,
  landmarks: county.landmarks,
  countyDepts: true,
});

function placeFor(profile: Profile, rng: Rng): Place {
  if (profile.county) return countyPlace(profile.county);
  // Hotline calls come from residents of a town or street.
  if (profile.mode === 'hotline') return countyPlace(rng.pick(COUNTIES));
  const elsewhere = (place: string): Place => ({ place, towns: [], landmarks: [], countyDepts: false });
  switch (profile.scope) {
    case 'province':
      return elsewhere(rng.pick(SHANDONG_CITIES));
    case 'national':
      return elsewhere(rng.pick(PROVINCES));
    case 'international':
      return elsewhere(rng.pick(COUNTRIES));
    case 'local': {
      const roll = rng.next();
      if (roll < 0.4) return { place: '聊城市', towns: [], landmarks: LANDMARKS, countyDepts: false };
      if (roll < 0.85) return countyPlace(rng.pick(COUNTIES));
      return elsewhere(rng.pick(ZONES));
    }
  }
}

function officialFor(profile: Profile, dept: string, rng: Rng): Context['official'] {
  if (profile.scope !== 'local') {
    const spokesperson = profile.scope === 'international' ? `${dept}发言人` : `${dept}有关负责人`;
    return { full: spokesperson, short: spokesperson, mentioned: false };
  }
  const name = personName(rng);
  const posts = OFFICIAL_POSTS[dept.slice(-1)] ?? ['负责人'];
  return { full: `${dept}${rng.pick(posts)}${name}`, short: name, mentioned: false };
}

function contextFor(profile: Profile, topic: Topic, rng: Rng, eventDay: Date): Context {
  const { place, towns, landmarks, countyDepts } = placeFor(profile, rng);
  const level = profile.scope === 'local' ? 0 : profile.scope === 'province' ? 1 : 2;
  const cityDept = DEPARTMENTS[topic.dept][level];
  // County departments carry the county's name: 市教育局 -> 阳谷县教育局.
  const dept = countyDepts && cityDept.startsWith('市') ? place + cityDept.slice(1) : cityDept;
  const month = eventDay.getUTCMonth() + 1;
  return {
    rng,
    topic,
    place,
    towns,
    town: towns.length ? rng.pick(towns) : '',
    landmark: landmarks.length ? rng.pick(landmarks) : null,
    dept,
    official: officialFor(profile, dept, rng),
    company: `${rng.pick(COMPANY_BRANDS)}${rng.pick(COMPANY_TRADES)}有限公司`,
    md: `${month}月${eventDay.getUTCDate()}日`,
    month: `${month}月`,
  };
}

/** Templates the context can fill: no {town} or {landmark} where the place has none. */
const usable = (templates: readonly string[], ctx: Context) =>
  templates.filter((t) => (ctx.town || !t.includes('{town}')) && (ctx.landmark || !t.includes('{landmark}')));

function fill(template: string, ctx: Context): string {
  const { rng } = ctx;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'n':
        return String(rng.int(2, 30));
      case 'k':
        return String(rng.int(100, 9999));
      case 'wan':
        return decimal(rng, 1, 99.9);
      case 'yi':
        return decimal(rng, 0.5, 99.9);
      case 'pct':
        return decimal(rng, 1, 35);
      case 'high':
        return decimal(rng, 85, 99.9);
      case 'topic':
        return ctx.topic.name;
      case 'origin':
        return rng.pick(ORIGINS);
      case 'official': {
        const { full, short, mentioned } = ctx.official;
        ctx.official.mentioned = true;
        return mentioned ? short : full;
      }
      case 'place':
      case 'town':
      case 'dept':
      case 'company':
      case 'md':
      case 'month':
        return ctx[key];
      case 'landmark':
        return ctx.landmark ?? ctx.place;
      default:
        throw new Error(`unknown placeholder {${key}}`);
    }
  });
}

/** Beijing wall-clock parts of an instant, read through the UTC getters of a shifted Date. */
const beijing = (instant: Date) => new Date(instant.getTime() + BEIJING_OFFSET_MS);
const pad = (n: number) => String(n).padStart(2, '0');

function publishedAtFor(index: number): Date {
  // Every 97th article shares its second with the one before, as batch-published pieces do:
  // keyset pagination must break ties by id.
  const timeIndex = index % 97 === 1 && index > 1 ? index - 1 : index;
  const rng = rngFor(timeIndex, STREAM_TIME);
  const day = rng.int(0, WINDOW_DAYS - 1);
  const second = rng.int(7 * 3600, 23 * 3600 - 1);
  return new Date(WINDOW_START + day * DAY_MS + second * 1000);
}

/** ~3% are not public: drafts and retractions at fixed indexes, so every batch of 100 has some. */
function statusFor(index: number): ArticleStatus {
  if (index % 50 === 17) return 'draft';
  if (index % 100 === 42) return 'retracted';
  return 'published';
}

function image(ctx: Context, url: string, alt: string, caption: string | null, credit: string | null): ImageAsset {
  const [width, height] = ctx.rng.pick(IMAGE_SIZES);
  return { url, width, height, alt, caption, credit };
}

/** Splits the shuffled sentence pool into paragraphs of 1-3 sentences, never repeating a sentence. */
function paragraphs(ctx: Context, lead: string, pool: readonly string[], count: number): string[] {
  const shuffled = ctx.rng.sample(pool, pool.length);
  const out = [lead];
  for (let i = 1; i < count && shuffled.length; i += 1) {
    const left = count - i;
    const take = Math.max(1, Math.min(ctx.rng.int(2, 3), Math.floor(shuffled.length / left)));
    out.push(
      shuffled
        .splice(0, take)
        .map((s) => fill(s, ctx))
        .join(''),
    );
  }
  return out;
}

/**
 * The lead paragraph and the sentences left for the rest. News leads open with the dated (or 近日)
 * sentence when one fits, else with a plain fact; commentaries open with an opinion.
 */
function leadAndPool(ctx: Context, profile: Profile): { lead: string; pool: string[] } {
  const { rng } = ctx;
  const sentences = usable(ctx.topic.sentences, ctx);
  const facts = sentences.filter((s) => !/^[{“]|^近日/.test(s));
  if (profile.mode === 'commentary') {
    const opener = rng.pick(COMMENTARY_SENTENCES.slice(0, 2));
    const pool = [...COMMENTARY_SENTENCES.filter((s) => s !== opener), ...rng.sample(facts, 3)];
    return { lead: fill(opener, ctx), pool };
  }
  const dated = sentences.find((s) => s.startsWith('{md}') || s.startsWith('近日'));
  // Without a dated sentence, lead with a fact that stands on its own (今年以来…, 目前…, {place}…).
  const standalone = facts.filter((s) => /^(今年|近年来|目前|去年|截至|\{place\})/.test(s));
  const opener = dated ?? rng.pick(standalone.length ? standalone : facts);
  const lead = dated ? fill(dated, ctx) : `记者从${ctx.dept}获悉，${fill(opener, ctx)}`;
  const pool = [
    ...sentences.filter((s) => s !== opener),
    // The generic sentences talk about a policy field, which neither hotline nor world news is.
    ...(profile.scope === 'international' || profile.mode === 'hotline' ? [] : COMMON_SENTENCES),
  ];
  return { lead, pool };
}

function bylinesFor(ctx: Context, kind: ArticleKind, profile: Profile, source: string): BylineRecord[] {
  const { rng } = ctx;
  // Correspondents (通讯员) are press officers of local departments.
  const correspondent = profile.scope === 'local' ? rng.next() : 1;
  const person = (role: BylineRecord['role'], organisation: string | null = source) => ({
    role,
    name: personName(rng),
    organisation,
  });
  if (profile.mode === 'commentary') return [person('author')];
  if (kind === 'gallery') {
    const photographers = Array.from({ length: rng.int(1, 2) }, () => person('photographer'));
    return correspondent < 0.3 ? [...photographers, person('correspondent', ctx.dept)] : photographers;
  }
  const roll = rng.next();
  const reporters = Array.from({ length: roll < 0.5 ? 1 : roll < 0.85 ? 2 : 3 }, () => person('reporter'));
  if (kind === 'video') return [...reporters, person('videographer')];
  const extra: BylineRecord[] = [];
  if (rng.chance(0.25)) extra.push(person('photographer'));
  if (correspondent < 0.4) extra.push(person('correspondent', ctx.dept));
  return [...reporters, ...extra];
}

/**
 * A plausible news article for `index`, a pure function of its arguments: the same index and channels
 * always give the same article, so a million can be generated in batches without keeping state.
 * Only news, video and photo channels receive articles.
 */
export function generateArticle(index: number, channels: readonly ChannelRef[]): ArticleRecord {
  const eligible = channels.filter((c) => ARTICLE_KIND[c.kind] !== null);
  if (eligible.length === 0) throw new Error('no news, video or photo channel to publish in');
  const rng = rngFor(index, STREAM_CONTENT);
  const channel = rng.pick(eligible);
  const kind = ARTICLE_KIND[channel.kind] ?? 'story';
  const profile = profileFor(channel.path);
  const topic = rng.pick(topicsFor(profile));

  const publishedAt = publishedAtFor(index);
  const local = beijing(publishedAt);
  const eventDay = rng.chance(0.5) ? new Date(local.getTime() - DAY_MS) : local;
  const ctx = contextFor(profile, topic, rng, eventDay);
  const yyyy = local.getUTCFullYear();
  const mm = pad(local.getUTCMonth() + 1);
  const dd = pad(local.getUTCDate());
  const asset = (n: number) => `/uploads/${yyyy}/${mm}/${dd}/${index}-${n}.jpg`;

  const commentary = profile.mode === 'commentary';
  const title = fill(rng.pick(usable(commentary ? COMMENTARY_TITLES : topic.titles, ctx)), ctx);
  const subtitleCount = commentary ? 0 : rng.pick([0, 0, 0, 0, 0, 0, 1, 1, 1, 2]);
  const subtitles = rng.sample(usable(topic.subtitles, ctx), subtitleCount).map((s) => fill(s, ctx));
  const kicker =
    profile.mode === 'story' && (profile.scope === 'local' || profile.scope === 'province') && rng.chance(0.15)
      ? rng.pick(KICKERS)
      : null;
  const source = commentary || profile.mode === 'hotline' ? '聊城新闻网' : rng.pick(SOURCES[profile.scope]);
  const bylines = bylinesFor(ctx, kind, profile, source);
  const credit = `${(bylines.find((b) => b.role === 'photographer') ?? bylines[0])?.name ?? source} 摄`;

  const { lead, pool } = leadAndPool(ctx, profile);
  const summary = lead.slice(0, lead.indexOf('。') + 1) || lead;
  const scenes = rng.sample(usable(topic.scenes, ctx), topic.scenes.length);
  /** Where a photo was taken: the story's own town, or for galleries a different spot each time. */
  const spot = (): string => {
    if (kind !== 'gallery') return ctx.place + ctx.town;
    const county = profile.scope === 'local' && !profile.county ? rng.pick(COUNTIES) : null;
    if (county) return county.name + rng.pick(county.towns);
    return ctx.place + (ctx.towns.length ? rng.pick(ctx.towns) : '');
  };
  /** The n-th photo of the article; scenes rotate so that neighbouring photos differ. */
  const scene = (n: number) => {
    const template = scenes[n % scenes.length] as string;
    const text = fill(template, ctx);
    // A sight already says where it is.
    const where = template.includes('{landmark}') ? '' : `在${spot()}，`;
    return { alt: text, caption: `${ctx.md}，${where}${text}。` };
  };

  const body: BodyBlock[] = [];
  let cover: ImageAsset | null = null;
  if (kind === 'video') {
    const poster = image(ctx, asset(0), title, null, null);
    body.push({
      type: 'embed',
      media: 'video',
      url: `/uploads/video/${yyyy}/${mm}${dd}/${index}.mp4`,
      title,
      durationSeconds: rng.int(45, 480),
      poster,
    });
    for (const text of paragraphs(ctx, lead, pool, rng.int(1, 2))) body.push({ type: 'paragraph', text });
    cover = poster;
  } else if (kind === 'gallery') {
    body.push({ type: 'paragraph', text: lead });
    for (let n = 1, count = rng.int(4, 8); n <= count; n += 1) {
      const { alt, caption } = scene(n);
      body.push({ type: 'image', image: image(ctx, asset(n), alt, caption, credit) });
    }
    cover = body[1]?.type === 'image' ? body[1].image : null;
  } else {
    const texts = paragraphs(ctx, lead, pool, rng.int(3, 8));
    const headed = !commentary && texts.length >= 5 && rng.chance(0.3);
    const headings = headed ? rng.sample(HEADINGS, 3) : [];
    for (const [i, text] of texts.entries()) {
      // Headings split the story into sections after the lead: before paragraphs 1, 3 and 5.
      const heading = i % 2 === 1 ? headings[(i - 1) / 2] : undefined;
      if (heading) body.push({ type: 'heading', level: 2, text: heading });
      body.push({ type: 'paragraph', text });
      if (i === 0 && !commentary && rng.chance(0.35)) {
        const { alt, caption } = scene(0);
        cover = image(ctx, asset(1), alt, caption, credit);
        body.push({ type: 'image', image: cover });
      }
    }
    if (!cover && !commentary && rng.chance(0.6)) cover = image(ctx, asset(0), title, null, null);
  }

  const status = statusFor(index);
  const edited = status === 'retracted' ? rng.int(1, 72) * HOUR_MS : rng.chance(0.2) ? rng.int(5, 180) * 60_000 : 0;
  // 1-3 topic tags first, then perhaps a place tag such as 聊城.
  const topicTags = rng.sample(topic.tags, rng.int(1, 3));
  const scopeTags = SCOPE_TAGS[profile.scope].filter((t) => !topicTags.includes(t));
  const placeTags = rng.sample(scopeTags, rng.int(topicTags.length === 1 ? 1 : 0, 1));
  return {
    channelPath: channel.path,
    path: `/${channel.path}/${yyyy}${mm}${dd}/${index}.html`,
    kind,
    status,
    kicker,
    title,
    subtitles,
    summary,
    source,
    body,
    cover,
    editor: rng.pick(EDITORS),
    publishedAt,
    updatedAt: new Date(publishedAt.getTime() + edited),
    bylines,
    tags: [...topicTags, ...placeTags],
    topic: topic.name,
  };
}

/** Every tag the generator can emit, for seeding the tag table up front. */
export const GENERATED_TAGS: readonly string[] = [
  ...new Set([...TOPICS.flatMap((t) => t.tags), ...Object.values(SCOPE_TAGS).flat()]),
];
