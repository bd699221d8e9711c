import { entityTag } from '../../cache/tags';

/** Channels are renamed or moved rarely, and such edits purge their tags. */
export const CHANNEL_MAX_AGE = 3_600;

export const channelTag = (id: number) => entityTag('Channel', id);
