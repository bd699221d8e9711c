import { builder } from '../../builder';
import { userError } from '../../shared/errors';
import { parseChannelPath } from '../channels/channel-path';
import { type ArticleChanges, changeArticle } from './editing';
import { PUBLISHED } from './queries';
import { Article } from './types';

const ArticleStatus = builder.enumType('ArticleStatus', {
  description: 'Where an article stands editorially. Only published ones are public.',
  values: {
    DRAFT: { value: 'draft', description: 'Being written; not public.' },
    PUBLISHED: { value: 'published', description: 'Public.' },
    RETRACTED: { value: 'retracted', description: 'Withdrawn after publication; no longer public.' },
  } as const,
});

interface EditResult {
  id: number;
  status: 'draft' | 'published' | 'retracted';
  purgedResponses: number;
  purgedTags: string[];
}

const ArticleEditPayload = builder.objectRef<EditResult>('ArticleEditPayload').implement({
  description: 'The outcome of an editor mutation, with what it removed from the edge cache.',
  fields: (t) => ({
    status: t.expose('status', { type: ArticleStatus, description: 'The article’s status after the change.' }),
    article: t.drizzleField({
      type: Article,
      nullable: true,
      description: 'The article as the public now sees it; null unless it is published.',
      resolve: (query, result, _args, ctx) =>
        ctx.db.query.articles.findFirst(query({ where: { id: result.id, ...PUBLISHED } })),
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
    tags: t.stringList({ description: 'Replace its tags with these.' }),
  }),
});

function articleId(typename: string, id: string): number {
  const value = Number(id);
  if (typename !== 'Article' || !Number.isSafeInteger(value)) throw userError('That ID is not an Article ID.');
  return value;
}

function requireEditor(ctx: { editor: boolean }) {
  if (!ctx.editor) {
    throw userError('Editor mutations need `Authorization: Bearer <editor token>`.', 'UNAUTHENTICATED');
  }
}

const idArg = (t: PothosSchemaTypes.FieldBuilder<any, any, 'Mutation'>['arg']) =>
  t.globalID({ required: true, description: 'The `id` of the Article.' });

builder.mutationType({ description: 'Editor operations. They need the editor token and purge the edge cache.' });

builder.mutationFields((t) => {
  async function edit(
    ctx: { editor: boolean; db: Parameters<typeof changeArticle>[0]; purge: (tags: string[]) => Promise<number> },
    id: number,
    change: Parameters<typeof changeArticle>[2],
  ): Promise<EditResult> {
    requireEditor(ctx);
    const { staleTags, status } = await changeArticle(ctx.db, id, change);
    // After the commit: a reader who refetches now must get the new version.
    const purgedResponses = await ctx.purge(staleTags);
    return { id, status, purgedResponses, purgedTags: staleTags };
  }
  return {
    publishArticle: t.field({
      type: ArticleEditPayload,
      description: 'Publishes a draft (now) or restores a retracted article, and purges what lists it.',
      args: { id: idArg(t.arg) },
      resolve: (_root, args, ctx) => edit(ctx, articleId(args.id.typename, args.id.id), { status: 'published' }),
    }),
    retractArticle: t.field({
      type: ArticleEditPayload,
      description: 'Withdraws an article from the public at once: every cached answer showing it is purged.',
      args: { id: idArg(t.arg) },
      resolve: (_root, args, ctx) => edit(ctx, articleId(args.id.typename, args.id.id), { status: 'retracted' }),
    }),
    updateArticle: t.field({
      type: ArticleEditPayload,
      description: 'Corrects an article; cached answers showing it are purged.',
      args: {
        id: idArg(t.arg),
        input: t.arg({ type: UpdateArticleInput, required: true, description: 'What to change.' }),
      },
      resolve: (_root, args, ctx) => {
        const { channel, tags, ...rest } = args.input;
        let channelPath: string | null = null;
        if (channel != null) {
          channelPath = parseChannelPath(channel);
          if (!channelPath) throw userError(`"${channel.slice(0, 64)}" is not a channel path.`);
        }
        const fields: ArticleChanges = { ...rest, channelPath, tagNames: tags ?? null };
        return edit(ctx, articleId(args.id.typename, args.id.id), { fields });
      },
    }),
  };
});
