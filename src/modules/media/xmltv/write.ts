import type { EpisodeNumber, LocalizedText } from '../model';
import { formatXmltvTime } from './time';

export interface WritableChannel {
  code: string;
  names: LocalizedText[];
  logo: string | null;
}

export interface WritableProgramme {
  code: string;
  start: Date;
  stop: Date;
  titles: LocalizedText[];
  subTitle: string | null;
  description: string | null;
  categories: readonly string[];
  episodeNumbers: readonly EpisodeNumber[];
  image: string | null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text and attribute values, escaped; characters XML 1.0 cannot carry are dropped. */
export function xmlEscape(value: string): string {
  return (
    value
      .toWellFormed()
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)
  );
}

const lang = (text: LocalizedText) => (text.lang ? ` lang="${xmlEscape(text.lang)}"` : '');

/** An XMLTV document (UTF-8), as EPG tools and IPTV players read it. */
export function writeXmltv(
  channels: readonly WritableChannel[],
  programmes: Iterable<WritableProgramme>,
  generator = '聊城新闻网',
): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE tv SYSTEM "xmltv.dtd">',
    `<tv generator-info-name="${xmlEscape(generator)}">`,
  ];
  for (const channel of channels) {
    out.push(`  <channel id="${xmlEscape(channel.code)}">`);
    for (const name of channel.names)
      out.push(`    <display-name${lang(name)}>${xmlEscape(name.value)}</display-name>`);
    if (channel.logo) out.push(`    <icon src="${xmlEscape(channel.logo)}"/>`);
    out.push('  </channel>');
  }
  for (const p of programmes) {
    out.push(
      `  <programme start="${formatXmltvTime(p.start)}" stop="${formatXmltvTime(p.stop)}" channel="${xmlEscape(p.code)}">`,
    );
    for (const title of p.titles) out.push(`    <title${lang(title)}>${xmlEscape(title.value)}</title>`);
    if (p.subTitle) out.push(`    <sub-title lang="zh">${xmlEscape(p.subTitle)}</sub-title>`);
    if (p.description) out.push(`    <desc lang="zh">${xmlEscape(p.description)}</desc>`);
    for (const category of p.categories) out.push(`    <category lang="zh">${xmlEscape(category)}</category>`);
    if (p.image) out.push(`    <icon src="${xmlEscape(p.image)}"/>`);
    for (const episode of p.episodeNumbers) {
      out.push(`    <episode-num system="${xmlEscape(episode.system)}">${xmlEscape(episode.value)}</episode-num>`);
    }
    out.push('  </programme>');
  }
  out.push('</tv>', '');
  return out.join('\n');
}
