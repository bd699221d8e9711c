import { defineModule } from '../../shared/module';
import { channelRelations } from './relations';
import { registerChannels } from './types';

/** The channel tree (栏目): navigation, breadcrumbs, channel pages. */
export const channels = defineModule({ name: 'channels', relations: channelRelations, schema: registerChannels });

export { breadcrumbOf, breadcrumbSelection } from './breadcrumb';
export { CHANNEL_MAX_AGE, channelTag } from './cache';
export { channelPathArgument, parseChannelPath } from './channel-path';
export { BreadcrumbItemRef } from './refs';
export { channels as channelsTable } from './tables';
