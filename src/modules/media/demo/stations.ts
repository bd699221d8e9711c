import type { Rendition } from '../model';

export interface DemoStation {
  code: string;
  kind: 'tv' | 'radio';
  name: string;
  shortName: string;
  englishName: string;
  logo: string;
  renditions: Rendition[];
  catchupDays: number;
  catchupTemplate: string | null;
}

const HLS = 'https://hls.lcxw.cn/live';
const LOGOS = 'https://www.lcxw.cn/static/media/logos';
const playseek = (path: string) => `${HLS}/${path}/index.m3u8?playseek=\${(b)yyyyMMddHHmmss}-\${(e)yyyyMMddHHmmss}`;

const tv = (path: string): Rendition[] => [
  { url: `${HLS}/${path}/1080p.m3u8`, bandwidth: 4_000_000, width: 1920, height: 1080, label: '超清' },
  { url: `${HLS}/${path}/720p.m3u8`, bandwidth: 2_000_000, width: 1280, height: 720, label: '高清' },
  { url: `${HLS}/${path}/480p.m3u8`, bandwidth: 800_000, width: 854, height: 480, label: '标清' },
];

const radio = (path: string): Rendition[] => [
  { url: `${HLS}/${path}/128k.m3u8`, bandwidth: 128_000, width: null, height: null, label: '128k' },
  { url: `${HLS}/${path}/64k.m3u8`, bandwidth: 64_000, width: null, height: null, label: '64k' },
];

/** The city broadcaster's channels (聊城广播电视台), in the order the site lists them. */
export const DEMO_STATIONS: readonly DemoStation[] = [
  {
    code: 'lctv1.lcxw.cn',
    kind: 'tv',
    name: '聊城综合频道',
    shortName: '聊城一套',
    englishName: 'Liaocheng TV General',
    logo: `${LOGOS}/lctv1.png`,
    renditions: tv('lctv1'),
    catchupDays: 7,
    catchupTemplate: playseek('lctv1'),
  },
  {
    code: 'lctv2.lcxw.cn',
    kind: 'tv',
    name: '聊城公共频道',
    shortName: '聊城二套',
    englishName: 'Liaocheng TV Public',
    logo: `${LOGOS}/lctv2.png`,
    renditions: tv('lctv2'),
    catchupDays: 7,
    catchupTemplate: playseek('lctv2'),
  },
  {
    code: 'lcfm1.lcxw.cn',
    kind: 'radio',
    name: '聊城新闻综合广播',
    shortName: 'FM 96.8',
    englishName: 'Liaocheng News Radio',
    logo: `${LOGOS}/lcfm1.png`,
    renditions: radio('lcfm1'),
    catchupDays: 3,
    catchupTemplate: playseek('lcfm1'),
  },
  {
    code: 'lcfm2.lcxw.cn',
    kind: 'radio',
    name: '聊城交通音乐广播',
    shortName: 'FM 103.8',
    englishName: 'Liaocheng Traffic & Music Radio',
    logo: `${LOGOS}/lcfm2.png`,
    renditions: radio('lcfm2'),
    catchupDays: 0,
    catchupTemplate: null,
  },
];
