import type { Builder } from '../../builder';
import type { TypeCachePolicy } from '../../cache/hints';
import { listOf } from '../../shared/cost';
import { enumFromPg } from '../../shared/enums';
import { SITE_MAX_AGE, siteTag } from './cache';
import { licenceKind } from './tables';

/** The id of the one site row this deployment serves. */
export const SITE_ID = 'default';

export function registerSite(builder: Builder): void {
  const LicenceKind = enumFromPg(builder, 'LicenceKind', licenceKind, {
    description: 'Which register a licence or filing belongs to.',
    values: {
      news_service: '互联网新闻信息服务许可证: internet news information service licence.',
      icp: 'ICP备案: the MIIT website filing.',
      public_security: '公安备案: the public security bureau filing.',
      audiovisual: '信息网络传播视听节目许可证: online audiovisual programme licence.',
      broadcast_production: '广播电视节目制作经营许可证: radio and TV programme production licence.',
    },
  });

  builder.drizzleObject('siteLicences', {
    name: 'Licence',
    description: 'A licence or filing that the footer must display, with its number.',
    select: { columns: {} },
    fields: (t) => ({
      kind: t.expose('kind', { type: LicenceKind, description: 'The register it belongs to.' }),
      label: t.exposeString('label', { description: 'Name of the licence, e.g. 互联网新闻信息服务许可证.' }),
      number: t.exposeString('number', { description: 'The licence or filing number alone, e.g. 37120180030.' }),
      text: t.exposeString('text', { description: 'The line exactly as the footer prints it.' }),
      href: t.exposeString('href', { nullable: true, description: 'Where the filing can be verified, if anywhere.' }),
    }),
  });

  builder.drizzleObject('siteLinks', {
    name: 'FooterLink',
    description: 'A link in the site footer, such as 关于我们.',
    select: { columns: {} },
    fields: (t) => ({
      label: t.exposeString('label', { description: 'The text of the link.' }),
      href: t.exposeString('href', { description: 'Where it points: site-relative or absolute.' }),
    }),
  });

  const ReportContact = builder.objectRef<{ phone: string; email: string }>('ReportContact').implement({
    description: 'Where readers report illegal or harmful content (违法和不良信息举报).',
    fields: (t) => ({
      phone: t.exposeString('phone', { description: 'Report hotline.' }),
      email: t.exposeString('email', { description: 'Report mailbox.' }),
    }),
  });

  const Site = builder.drizzleObject('sites', {
    name: 'Site',
    description: 'The portal: its name, navigation and everything its footer must show.',
    select: { columns: {} },
    extensions: { cache: { tags: () => [siteTag], maxAge: SITE_MAX_AGE } satisfies TypeCachePolicy<object> },
    fields: (t) => ({
      name: t.exposeString('name', { description: 'Name of the site, e.g. 聊城新闻网.' }),
      url: t.exposeString('url', { description: 'Canonical origin of the site.' }),
      homeLabel: t.exposeString('homeLabel', { description: 'Label of the home page in breadcrumbs: 首页.' }),
      footerLinks: t.relation('links', {
        extensions: listOf(10),
        description: 'Footer links in display order.',
        query: { orderBy: { position: 'asc' } },
      }),
      copyright: t.exposeString('copyright', {
        description: 'The copyright line, e.g. 聊城新闻网 2006-2023 版权所有.',
      }),
      operators: t.exposeStringList('operators', { description: 'Organisations that run the site (主办单位).' }),
      operatorsNote: t.exposeString('operatorsNote', { description: 'How they run it together, e.g. 联合主办.' }),
      licences: t.relation('licences', {
        extensions: listOf(10),
        description: 'Licences and filings, in the order the footer prints them.',
        query: { orderBy: { position: 'asc' } },
      }),
      report: t.field({
        type: ReportContact,
        description: 'Contacts for reporting illegal or harmful content.',
        select: { columns: { reportPhone: true, reportEmail: true } },
        resolve: (site) => ({ phone: site.reportPhone, email: site.reportEmail }),
      }),
    }),
  });

  builder.queryField('site', (t) =>
    t.drizzleField({
      type: Site,
      description: 'The portal itself: name, navigation, footer links, operators, licences and report contacts.',
      resolve: async (query, _root, _args, ctx) => {
        const site = await ctx.db.query.sites.findFirst(query({ where: { id: SITE_ID } }));
        if (!site) throw new Error('The site row is missing: run the migrations and the seed.');
        return site;
      },
    }),
  );
}
