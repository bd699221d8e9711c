import { and, eq, gte } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { excluded, type SeedReport } from '../../shared/seed';
import { siteLicences, siteLinks, sites } from './tables';
import { SITE_ID } from './types';

const SITE: typeof sites.$inferInsert = {
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
const SITE_LINKS: readonly { label: string; href: string }[] = [
  { label: '关于我们', href: '/about' },
  { label: '广告服务', href: '/ads' },
  { label: '版权声明', href: '/copyright' },
  { label: '联系我们', href: '/contact' },
  { label: '跟帖评论自律管理承诺书', href: '/comment-pledge' },
];

type LicenceKind = (typeof siteLicences.$inferInsert)['kind'];

/** Licences exactly as the footer prints them (ASCII colon and parentheses included), in display order. */
const SITE_LICENCES: readonly {
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

/** The site row, its footer links and licences, upserted by their keys; rows past the lists' ends removed. */
export async function seed(db: Database): Promise<SeedReport> {
  await db
    .insert(sites)
    .values(SITE)
    .onConflictDoUpdate({
      target: sites.id,
      set: excluded(sites, [
        'name',
        'url',
        'homeLabel',
        'copyright',
        'operators',
        'operatorsNote',
        'reportPhone',
        'reportEmail',
      ]),
    });
  // Links and licences are keyed by position; rows past the end of the lists are stale.
  await db
    .insert(siteLinks)
    .values(SITE_LINKS.map((link, position) => ({ siteId: SITE_ID, position, ...link })))
    .onConflictDoUpdate({
      target: [siteLinks.siteId, siteLinks.position],
      set: excluded(siteLinks, ['label', 'href']),
    });
  await db.delete(siteLinks).where(and(eq(siteLinks.siteId, SITE_ID), gte(siteLinks.position, SITE_LINKS.length)));
  await db
    .insert(siteLicences)
    .values(SITE_LICENCES.map((licence, position) => ({ siteId: SITE_ID, position, ...licence })))
    .onConflictDoUpdate({
      target: [siteLicences.siteId, siteLicences.position],
      set: excluded(siteLicences, ['kind', 'label', 'number', 'text', 'href']),
    });
  await db
    .delete(siteLicences)
    .where(and(eq(siteLicences.siteId, SITE_ID), gte(siteLicences.position, SITE_LICENCES.length)));
  return { sites: 1, footerLinks: SITE_LINKS.length, licences: SITE_LICENCES.length };
}
