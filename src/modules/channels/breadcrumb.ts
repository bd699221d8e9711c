/** Channels nest at most this deep below the top level (要闻 > 山东 is depth 1). */
export const MAX_CHANNEL_DEPTH = 3;

/** One step of a breadcrumb trail: 首页 > 要闻 > 山东. */
export interface BreadcrumbItem {
  name: string;
  path: string;
  channelPath: string | null;
}

interface ChannelStep {
  name: string;
  path: string;
  parent?: ChannelStep | null;
}

const crumbColumns = { name: true, path: true } as const;

type ParentSelection = { columns: typeof crumbColumns; with?: { parent: ParentSelection } };

function parentSelection(levels: number): ParentSelection {
  return levels <= 1
    ? { columns: crumbColumns }
    : { columns: crumbColumns, with: { parent: parentSelection(levels - 1) } };
}

/**
 * The drizzle selection that loads a channel's ancestors and the site's home label in the same
 * statement as the channel itself: nested joins up to the maximum depth instead of a second query.
 */
export const breadcrumbSelection = {
  columns: crumbColumns,
  with: {
    site: { columns: { homeLabel: true } },
    parent: parentSelection(MAX_CHANNEL_DEPTH),
  },
} as const;

export function channelUrlPath(path: string): string {
  return `/${path}/`;
}

/** Home first, then each ancestor, ending with the channel itself. */
export function breadcrumbOf(channel: ChannelStep & { site: { homeLabel: string } }): BreadcrumbItem[] {
  const trail: BreadcrumbItem[] = [];
  for (let step: ChannelStep | null | undefined = channel; step; step = step.parent) {
    trail.unshift({ name: step.name, path: channelUrlPath(step.path), channelPath: step.path });
  }
  trail.unshift({ name: channel.site.homeLabel, path: '/', channelPath: null });
  return trail;
}
