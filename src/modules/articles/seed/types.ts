import type { channelKind } from '../../channels/tables';
import type { BodyBlock, ImageAsset } from '../body-blocks';
import type { articleKind, articleStatus, bylineRole } from '../tables';

export type ChannelKind = (typeof channelKind.enumValues)[number];
export type ArticleKind = (typeof articleKind.enumValues)[number];
export type ArticleStatus = (typeof articleStatus.enumValues)[number];
export type BylineRole = (typeof bylineRole.enumValues)[number];

/** What the generator needs to know about a channel: where it is and what it publishes. */
export interface ChannelRef {
  path: string;
  kind: ChannelKind;
}

export interface BylineRecord {
  role: BylineRole;
  name: string;
  organisation: string | null;
}

/**
 * An article as the seed writes it: the `articles` row keyed by paths instead of ids, plus its
 * credits and tag names in display order. Ids are only known once the rows are in the database.
 */
export interface ArticleRecord {
  channelPath: string;
  path: string;
  kind: ArticleKind;
  status: ArticleStatus;
  kicker: string | null;
  title: string;
  subtitles: string[];
  summary: string | null;
  source: string;
  body: BodyBlock[];
  cover: ImageAsset | null;
  editor: string | null;
  publishedAt: Date;
  updatedAt: Date;
  bylines: BylineRecord[];
  tags: string[];
  /** The generator's topic (乡村振兴, 教育, …): for evaluating recommendations only, never stored or served. */
  topic?: string;
}
