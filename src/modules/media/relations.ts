import { defineRelationsPart } from 'drizzle-orm';
import { channelsTable as channels } from '../channels';
import { programmes, streamChannels } from './tables';

/**
 * Besides the whole guide (`programmes`), two views of it that a query narrows to the request's
 * moment: `airing` (what is on) and `upcoming` (what comes next). Separate relations, so that one
 * statement can select a channel's now, next and day side by side.
 */
export const mediaRelations = defineRelationsPart({ channels, streamChannels, programmes }, (r) => ({
  streamChannels: {
    section: r.one.channels({ from: r.streamChannels.sectionId, to: r.channels.id }),
    programmes: r.many.programmes({ from: r.streamChannels.id, to: r.programmes.channelId, alias: 'guide' }),
    airing: r.many.programmes({ from: r.streamChannels.id, to: r.programmes.channelId, alias: 'airing' }),
    upcoming: r.many.programmes({ from: r.streamChannels.id, to: r.programmes.channelId, alias: 'upcoming' }),
  },
  programmes: {
    channel: r.one.streamChannels({
      from: r.programmes.channelId,
      to: r.streamChannels.id,
      alias: 'guide',
      optional: false,
    }),
  },
}));
