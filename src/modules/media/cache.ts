import { entityTag, tagText } from '../../cache/tags';

/** A channel's row (name, logo, streams, status) changes rarely, and whatever changes it purges its tag. */
export const STREAM_CHANNEL_MAX_AGE = 3_600;
/** The longest a programme is kept; its live state bounds it further (see `programmeLifetime`). */
export const PROGRAMME_MAX_AGE = 3_600;
/** A lookup of a channel code that found nothing: a guide import may add it. */
export const STREAM_MISS_MAX_AGE = 120;
/** The playlist and the guide files; imports and status changes purge them. */
export const PLAYLIST_MAX_AGE = 3_600;

export const mediaCacheTags = {
  /** Everything that shows a channel or any programme of its guide. */
  channel: (id: number) => entityTag('StreamChannel', id),
  /** A lookup by code, which may have found nothing yet. */
  code: (code: string) => `stream-code:${tagText(code)}`,
  /** The list of a kind's channels (joins, leaves, order). */
  list: (kind: 'tv' | 'radio') => `stream-channels:${kind}`,
};

const seconds = (ms: number) => Math.max(0, Math.floor(ms / 1000));

/**
 * How long a programme's answer holds: an upcoming one changes state when it starts, one on air
 * when it ends (so a cached "now playing" never outlives its programme), a finished one only when
 * its guide is re-imported, which purges it.
 */
export function programmeLifetime(programme: { start: Date; stop: Date }, now: number): number {
  const start = programme.start.getTime();
  const stop = programme.stop.getTime();
  if (now < start) return Math.min(PROGRAMME_MAX_AGE, seconds(start - now));
  if (now < stop) return Math.min(PROGRAMME_MAX_AGE, seconds(stop - now));
  return PROGRAMME_MAX_AGE;
}
