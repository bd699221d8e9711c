import type { Builder } from '../../builder';
import type { Context } from '../../context';
import { enumFromPg } from '../../shared/enums';
import { idOf } from '../../shared/global-id';
import { channelPathArgument } from '../channels';
import type { ArticleStatus } from './changes';
import { type ArticleChanges, changeArticle } from './editing';
import { PUBLISHED } from './queries';
import { articleStatus } from './tables';

interface EditResult {
  id: number;
  status: ArticleStatus;
  purgedResponses: number;
  purgedTags: string[];
}

/** Applies a change, then purges what it made stale: after the commit, so a refetch sees the new version. */
async function edit(ctx: Context, id: number, change: Parameters<typeof changeArticle>[2]): Promise<EditResult> {
  const { staleTags, status } = await changeArticle(ctx.writer(), id, change);
  const purgedResponses = await ctx.purge(staleTags);
  return { id, status, purgedResponses, purgedTags: staleTags };
}

/** Editor mutations: publish, retract, correct. Each needs the editor token (scope `editor`). */
export function registerArticleMutations(builder: Builder): void {
  const ArticleStatus = enumFromPg(builder, 'ArticleStatus', articleStatus, {
    description: 'Where an article stands editorially. Only published ones are public.',
    values: {
      draft: 'Being written; not public.',
      published: 'Public.',
      retracted: 'Withdrawn after publication; no longer public.',
    },
  });

  const ArticleEditPayload = builder.objectRef<EditResult>('ArticleEditPayload').implement({
    description: 'The outcome of an editor mutation, with what it removed from the edge cache.',
    fields: (t) => ({
      status: t.expose('status', { type: ArticleStatus, description: 'The article’s status after the change.' }),
      article: t.drizzleField({
        type: 'articles',
        nullable: true,
        description: 'The article as the public now sees it; null unless it is published.',
        resolve: (query, result, _args, ctx) =>
          ctx.writer().query.articles.findFirst(query({ where: { id: result.id, ...PUBLISHED } })),
      }),
      purgedResponses: t.exposeInt('purgedResponses', {
        description:
          'Cached responses this gateway instance dropped because they showed or listed the article; other edge locations are purged by tag.',
      }),
      purgedTags: t.exposeStringList('purgedTags', { description: 'Cache tags purged everywhere.' }),
    }),
  });

  const UpdateArticleInput = builder.inputType('UpdateArticleInput', {
    description: 'Fields to change; leave a field out to keep it.',
    fields: (t) => ({
      title: t.string({ description: 'New headline.' }),
      kicker: t.string({ description: 'New 引题; null removes it.' }),
      subtitles: t.stringList({ description: 'New 副题 lines, in order.' }),
      summary: t.string({ description: 'New summary; null removes it.' }),
      source: t.string({ description: 'New 来源.' }),
      editor: t.string({ description: 'New 编辑.' }),
      channel: t.string({ description: 'Move it to this channel path, e.g. `yaowen/shandong`.' }),
      tags: t.stringList({ description: 'Replace its tags with these, in this order (the first is the main one).' }),
    }),
  });

  builder.mutationFields((t) => ({
    publishArticle: t.field({
      type: ArticleEditPayload,
      authScopes: { editor: true },
      description: 'Publishes a draft (now) or restores a retracted article, and purges what lists it.',
      args: { id: t.arg.globalID({ required: true, description: 'The `id` of the Article.' }) },
      resolve: (_root, args, ctx) => edit(ctx, idOf(args.id, 'Article'), { status: 'published' }),
    }),
    retractArticle: t.field({
      type: ArticleEditPayload,
      authScopes: { editor: true },
      description: 'Withdraws an article from the public at once: every cached answer showing it is purged.',
      args: { id: t.arg.globalID({ required: true, description: 'The `id` of the Article.' }) },
      resolve: (_root, args, ctx) => edit(ctx, idOf(args.id, 'Article'), { status: 'retracted' }),
    }),
    updateArticle: t.field({
      type: ArticleEditPayload,
      authScopes: { editor: true },
      description: 'Corrects an article; cached answers showing it are purged.',
      args: {
        id: t.arg.globalID({ required: true, description: 'The `id` of the Article.' }),
        input: t.arg({ type: UpdateArticleInput, required: true, description: 'What to change.' }),
      },
      resolve: (_root, args, ctx) => {
        const { channel, tags, ...rest } = args.input;
        const channelPath = channel == null ? null : channelPathArgument(channel);
        const fields: ArticleChanges = { ...rest, channelPath, tagNames: tags ?? null };
        return edit(ctx, idOf(args.id, 'Article'), { fields });
      },
    }),
  }));
}
