import type { Database } from '../../db/database';
import { excluded, type SeedReport } from '../../shared/seed';
import { SITE_ID } from '../site';
import { channels } from './tables';

type ChannelKind = (typeof channels.$inferInsert)['kind'] & string;

interface ChannelSeed {
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
const CHANNELS: readonly ChannelSeed[] = flatten(TREE, null);

/** Upserts channels one depth at a time, so every parent's id is known before its children go in. */
export async function seed(db: Database): Promise<SeedReport> {
  const ids = new Map<string, number>();
  const maxDepth = Math.max(...CHANNELS.map((c) => c.depth));
  for (let depth = 0; depth <= maxDepth; depth += 1) {
    const level = CHANNELS.filter((c) => c.depth === depth);
    const rows = level.map(({ path, ...channel }) => {
      const parentPath = path.slice(0, path.lastIndexOf('/'));
      const parentId = depth === 0 ? null : ids.get(parentPath);
      if (parentId === undefined) throw new Error(`channel ${path} comes before its parent`);
      return { siteId: SITE_ID, parentId, path, ...channel };
    });
    const saved = await db
      .insert(channels)
      .values(rows)
      .onConflictDoUpdate({
        target: channels.path,
        set: excluded(channels, [
          'siteId',
          'parentId',
          'slug',
          'depth',
          'name',
          'description',
          'kind',
          'position',
          'inNavigation',
        ]),
      })
      .returning({ id: channels.id, path: channels.path });
    for (const { id, path } of saved) ids.set(path, id);
  }
  return { channels: ids.size };
}
