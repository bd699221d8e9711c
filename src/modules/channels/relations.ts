import { defineRelationsPart } from 'drizzle-orm';
import { sites } from '../site/tables';
import { channels } from './tables';

export const channelRelations = defineRelationsPart({ sites, channels }, (r) => ({
  channels: {
    site: r.one.sites({ from: r.channels.siteId, to: r.sites.id, optional: false }),
    parent: r.one.channels({ from: r.channels.parentId, to: r.channels.id, alias: 'parent' }),
    children: r.many.channels({ from: r.channels.id, to: r.channels.parentId, alias: 'parent' }),
  },
  // The site's navigation is the channel tree: channels add it to the site's table.
  sites: {
    channels: r.many.channels({ from: r.sites.id, to: r.channels.siteId }),
  },
}));
