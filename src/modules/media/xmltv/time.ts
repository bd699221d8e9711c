/** Zones XMLTV guides name instead of an offset, in minutes east of UTC. Anything else is refused. */
const NAMED_ZONES: Record<string, number> = { UTC: 0, GMT: 0, Z: 0, UT: 0, BST: 60, CET: 60, CEST: 120 };

const STAMP = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(?:([+-])(\d{2}):?(\d{2})|([A-Za-z]{1,4}))?$/;

/**
 * An XMLTV date-time: `YYYYMMDDhhmmss` or an initial part of it (`YYYYMMDDhhmm`, no seconds),
 * then optionally a zone, `+0800`, `-0500` or a name (`UTC`, `BST`); without one it is UTC, as
 * the XMLTV DTD says. Returns null when it is none of these or names an impossible time.
 */
export function parseXmltvTime(value: string): Date | null {
  const match = STAMP.exec(value.trim());
  if (!match) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh, om, name] = match;
  let offset = 0;
  if (sign) {
    offset = (Number(oh) * 60 + Number(om)) * (sign === '-' ? -1 : 1);
    if (Number(oh) > 14 || Number(om) > 59) return null;
  } else if (name) {
    const named = NAMED_ZONES[name.toUpperCase()];
    if (named === undefined) return null;
    offset = named;
  }
  const fields = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)] as const;
  const [year, month, day, hour, minute, second] = fields;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  // Date.UTC rolls 31 February over into March: such a stamp is refused instead.
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  return new Date(utc - offset * 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `20261128190000 +0800`: how the guide writes times, in Beijing time. */
export function formatXmltvTime(moment: Date): string {
  const t = new Date(moment.getTime() + 8 * 3_600_000);
  return `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())} +0800`;
}
