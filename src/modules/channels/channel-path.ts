import { userError } from '../../shared/errors';

const CHANNEL_PATH = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

/**
 * Normalises what a partner may send for a channel (`yaowen/shandong`, `/yaowen/shandong/`)
 * to the stored slug path, or null when it cannot be one. The strict alphabet also keeps
 * LIKE wildcards out of subtree filters.
 */
export function parseChannelPath(input: string): string | null {
  const trimmed = input.trim().replace(/^\/+|\/+$/g, '');
  return CHANNEL_PATH.test(trimmed) ? trimmed : null;
}

/** A channel argument as its stored slug path; anything else is BAD_USER_INPUT saying what to send. */
export function channelPathArgument(input: string): string {
  const path = parseChannelPath(input);
  if (path === null)
    throw userError(`"${input.slice(0, 64)}" is not a channel path: use slugs like "yaowen/shandong".`);
  return path;
}
