import type { Rendition } from './model';

export interface PlaylistChannel {
  code: string;
  kind: 'tv' | 'radio';
  name: string;
  logo: string | null;
  renditions: Rendition[];
  catchupDays: number;
  catchupTemplate: string | null;
}

const GROUPS = { tv: '聊城电视', radio: '聊城广播' } as const;

/** Attribute values cannot hold a double quote or a line break in M3U. */
const attr = (value: string) => value.replace(/["\r\n]/g, ' ');

/**
 * An extended M3U of live channels, as IPTV players (Kodi's IPTV Simple, TiviMate, VLC) read it:
 * `tvg-*` attributes tie each entry to the guide at `x-tvg-url`, and `catchup-*` tell players how
 * to replay a past programme. Each entry plays the channel's best rendition.
 */
export function writeM3u(channels: readonly PlaylistChannel[], guideUrl: string): string {
  const lines = [`#EXTM3U x-tvg-url="${attr(guideUrl)}" url-tvg="${attr(guideUrl)}"`];
  for (const channel of channels) {
    const stream = channel.renditions[0];
    if (!stream) continue;
    const attributes = [
      `tvg-id="${attr(channel.code)}"`,
      `tvg-name="${attr(channel.name)}"`,
      ...(channel.logo ? [`tvg-logo="${attr(channel.logo)}"`] : []),
      `group-title="${GROUPS[channel.kind]}"`,
      ...(channel.kind === 'radio' ? ['radio="true"'] : []),
      ...(channel.catchupTemplate && channel.catchupDays > 0
        ? [
            'catchup="default"',
            `catchup-days="${channel.catchupDays}"`,
            `catchup-source="${attr(channel.catchupTemplate)}"`,
          ]
        : []),
    ];
    lines.push(`#EXTINF:-1 ${attributes.join(' ')},${channel.name.replace(/[\r\n]/g, ' ')}`, stream.url);
  }
  return `${lines.join('\n')}\n`;
}
