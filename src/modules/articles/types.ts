import type { Builder } from '../../builder';
import type { TypeCachePolicy } from '../../cache/hints';
import { listOf } from '../../shared/cost';
import { enumFromPg } from '../../shared/enums';
import { BreadcrumbItemRef, breadcrumbOf, breadcrumbSelection } from '../channels';
import { renderBodyHtml } from './body-blocks';
import { ImageRef, registerBodyTypes } from './body-types';
import { articleCacheTags, articleLifetime, TAG_MAX_AGE } from './cache';
import { articleKind, bylineRole } from './tables';

const roleLabels = {
  reporter: '记者',
  photographer: '摄影',
  correspondent: '通讯员',
  author: '作者',
  translator: '翻译',
  videographer: '摄像',
} as const;

/** Article, Byline, Tag and the body's blocks. */
export function registerArticleTypes(builder: Builder): void {
  const BodyBlock = registerBodyTypes(builder);

  const ArticleKind = enumFromPg(builder, 'ArticleKind', articleKind, {
    description: 'The form of an article, which decides how a page lays it out.',
    values: { story: 'A written story.', gallery: 'A photo gallery (图说).', video: 'A video story (视听).' },
  });

  const BylineRole = enumFromPg(builder, 'BylineRole', bylineRole, {
    description: 'What a credited person did for the article.',
    values: {
      reporter: '记者: reporter.',
      photographer: '摄影: photographer.',
      correspondent: '通讯员: correspondent.',
      author: '作者: author of a commentary or column.',
      translator: '翻译: translator.',
      videographer: '摄像: videographer.',
    },
  });

  builder.drizzleObject('articleBylines', {
    name: 'Byline',
    description: 'A credited person, in the order the article prints them.',
    select: { columns: {} },
    fields: (t) => ({
      role: t.expose('role', { type: BylineRole, description: 'What they did.' }),
      roleLabel: t.string({
        description: 'The role as printed in Chinese: 记者, 摄影, 通讯员, ….',
        select: { columns: { role: true } },
        resolve: (byline) => roleLabels[byline.role],
      }),
      name: t.exposeString('name', { description: 'Their name.' }),
      organisation: t.exposeString('organisation', {
        nullable: true,
        description: 'The newsroom they work for, e.g. 大众日报·大众新闻客户端.',
      }),
    }),
  });

  const Tag = builder.drizzleNode('tags', {
    name: 'Tag',
    description: 'A keyword grouping articles on one subject.',
    id: { column: (tag) => tag.id },
    select: { columns: { id: true } },
    extensions: {
      cache: { tags: (tag) => [articleCacheTags.tag(tag.id)], maxAge: TAG_MAX_AGE } satisfies TypeCachePolicy<{
        id: number;
      }>,
    },
    fields: (t) => ({ name: t.exposeString('name', { description: 'The keyword, e.g. 乡村振兴.' }) }),
  });

  builder.drizzleNode('articles', {
    name: 'Article',
    description: 'A published story, photo gallery or video, with everything its page shows.',
    id: { column: (article) => article.id },
    // Status is always loaded so node(id:) can refuse anything that is not published; updatedAt for its cache lifetime.
    select: { columns: { id: true, status: true, updatedAt: true } },
    extensions: {
      cache: {
        tags: (article) => [articleCacheTags.article(article.id)],
        maxAge: (article, now) => articleLifetime(article, now),
      } satisfies TypeCachePolicy<{ id: number; updatedAt: Date }>,
    },
    fields: (t) => ({
      path: t.exposeString('path', {
        description: 'Site-relative URL of the article page; pass it to `articleByPath`.',
      }),
      url: t.string({
        description: 'Absolute canonical URL of the article page.',
        select: {
          columns: { path: true },
          with: { channel: { columns: {}, with: { site: { columns: { url: true } } } } },
        },
        resolve: (article) => new URL(article.path, article.channel.site.url).href,
      }),
      kind: t.expose('kind', { type: ArticleKind, description: 'Story, photo gallery or video.' }),
      kicker: t.exposeString('kicker', {
        nullable: true,
        description: '引题: the line printed above the title, if any.',
      }),
      title: t.exposeString('title', { description: 'The headline.' }),
      subtitles: t.exposeStringList('subtitles', { description: '副题: lines printed under the title, in order.' }),
      summary: t.exposeString('summary', {
        nullable: true,
        description: 'A short summary for lists and link previews.',
      }),
      source: t.exposeString('source', { description: '来源: the outlet the story comes from.' }),
      publishedAt: t.expose('publishedAt', { type: 'DateTime', description: 'When it was first published.' }),
      updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it was last changed.' }),
      cover: t.expose('cover', { type: ImageRef, nullable: true, description: 'Lead image for lists and sharing.' }),
      body: t.field({
        extensions: listOf(40),
        type: [BodyBlock],
        description: 'The body as structured blocks in reading order.',
        select: { columns: { body: true } },
        resolve: (article) => article.body,
      }),
      bodyHtml: t.string({
        description: 'The body as HTML built from the blocks: every text escaped, every URL checked; safe to embed.',
        select: { columns: { body: true } },
        resolve: (article) => renderBodyHtml(article.body),
      }),
      bylines: t.relation('bylines', {
        extensions: listOf(4),
        description: 'Reporters, photographers and other credits, in print order.',
        query: { orderBy: { position: 'asc' } },
      }),
      editor: t.exposeString('editor', { nullable: true, description: '编辑: the editor responsible.' }),
      tags: t.field({
        extensions: listOf(8),
        type: [Tag],
        description: 'Keywords of the article in the editor’s order: the first is its main subject.',
        select: (_args, _ctx, nestedSelection) => ({
          with: {
            tagLinks: { columns: {}, orderBy: { position: 'asc' }, with: { tag: nestedSelection() } },
          },
        }),
        resolve: (article) => article.tagLinks.map((link) => link.tag),
      }),
      channel: t.relation('channel', { description: 'The channel it is filed under.' }),
      breadcrumb: t.field({
        extensions: listOf(4),
        type: [BreadcrumbItemRef],
        description: 'Trail from the home page to the article’s channel: 首页 > 要闻 > 山东.',
        select: { columns: {}, with: { channel: breadcrumbSelection } },
        resolve: (article) => breadcrumbOf(article.channel),
      }),
    }),
  });
}
