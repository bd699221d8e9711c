/** One HLS variant of a live stream. */
export interface Rendition {
  url: string;
  /** Peak bits per second (HLS `BANDWIDTH`), when known. */
  bandwidth: number | null;
  width: number | null;
  height: number | null;
  /** What to call it in a quality menu: 高清, 标清, 128k. */
  label: string;
}

/** A text in a language (XMLTV's `lang` attribute), e.g. `{ lang: 'zh', value: '聊城新闻' }`. */
export interface LocalizedText {
  lang: string | null;
  value: string;
}

/** An episode number in one of XMLTV's systems: `xmltv_ns` (`0.11.0/1`), `onscreen` (`第12集`), … */
export interface EpisodeNumber {
  system: string;
  value: string;
}
