import { defineRelationsPart } from 'drizzle-orm';
import { siteLicences, siteLinks, sites } from './tables';

export const siteRelations = defineRelationsPart({ sites, siteLinks, siteLicences }, (r) => ({
  sites: {
    links: r.many.siteLinks({ from: r.sites.id, to: r.siteLinks.siteId }),
    licences: r.many.siteLicences({ from: r.sites.id, to: r.siteLicences.siteId }),
  },
  siteLinks: {},
  siteLicences: {},
}));
