import type { licenceKind, sites } from '../modules/site/tables';
import type { ChannelKind } from './types';

export const SITE_ID = 'default';

export const SITE: typeof sites.$inferInsert = {
  id: SITE_ID,
  name: '聊城新闻网',
  url: 'https://www.lcxw.cn',
  homeLabel: '首页',
  copyright: '聊城新闻网 2006-2023 版权所有',
  operators: ['聊城市新闻传媒中心', '聊城市政府新闻办公室'],
  operatorsNote: '联合主办',
  reportPhone: '18663509279',
  reportEmail: 'lcxw@lcxw.cn',
};

/** Footer links in display order; `position` is the array index. */
export const SITE_LINKS: readonly { label: string; href: string }[] = [
  { label: '关于我们', href: '/about' },
  { label: '广告服务', href: '/ads' },
  { label: '版权声明', href: '/copyright' },
  { label: '联系我们', href: '/contact' },
  { label: '跟帖评论自律管理承诺书', href: '/comment-pledge' },
];

type LicenceKind = (typeof licenceKind.enumValues)[number];

/** Licences exactly as the footer prints them (ASCII colon and parentheses included), in display order. */
export const SITE_LICENCES: readonly {
  kind: LicenceKind;
  label: string;
  number: string;
  text: string;
  href: string | null;
}[] = [
  {
    kind: 'news_service',
    label: '互联网新闻信息服务许可证',
    number: '37120180030',
    text: '互联网新闻信息服务许可证编号:37120180030',
    href: null,
  },
  {
    kind: 'icp',
    label: 'ICP备案',
    number: '鲁ICP备09083931号',
    text: '鲁ICP备09083931号',
    href: 'https://beian.miit.gov.cn',
  },
  {
    kind: 'public_security',
    label: '公安备案',
    number: '37150202000134',
    text: '鲁公网安备 37150202000134号',
    href: null,
  },
  {
    kind: 'audiovisual',
    label: '信息网络传播视听节目许可证',
    number: '115330086',
    text: '信息网络传播视听节目许可证编号:115330086',
    href: null,
  },
  {
    kind: 'broadcast_production',
    label: '广播电视节目制作经营许可证',
    number: '(鲁)字第720号',
    text: '广播电视节目制作经营许可证(鲁)字第720号',
    href: null,
  },
];

export interface ChannelSeed {
  slug: string;
  /** Slash-joined slugs from the top, e.g. `yaowen/shandong`: the upsert key. */
  path: string;
  depth: number;
  /** Order among siblings, from 0. */
  position: number;
  name: string;
  description: string;
  kind: ChannelKind;
  inNavigation: boolean;
}

interface ChannelNode {
  slug: string;
  name: string;
  description: string;
  /** Children inherit their parent's kind. */
  kind?: ChannelKind;
  children?: ChannelNode[];
}

const TREE: ChannelNode[] = [
  { slug: 'ruiping', name: '锐评', description: '聊城新闻网评论员对本地热点话题的观点与评论。' },
  {
    slug: 'yaowen',
    name: '要闻',
    description: '聊城、山东及国内外的重要新闻。',
    children: [
      { slug: 'shandong', name: '山东', description: '全省重要会议、政策部署与发展动态。' },
      { slug: 'liaocheng', name: '聊城', description: '聊城市委市政府重要活动与全市发展动态。' },
      { slug: 'guonei', name: '国内', description: '国内重要时政、经济与社会新闻。' },
      { slug: 'guoji', name: '国际', description: '国际重要新闻与对外交流合作动态。' },
    ],
  },
  { slug: 'shiting', name: '视听', kind: 'video', description: '聊城新闻网原创短视频与新闻视频。' },
  { slug: 'tushuo', name: '图说', kind: 'photo', description: '用镜头记录江北水城的人和事。' },
  { slug: 'rexian', name: '热线', description: '受理群众反映的急难愁盼问题，并跟踪报道办理结果。' },
  { slug: 'bumen', name: '部门', description: '市直部门和单位的工作动态与政策解读。' },
  {
    slug: 'xianyu',
    name: '县域',
    description: '聊城各县（市、区）的发展动态与基层新闻。',
    children: [
      { slug: 'dongchangfu', name: '东昌府', description: '东昌府区的发展动态与基层新闻。' },
      { slug: 'linqing', name: '临清', description: '临清市的发展动态与基层新闻。' },
      { slug: 'yanggu', name: '阳谷', description: '阳谷县的发展动态与基层新闻。' },
      { slug: 'chiping', name: '茌平', description: '茌平区的发展动态与基层新闻。' },
      { slug: 'shenxian', name: '莘县', description: '莘县的发展动态与基层新闻。' },
      { slug: 'donge', name: '东阿', description: '东阿县的发展动态与基层新闻。' },
      { slug: 'guanxian', name: '冠县', description: '冠县的发展动态与基层新闻。' },
      { slug: 'gaotang', name: '高唐', description: '高唐县的发展动态与基层新闻。' },
    ],
  },
  { slug: 'szb', name: '数字报', kind: 'epaper', description: '聊城日报、聊城晚报的数字版。' },
  { slug: 'tv', name: '看电视', kind: 'tv', description: '聊城广播电视台电视频道的直播与点播。' },
  { slug: 'radio', name: '听广播', kind: 'radio', description: '聊城人民广播电台各频率的直播与节目回听。' },
];

function flatten(nodes: ChannelNode[], parent: ChannelSeed | null): ChannelSeed[] {
  return nodes.flatMap((node, position) => {
    const seed: ChannelSeed = {
      slug: node.slug,
      path: parent ? `${parent.path}/${node.slug}` : node.slug,
      depth: parent ? parent.depth + 1 : 0,
      position,
      name: node.name,
      description: node.description,
      kind: node.kind ?? parent?.kind ?? 'news',
      // Sub-channels are navigable too; the page header simply shows the top level only.
      inNavigation: true,
    };
    return [seed, ...flatten(node.children ?? [], seed)];
  });
}

/** Every channel, parents before their children, in navigation order. */
export const CHANNELS: readonly ChannelSeed[] = flatten(TREE, null);
