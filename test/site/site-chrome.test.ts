import { describe, expect, it } from 'vitest';
import { referencePage } from '../fixtures/reference-page';
import { useGateway } from '../support/gateway';
import { operation } from '../support/operations';

const { graphql } = useGateway();
const siteChrome = operation('SiteChrome');

describe('SiteChrome', () => {
  it('gives the navigation, footer, operators, licences and report contacts the page shows, in one statement', async () => {
    const response = await graphql(siteChrome.document);
    expect(response.body.errors).toBeUndefined();
    expect(response.statements).toBe(1);
    const site = response.body.data?.site;

    expect(site.navigation.map((c: { name: string }) => c.name)).toEqual(referencePage.navigation);
    expect(site.navigation.map((c: { slug: string }) => c.slug)).toEqual([
      'ruiping',
      'yaowen',
      'shiting',
      'tushuo',
      'rexian',
      'bumen',
      'xianyu',
      'szb',
      'tv',
      'radio',
    ]);
    const yaowen = site.navigation.find((c: { slug: string }) => c.slug === 'yaowen');
    expect(yaowen.children.map((c: { path: string }) => c.path)).toContain('yaowen/shandong');

    expect(site.footerLinks.map((l: { label: string }) => l.label).join(' | ')).toBe(
      referencePage.footer.split('\n')[0],
    );
    expect(referencePage.footer).toContain(site.copyright);
    expect(referencePage.footer).toContain(`${site.operators.join('/')} ${site.operatorsNote}`);
    for (const licence of site.licences) {
      expect(referencePage.footer).toContain(licence.text);
      expect(licence.text).toContain(licence.number);
    }
    expect(site.licences.map((l: { kind: string }) => l.kind)).toEqual([
      'NEWS_SERVICE',
      'ICP',
      'PUBLIC_SECURITY',
      'AUDIOVISUAL',
      'BROADCAST_PRODUCTION',
    ]);
    expect(referencePage.footer).toContain(`举报电话:${site.report.phone}`);
    expect(referencePage.footer).toContain(`举报邮箱:${site.report.email}`);
  });
});
