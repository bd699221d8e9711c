import { formatBeijingTime } from '../../shared/scalars/date-time';

const DAY_MS = 86_400_000;

export interface CatchupPolicy {
  catchupDays: number;
  catchupTemplate: string | null;
}

/** Whether a finished programme can be replayed now: over, and started less than `catchupDays` days ago. */
export function inCatchupWindow(programme: { start: Date; stop: Date }, policy: CatchupPolicy, now: number): boolean {
  if (!policy.catchupTemplate || policy.catchupDays <= 0) return false;
  return programme.stop.getTime() <= now && programme.start.getTime() > now - policy.catchupDays * DAY_MS;
}

/** When a programme leaves the catch-up window (ms since the epoch). */
export function catchupEnds(programme: { start: Date }, policy: CatchupPolicy): number {
  return programme.start.getTime() + policy.catchupDays * DAY_MS;
}

/** `yyyyMMddHHmmss`-style patterns of `${(b)…}` / `${(e)…}`, in Beijing time. */
function formatPattern(moment: Date, pattern: string): string {
  const text = formatBeijingTime(new Date(Math.floor(moment.getTime() / 1000) * 1000));
  const parts: Record<string, string> = {
    yyyy: text.slice(0, 4),
    MM: text.slice(5, 7),
    dd: text.slice(8, 10),
    HH: text.slice(11, 13),
    mm: text.slice(14, 16),
    ss: text.slice(17, 19),
  };
  return pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (token) => parts[token] ?? token);
}

/**
 * The URL of a past window from an IPTV `catchup-source` template. Placeholders as players know
 * them: `{utc}`/`${start}` and `{utcend}`/`${end}` (Unix seconds), `{duration}` (seconds),
 * `{Y}{m}{d}{H}{M}{S}` (start, Beijing time) and `${(b)yyyyMMddHHmmss}` / `${(e)yyyyMMddHHmmss}`
 * (start and end, Beijing time).
 */
export function catchupUrl(template: string, window: { start: Date; stop: Date }): string {
  const start = Math.floor(window.start.getTime() / 1000);
  const end = Math.floor(window.stop.getTime() / 1000);
  const begin = formatBeijingTime(new Date(start * 1000));
  return template
    .replace(/\$\{\((b|e)\)([^}]*)\}/g, (_m, which: string, pattern: string) =>
      formatPattern(which === 'b' ? window.start : window.stop, pattern),
    )
    .replace(/\{utc\}|\$\{start\}|\{start\}/g, String(start))
    .replace(/\{utcend\}|\$\{end\}|\{end\}/g, String(end))
    .replace(/\{duration\}/g, String(end - start))
    .replace(/\{Y\}/g, begin.slice(0, 4))
    .replace(/\{m\}/g, begin.slice(5, 7))
    .replace(/\{d\}/g, begin.slice(8, 10))
    .replace(/\{H\}/g, begin.slice(11, 13))
    .replace(/\{M\}/g, begin.slice(14, 16))
    .replace(/\{S\}/g, begin.slice(17, 19));
}
