import { setSimilarity } from '../../shared/chinese-text';

/** Entries per list. */
export const RELATED_PER_ARTICLE = 6;
/** Candidates come from at most this many days either side of the article's own publication. */
export const WINDOW_DAYS = 365;
/** Per tag, this many nearest articles in time on each side are candidates. */
export const NEAREST_PER_SIDE = 25;
/** A tag on more than this share of articles finds no candidates (unless it is the article's rarest). */
export const CANDIDATE_TAG_MAX_SHARE = 0.1;

/**
 * The blend, each signal from 0 to 1: shared tags weighted by rarity, same channel (1) or same
 * parent channel (½), similarity of title and summary (character bigrams), closeness in time to
 * the article's own date (halves about every 10 days).
 */
export const WEIGHTS = { tags: 0.45, channel: 0.15, text: 0.3, recency: 0.1 } as const;
const RECENCY_DAYS = 14;
/** A candidate needs a shared tag or this much textual similarity: channel and time alone are not a reason. */
const MIN_TEXT = 0.2;
/** This similar to the article or to an entry above it: the same story again, left out. */
export const DUPLICATE_TEXT = 0.85;
const EDITOR_WEIGHT = { boost: 1.5, bury: 0.5 } as const;

const DAY_MS = 86_400_000;

export type Reason = 'shared_tags' | 'same_channel' | 'similar_text' | 'editor_pick';

/** What scoring knows of an article. */
export interface Features {
  id: number;
  channelId: number;
  /** The top-level channel (`yaowen` for `yaowen/shandong`). */
  topChannelId: number;
  publishedAt: number;
  tagIds: readonly number[];
  /** Title and summary as a bigram set (see bigramSet). */
  text: Int32Array;
  /** The normalised title: the same title is the same story. */
  titleKey: string;
  weight: 'boost' | 'bury' | null;
}

/** Tag rarity: ln(1 + N / df). */
export interface Rarity {
  idf(tagId: number): number;
  share(tagId: number): number;
  /** Published articles carrying the tag. */
  count(tagId: number): number;
}

export function rarityOf(frequencies: ReadonlyMap<number, number>, total: number): Rarity {
  // Memoised: the full computation asks for the same few tags millions of times.
  const idfs = new Map<number, number>();
  return {
    idf: (tagId) => {
      let idf = idfs.get(tagId);
      if (idf === undefined) {
        idf = Math.log(1 + Math.max(1, total) / Math.max(1, frequencies.get(tagId) ?? 1));
        idfs.set(tagId, idf);
      }
      return idf;
    },
    share: (tagId) => (frequencies.get(tagId) ?? 0) / Math.max(1, total),
    count: (tagId) => frequencies.get(tagId) ?? 0,
  };
}

/** The tags of an article that find candidates: those on at most 10% of articles, else its rarest. */
export function candidateTags(tagIds: readonly number[], rarity: Rarity): number[] {
  const usable = tagIds.filter((t) => rarity.share(t) <= CANDIDATE_TAG_MAX_SHARE);
  if (usable.length || !tagIds.length) return usable;
  return [[...tagIds].sort((a, b) => rarity.share(a) - rarity.share(b) || a - b)[0] as number];
}

/**
 * The places of the nearest in time on each side of `at` in a timeline of `length` entries sorted
 * by time, then id (`timeAt(i)`: the i-th entry's time), within the window: up to
 * NEAREST_PER_SIDE before `at`, then up to NEAREST_PER_SIDE at or after it.
 */
export function nearestIndexes(length: number, timeAt: (i: number) => number, at: number): number[] {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (timeAt(mid) < at) low = mid + 1;
    else high = mid;
  }
  const out: number[] = [];
  const reach = WINDOW_DAYS * DAY_MS;
  for (let i = low - 1, n = 0; i >= 0 && n < NEAREST_PER_SIDE; i -= 1, n += 1) {
    if (at - timeAt(i) > reach) break;
    out.push(i);
  }
  for (let i = low, n = 0; i < length && n < NEAREST_PER_SIDE; i += 1, n += 1) {
    if (timeAt(i) - at > reach) break;
    out.push(i);
  }
  return out;
}

export interface Scored {
  id: number;
  score: number;
  reason: Reason;
  /** For deterministic ties: closer in time first. */
  distance: number;
  text: number;
  titleKey: string;
  candidate: Int32Array;
}

/** An owner's tags that can be shared, with their rarity weights, and their sum: the same for every candidate. */
interface OwnerTags {
  tags: { tag: number; idf: number }[];
  own: number;
}

function ownerTags(owner: Features, rarity: Rarity): OwnerTags {
  // A tag no other article carries can never be shared: it would only dilute the others.
  const tags = owner.tagIds.filter((tag) => rarity.count(tag) > 1).map((tag) => ({ tag, idf: rarity.idf(tag) }));
  return { tags, own: tags.reduce((sum, t) => sum + t.idf, 0) };
}

/** The blended score of `candidate` in `owner`'s list, with its strongest signal; null when it has no reason to be there. */
export function score(
  owner: Features,
  candidate: Features,
  rarity: Rarity,
  weights: OwnerTags = ownerTags(owner, rarity),
): Scored | null {
  if (candidate.id === owner.id) return null;
  let shared = 0;
  for (const { tag, idf } of weights.tags) if (candidate.tagIds.includes(tag)) shared += idf;
  const own = weights.own;
  const tags = own > 0 ? shared / own : 0;
  const text = setSimilarity(owner.text, candidate.text);
  if (tags === 0 && text < MIN_TEXT) return null;
  const channel = owner.channelId === candidate.channelId ? 1 : owner.topChannelId === candidate.topChannelId ? 0.5 : 0;
  const distance = Math.abs(owner.publishedAt - candidate.publishedAt);
  const recency = Math.exp(-distance / DAY_MS / RECENCY_DAYS);
  const parts: [Reason, number][] = [
    ['shared_tags', WEIGHTS.tags * tags],
    ['similar_text', WEIGHTS.text * text],
    ['same_channel', WEIGHTS.channel * channel],
  ];
  const base = parts.reduce((sum, [, value]) => sum + value, 0) + WEIGHTS.recency * recency;
  const factor = candidate.weight ? EDITOR_WEIGHT[candidate.weight] : 1;
  const reason = parts.reduce((best, part) => (part[1] > best[1] ? part : best))[0];
  return {
    id: candidate.id,
    score: Math.round(base * factor * 10_000) / 10_000,
    reason,
    distance,
    text,
    titleKey: candidate.titleKey,
    candidate: candidate.text,
  };
}

export interface Entry {
  relatedId: number;
  position: number;
  reason: Reason;
  score: number;
}

export interface Overrides {
  /** Pinned article ids in pin order (only published ones are passed). */
  pins: readonly number[];
  excluded: ReadonlySet<number>;
}

const NO_OVERRIDES: Overrides = { pins: [], excluded: new Set() };

/**
 * An article's list: its pins first, in pin order, then the best-scored candidates, leaving out
 * itself, excluded ones and near-duplicates (the same title, or text this similar to the article
 * or to an entry above). Ties go to the closer in time, then the lower id: the same data always
 * gives the same list.
 */
export function rankList(
  owner: Features,
  candidates: Iterable<Features>,
  rarity: Rarity,
  overrides: Overrides = NO_OVERRIDES,
): Entry[] {
  const scored = new Map<number, Scored>();
  const weights = ownerTags(owner, rarity);
  for (const candidate of candidates) {
    if (scored.has(candidate.id)) continue;
    const result = score(owner, candidate, rarity, weights);
    if (result) scored.set(candidate.id, result);
  }
  const entries: Entry[] = [];
  const pinned = overrides.pins.filter((id) => id !== owner.id).slice(0, RELATED_PER_ARTICLE);
  for (const id of pinned) {
    entries.push({ relatedId: id, position: entries.length, reason: 'editor_pick', score: scored.get(id)?.score ?? 0 });
  }
  const ranked = [...scored.values()]
    .filter((s) => !overrides.excluded.has(s.id) && !pinned.includes(s.id))
    .sort((a, b) => b.score - a.score || a.distance - b.distance || a.id - b.id);
  const kept: Scored[] = [];
  for (const s of ranked) {
    if (entries.length >= RELATED_PER_ARTICLE) break;
    if (s.titleKey === owner.titleKey || s.text >= DUPLICATE_TEXT) continue;
    if (kept.some((k) => k.titleKey === s.titleKey || setSimilarity(k.candidate, s.candidate) >= DUPLICATE_TEXT))
      continue;
    kept.push(s);
    entries.push({ relatedId: s.id, position: entries.length, reason: s.reason, score: s.score });
  }
  return entries;
}

/** Whether two lists read the same: articles, order, reasons and scores. */
export function sameList(a: readonly Entry[], b: readonly Entry[]): boolean {
  return (
    a.length === b.length &&
    a.every((e, i) => e.relatedId === b[i]?.relatedId && e.reason === b[i]?.reason && e.score === b[i]?.score)
  );
}
