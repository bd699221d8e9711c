import type { EpisodeNumber, LocalizedText } from './model';
import { XmltvError, type XmltvGuide, type XmltvProgramme } from './xmltv/parse';

/** A programme ready to store. */
export interface GuideProgramme {
  start: Date;
  stop: Date;
  title: string;
  titles: LocalizedText[];
  subTitle: string | null;
  description: string | null;
  categories: string[];
  episodeNumbers: EpisodeNumber[];
  image: string | null;
  line: number;
}

export interface GuideChannel {
  code: string;
  name: string;
  logo: string | null;
  line: number;
}

export interface CheckedGuide {
  channels: GuideChannel[];
  /** Programmes by channel code, in order. */
  programmes: Map<string, GuideProgramme[]>;
  /** Programmes left out, with why (a last programme without a stop). */
  skipped: { line: number; reason: string }[];
}

/** The Chinese text when there is one (zh, zh-CN, zh-Hans…), else the first. */
export function preferred(texts: readonly LocalizedText[]): string | null {
  return (texts.find((t) => t.lang?.toLowerCase().startsWith('zh')) ?? texts[0])?.value ?? null;
}

/** Every problem of a guide at once, so an editor fixes them in one pass. */
export class GuideErrors extends Error {
  constructor(readonly errors: XmltvError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'GuideErrors';
  }
}

const MAX_REPORTED = 50;

/**
 * Orders each channel's programmes, ends those without a stop at the next one's start, and
 * refuses a guide in which two programmes of a channel overlap (by line) or a programme ends
 * before it starts: such a guide would otherwise be stored with one of them silently lost.
 */
export function checkGuide(guide: XmltvGuide): CheckedGuide {
  const errors: XmltvError[] = [];
  const channels = new Map<string, GuideChannel>();
  for (const channel of guide.channels) {
    if (channels.has(channel.id)) {
      errors.push(new XmltvError(channel.line, `channel "${channel.id}" is declared twice`));
      continue;
    }
    const name = preferred(channel.names) ?? channel.id;
    channels.set(channel.id, { code: channel.id, name, logo: channel.icon, line: channel.line });
  }
  const byChannel = new Map<string, XmltvProgramme[]>();
  for (const programme of guide.programmes) {
    const list = byChannel.get(programme.channel) ?? [];
    list.push(programme);
    byChannel.set(programme.channel, list);
  }
  const programmes = new Map<string, GuideProgramme[]>();
  const skipped: CheckedGuide['skipped'] = [];
  for (const [code, list] of byChannel) {
    list.sort((a, b) => a.start.getTime() - b.start.getTime() || a.line - b.line);
    const checked: GuideProgramme[] = [];
    list.forEach((programme, index) => {
      const following = list[index + 1];
      const stop = programme.stop ?? following?.start ?? null;
      if (!stop) {
        skipped.push({ line: programme.line, reason: 'no stop, and no later programme on its channel to end it' });
        return;
      }
      if (stop.getTime() <= programme.start.getTime()) {
        errors.push(
          new XmltvError(programme.line, programme.stop ? 'stop is not after start' : 'two programmes start together'),
        );
        return;
      }
      const previous = checked.at(-1);
      if (previous && previous.stop.getTime() > programme.start.getTime()) {
        errors.push(
          new XmltvError(
            programme.line,
            `overlaps the programme of line ${previous.line} on channel "${code}" ("${previous.title}" until ${previous.stop.toISOString()})`,
          ),
        );
      }
      checked.push({
        start: programme.start,
        stop,
        title: preferred(programme.titles) ?? '',
        titles: programme.titles,
        subTitle: preferred(programme.subTitles),
        description: preferred(programme.descriptions),
        categories: [...new Set(programme.categories.map((c) => c.value))],
        episodeNumbers: programme.episodeNumbers,
        image: programme.icon,
        line: programme.line,
      });
    });
    programmes.set(code, checked);
  }
  if (errors.length) {
    errors.sort((a, b) => a.line - b.line);
    throw new GuideErrors(errors.slice(0, MAX_REPORTED));
  }
  return { channels: [...channels.values()], programmes, skipped };
}
