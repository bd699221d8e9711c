import type { EpisodeNumber } from './model';

/**
 * The episode as a viewer reads it: the guide's `onscreen` number when it has one, else made
 * from `xmltv_ns` (zero-based `season.episode.part`, each optionally `n/total`): `第2季 第12集`.
 */
export function episodeLabel(numbers: readonly EpisodeNumber[]): string | null {
  const onscreen = numbers.find((n) => n.system === 'onscreen')?.value.trim();
  if (onscreen) return onscreen;
  const ns = numbers.find((n) => n.system === 'xmltv_ns')?.value;
  if (!ns) return numbers[0]?.value.trim() || null;
  const [season, episode] = ns.split('.').map((part) => {
    const n = Number.parseInt(part.split('/')[0]?.trim() ?? '', 10);
    return Number.isNaN(n) ? null : n + 1;
  });
  const words = [season != null && season > 1 ? `第${season}季` : null, episode != null ? `第${episode}集` : null];
  return words.filter(Boolean).join(' ') || null;
}
