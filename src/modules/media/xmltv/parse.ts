import iconv from 'iconv-lite';
import { SaxesParser } from 'saxes';
import type { EpisodeNumber, LocalizedText } from '../model';
import { parseXmltvTime } from './time';

export interface XmltvChannel {
  id: string;
  names: LocalizedText[];
  icon: string | null;
  line: number;
}

export interface XmltvProgramme {
  channel: string;
  start: Date;
  /** Null when the guide leaves it out: the channel's next programme then ends it. */
  stop: Date | null;
  titles: LocalizedText[];
  subTitles: LocalizedText[];
  descriptions: LocalizedText[];
  categories: LocalizedText[];
  episodeNumbers: EpisodeNumber[];
  icon: string | null;
  line: number;
}

export interface XmltvGuide {
  channels: XmltvChannel[];
  programmes: XmltvProgramme[];
}

/** A problem with a guide, at a line of its file. */
export class XmltvError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'XmltvError';
  }
}

/** Longest text kept from any element; longer ones are refused rather than cut silently. */
const MAX_TEXT = 10_000;
const MAX_ATTRIBUTE = 2_000;

/**
 * The encoding of a file from its byte order mark or its XML declaration (`<?xml version="1.0"
 * encoding="GB2312"?>`); UTF-8 when it declares none, as XML says.
 */
function sniffEncoding(head: Uint8Array): { encoding: string; skip: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  const ascii = Buffer.from(head.subarray(0, 1024)).toString('latin1');
  const declared = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(ascii)?.[1];
  if (!declared) return { encoding: 'utf-8', skip: 0 };
  if (!iconv.encodingExists(declared)) throw new XmltvError(1, `unsupported encoding "${declared}"`);
  return { encoding: declared, skip: 0 };
}

function text(value: string, line: number, what: string, max = MAX_TEXT): string {
  if (value.length > max) throw new XmltvError(line, `${what} is longer than ${max} characters`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a NUL cannot be stored in Postgres text.
  if (/\u0000/.test(value)) throw new XmltvError(line, `${what} contains a NUL character`);
  return value;
}

/**
 * Reads an XMLTV guide as it streams in (a file of any size), in its declared encoding, into
 * channels and programmes with the line each starts on. Malformed XML, an impossible time or a
 * programme without a title or channel stops it with an XmltvError naming the line.
 */
export async function parseXmltv(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  onBytes?: (bytes: number) => void,
): Promise<XmltvGuide> {
  const parser = new SaxesParser({ position: true });
  const guide: XmltvGuide = { channels: [], programmes: [] };
  let channel: XmltvChannel | null = null;
  let programme: XmltvProgramme | null = null;
  let leaf: { name: string; attributes: Record<string, string>; text: string; line: number } | null = null;
  let depth = 0;
  let sawTv = false;
  let tagLine = 1;

  const attribute = (attributes: Record<string, string>, name: string, line: number) => {
    const value = attributes[name];
    return value === undefined ? undefined : text(value, line, `attribute ${name}`, MAX_ATTRIBUTE);
  };

  parser.on('opentagstart', () => {
    tagLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    const line = tagLine;
    const attributes = tag.attributes as Record<string, string>;
    depth += 1;
    if (depth === 1) {
      if (tag.name !== 'tv') throw new XmltvError(line, `the root element is <${tag.name}>, not <tv>`);
      sawTv = true;
      return;
    }
    if (depth === 2 && tag.name === 'channel') {
      const id = attribute(attributes, 'id', line)?.trim();
      if (!id) throw new XmltvError(line, '<channel> has no id');
      channel = { id, names: [], icon: null, line };
      return;
    }
    if (depth === 2 && tag.name === 'programme') {
      const id = attribute(attributes, 'channel', line)?.trim();
      if (!id) throw new XmltvError(line, '<programme> has no channel attribute');
      const startText = attribute(attributes, 'start', line);
      if (!startText) throw new XmltvError(line, '<programme> has no start');
      const start = parseXmltvTime(startText);
      if (!start) throw new XmltvError(line, `start "${startText}" is not an XMLTV time (YYYYMMDDhhmmss +0800)`);
      const stopText = attribute(attributes, 'stop', line);
      const stop = stopText === undefined ? null : parseXmltvTime(stopText);
      if (stopText !== undefined && !stop) {
        throw new XmltvError(line, `stop "${stopText}" is not an XMLTV time (YYYYMMDDhhmmss +0800)`);
      }
      programme = {
        channel: id,
        start,
        stop,
        titles: [],
        subTitles: [],
        descriptions: [],
        categories: [],
        episodeNumbers: [],
        icon: null,
        line,
      };
      return;
    }
    if (depth === 3 && (channel || programme)) {
      if (tag.name === 'icon') {
        const src = attribute(attributes, 'src', line)?.trim() || null;
        if (channel) channel.icon ??= src;
        if (programme) programme.icon ??= src;
        return;
      }
      leaf = { name: tag.name, attributes, text: '', line };
    }
  });
  const addText = (chunk: string) => {
    if (!leaf) return;
    leaf.text += chunk;
    if (leaf.text.length > MAX_TEXT) text(leaf.text, leaf.line, `<${leaf.name}>`);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    depth -= 1;
    if (depth === 2 && leaf) {
      const value = text(leaf.text.trim(), leaf.line, `<${leaf.name}>`);
      const lang = leaf.attributes.lang?.slice(0, 35) || null;
      if (value) {
        if (channel && leaf.name === 'display-name') channel.names.push({ lang, value });
        if (programme) {
          if (leaf.name === 'title') programme.titles.push({ lang, value });
          else if (leaf.name === 'sub-title') programme.subTitles.push({ lang, value });
          else if (leaf.name === 'desc') programme.descriptions.push({ lang, value });
          else if (leaf.name === 'category') programme.categories.push({ lang, value });
          else if (leaf.name === 'episode-num') {
            const system = (leaf.attributes.system || 'onscreen').slice(0, 64);
            programme.episodeNumbers.push({ system, value });
          }
        }
      }
      leaf = null;
    }
    if (depth === 1 && tag.name === 'channel' && channel) {
      if (!channel.names.length) throw new XmltvError(channel.line, `<channel id="${channel.id}"> has no display-name`);
      guide.channels.push(channel);
      channel = null;
    }
    if (depth === 1 && tag.name === 'programme' && programme) {
      if (!programme.titles.length) throw new XmltvError(programme.line, '<programme> has no title');
      guide.programmes.push(programme);
      programme = null;
    }
  });

  let decoder: ReturnType<typeof iconv.getDecoder> | null = null;
  let head: Uint8Array = new Uint8Array(0);
  const feed = (chunk: string) => {
    try {
      parser.write(chunk);
    } catch (error) {
      throw asXmltvError(error, parser.line);
    }
  };
  for await (const chunk of chunks) {
    onBytes?.(chunk.byteLength);
    if (!decoder) {
      // Wait for enough bytes to read the declaration.
      head = concat(head, chunk);
      if (head.byteLength < 1024) continue;
      const { encoding, skip } = sniffEncoding(head);
      decoder = iconv.getDecoder(encoding);
      feed(decoder.write(Buffer.from(head.subarray(skip))));
      continue;
    }
    feed(decoder.write(Buffer.from(chunk)));
  }
  if (!decoder) {
    const { encoding, skip } = sniffEncoding(head);
    decoder = iconv.getDecoder(encoding);
    feed(decoder.write(Buffer.from(head.subarray(skip))));
  }
  const rest = decoder.end();
  if (rest) feed(rest);
  try {
    parser.close();
  } catch (error) {
    throw asXmltvError(error, parser.line);
  }
  if (!sawTv) throw new XmltvError(1, 'the file has no <tv> element');
  return guide;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.byteLength + b.byteLength);
  joined.set(a, 0);
  joined.set(b, a.byteLength);
  return joined;
}

/** saxes reports `file:line:column: reason`; keep the reason, with our own line. */
function asXmltvError(error: unknown, line: number): XmltvError {
  if (error instanceof XmltvError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const reason = message.replace(/^[^:]*:\d+:\d+: /, '');
  return new XmltvError(line, `malformed XML: ${reason}`);
}
