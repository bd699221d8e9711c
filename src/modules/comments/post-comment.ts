import type { Builder } from '../../builder';
import type { Context } from '../../context';
import { userError } from '../../shared/errors';
import { idOf } from '../../shared/global-id';
import {
  addressHash,
  checkFormToken,
  type FormCheck,
  issueFormToken,
  MAX_FORM_AGE_SECONDS,
  MIN_FORM_SECONDS,
} from './form-token';
import {
  type CommentPost,
  type PostOutcome,
  type StoredComment,
  sensitiveWordsIn,
  storedUnder,
  storePost,
} from './posting';
import { lengthOf, MAX_COMMENT_LENGTH, MAX_NICKNAME_LENGTH, plainNickname, plainText } from './text';
import type { CommentTypes } from './types';

/** Why a post was refused, in `extensions.reason` of a COMMENT_REJECTED error. */
export type RejectReason = 'HONEYPOT' | FormRefusal | 'FLOOD' | 'SENSITIVE_WORD';
type FormRefusal = Exclude<FormCheck, { ok: true }>['reason'];

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/;

function rejected(reason: RejectReason, message: string, details: Record<string, unknown> = {}) {
  return userError(message, 'COMMENT_REJECTED', { reason, ...details });
}

const formMessages: Record<FormRefusal, string> = {
  BAD_FORM_TOKEN: 'The form token is not valid for this article: load the form again (`commentForm`).',
  TOO_FAST: `Posted too soon after the form was loaded: wait at least ${MIN_FORM_SECONDS} seconds.`,
  FORM_EXPIRED: `The form is more than ${MAX_FORM_AGE_SECONDS / 3_600} hours old: load it again (\`commentForm\`).`,
};

function secretOf(ctx: Context): string {
  const secret = ctx.secrets.COMMENT_SECRET;
  if (!secret) throw userError('This deployment takes no comments (COMMENT_SECRET is not set).', 'COMMENTS_CLOSED');
  return secret;
}

/**
 * Markup may make a text's raw form longer than what is stored, within reason: past this many
 * times the limit it is refused before cleaning, which then never scans megabytes of tags.
 */
const RAW_LENGTH_FACTOR = 20;

function checkedText(input: string, name: string, max: number, clean: (text: string) => string): string {
  if (input.length > max * RAW_LENGTH_FACTOR) {
    throw userError(`\`${name}\` is far longer than ${max} characters.`, 'BAD_USER_INPUT', { argument: name });
  }
  const text = clean(input);
  const length = lengthOf(text);
  if (length < 1 || length > max) {
    throw userError(
      `\`${name}\` must be 1 to ${max} characters of plain text (HTML and control characters are removed); got ${length}.`,
      'BAD_USER_INPUT',
      { argument: name },
    );
  }
  return text;
}

interface PostCommentArgs {
  articleId: { typename: string; id: string };
  nickname: string;
  text: string;
  idempotencyKey: string;
  formToken: string;
  website?: string | null;
  replyTo?: { typename: string; id: string } | null;
}

/**
 * Refused without the database: malformed input, the honeypot, the form token; then the
 * sensitive words (one statement); then the post is stored (one statement, a second only when a
 * concurrent post with the same key won).
 */
async function postComment(input: PostCommentArgs, ctx: Context): Promise<StoredComment> {
  const secret = secretOf(ctx);
  const articleId = idOf(input.articleId, 'Article');
  const replyTo = input.replyTo ? idOf(input.replyTo, 'Comment') : null;
  if (!IDEMPOTENCY_KEY.test(input.idempotencyKey)) {
    throw userError(
      '`idempotencyKey` must be 8 to 100 letters, digits or `_.:-` (a UUID will do), the same for every retry of one post.',
      'BAD_USER_INPUT',
      { argument: 'idempotencyKey' },
    );
  }
  const nickname = checkedText(input.nickname, 'nickname', MAX_NICKNAME_LENGTH, plainNickname);
  const body = checkedText(input.text, 'text', MAX_COMMENT_LENGTH, plainText);
  // Hidden from people by the form's styling; only a form-filling robot writes in it.
  if (input.website) throw rejected('HONEYPOT', 'This post looks automated and was not accepted.');
  const form = await checkFormToken(secret, input.formToken, articleId, ctx.now.getTime());
  if (!form.ok) {
    const details = form.retryInSeconds === undefined ? {} : { retryInSeconds: form.retryInSeconds };
    throw rejected(form.reason, formMessages[form.reason], details);
  }
  const words = await sensitiveWordsIn(ctx.db, `${nickname}\n${body}`);
  if (words.some((word) => word.action === 'reject')) {
    throw rejected('SENSITIVE_WORD', 'The comment contains words this site does not publish; reword it.');
  }
  const held = words.filter((word) => word.action === 'hold').map((word) => word.word);
  const post: CommentPost = {
    articleId,
    replyTo,
    nickname,
    body,
    holdReason: held.length ? `敏感词: ${held.join(', ')}` : null,
    addressHash: await addressHash(secret, ctx.client.address),
    idempotencyKey: input.idempotencyKey,
    now: ctx.now,
  };
  let outcome: PostOutcome = await storePost(ctx.db, post);
  if (outcome.kind === 'conflict') outcome = await storedUnder(ctx.db, post.idempotencyKey);
  switch (outcome.kind) {
    case 'stored':
    case 'existing': {
      const { comment } = outcome;
      if (comment.articleId !== articleId || comment.body !== body || comment.nickname !== nickname) {
        throw userError(
          'This `idempotencyKey` was used for another comment: use a new key for a new comment, the same key only to retry.',
          'BAD_USER_INPUT',
          { argument: 'idempotencyKey' },
        );
      }
      return comment;
    }
    case 'no_article':
      throw userError('There is no published article with that `articleId` to comment on.', 'BAD_USER_INPUT', {
        argument: 'articleId',
      });
    case 'no_parent':
      throw userError('`replyTo` must be an approved comment of the same article.', 'BAD_USER_INPUT', {
        argument: 'replyTo',
      });
    case 'flood_address':
      throw rejected('FLOOD', 'Too many comments from your network in the last few minutes; try again later.', {
        retryInSeconds: 600,
      });
    case 'flood_article':
      throw rejected('FLOOD', 'This article is receiving too many comments right now; try again in a minute.', {
        retryInSeconds: 60,
      });
    default:
      // A row stored under the key vanished between the two statements (an editor deleted it).
      throw userError('The comment was deleted while being posted; post it again with a new key.', 'BAD_USER_INPUT');
  }
}

/** `commentForm` (the token a post needs) and `postComment`. */
export function registerPostComment(builder: Builder, { CommentStatus }: CommentTypes) {
  const CommentForm = builder.objectRef<{ token: string; articleId: number; now: number }>('CommentForm').implement({
    description: 'What the comment form of an article needs to post: its token, and the rules a post is held to.',
    fields: (t) => ({
      token: t.exposeString('token', {
        description: `Pass as \`formToken\` to \`postComment\`, at least ${MIN_FORM_SECONDS} seconds and at most ${MAX_FORM_AGE_SECONDS / 3_600} hours later.`,
      }),
      postableAt: t.field({
        type: 'DateTime',
        description: 'The earliest moment a post with this token is accepted.',
        resolve: (form) => new Date(form.now + MIN_FORM_SECONDS * 1000),
      }),
      expiresAt: t.field({
        type: 'DateTime',
        description: 'When the token stops being accepted; load the form again after that.',
        resolve: (form) => new Date(form.now + MAX_FORM_AGE_SECONDS * 1000),
      }),
      maxLength: t.int({
        description: 'The longest comment accepted, in characters.',
        resolve: () => MAX_COMMENT_LENGTH,
      }),
      maxNicknameLength: t.int({
        description: 'The longest nickname accepted, in characters.',
        resolve: () => MAX_NICKNAME_LENGTH,
      }),
    }),
  });

  builder.queryField('commentForm', (t) =>
    t.field({
      type: CommentForm,
      description:
        'Opens the comment form of an article: a signed token saying when it was loaded. Never cached (each load gets its own) and no SQL: the article is checked when the comment is posted.',
      // Lifetime 0: an edge cache must not hand one load's token to the next reader.
      extensions: { cache: { tags: () => [], maxAge: 0 } },
      args: { articleId: t.arg.globalID({ required: true, description: 'The `id` of the Article.' }) },
      resolve: async (_root, args, ctx) => {
        const articleId = idOf(args.articleId, 'Article');
        const now = ctx.now.getTime();
        return { token: await issueFormToken(secretOf(ctx), articleId, now), articleId, now };
      },
    }),
  );

  const PostedComment = builder.objectRef<StoredComment>('PostedComment').implement({
    description:
      'A comment as stored, told to its poster. A retry with the same `idempotencyKey` gets the same answer.',
    fields: (t) => ({
      id: t.globalID({ description: 'The comment’s global ID.', resolve: (c) => ({ type: 'Comment', id: c.id }) }),
      status: t.expose('status', {
        type: CommentStatus,
        description: '`PENDING` until an editor approves it (先审后发); it is not public before that.',
      }),
      nickname: t.exposeString('nickname', { description: 'The nickname as stored (plain text).' }),
      text: t.exposeString('body', { description: 'The text as stored: plain, HTML and control characters removed.' }),
      postedAt: t.expose('postedAt', { type: 'DateTime', description: 'When it was stored.' }),
      replyTo: t.globalID({
        nullable: true,
        description: 'The top-level comment it joined as a reply, if it is one.',
        resolve: (c) => (c.parentId === null ? null : { type: 'Comment', id: c.parentId }),
      }),
    }),
  });

  const PostCommentInput = builder.inputType('PostCommentInput', {
    description: 'A reader’s comment. Retry a failed post with the same `idempotencyKey`: it is stored once.',
    fields: (t) => ({
      articleId: t.globalID({ required: true, description: 'The `id` of the Article.' }),
      nickname: t.string({ required: true, description: `The name to show, 1 to ${MAX_NICKNAME_LENGTH} characters.` }),
      text: t.string({
        required: true,
        description: `The comment, plain text, 1 to ${MAX_COMMENT_LENGTH} characters once HTML and control characters are removed.`,
      }),
      idempotencyKey: t.string({
        required: true,
        description: 'A key the client makes once per comment (a UUID) and sends again with every retry of it.',
      }),
      formToken: t.string({ required: true, description: 'The `token` of `commentForm` for this article.' }),
      website: t.string({
        description: 'Leave empty: a field the form hides from people (a honeypot); a post that fills it is refused.',
      }),
      replyTo: t.globalID({
        description:
          'The `id` of an approved comment of the same article to reply to; a reply to a reply joins its thread.',
      }),
    }),
  });

  builder.mutationField('postComment', (t) =>
    t.field({
      type: PostedComment,
      description:
        'Posts a comment for review (先审后发): stored as PENDING and public once an editor approves it. Refusals are `COMMENT_REJECTED` with `extensions.reason` (HONEYPOT, TOO_FAST, BAD_FORM_TOKEN, FORM_EXPIRED, FLOOD, SENSITIVE_WORD) or `BAD_USER_INPUT`; a refused post stores nothing.',
      args: { input: t.arg({ type: PostCommentInput, required: true, description: 'The comment.' }) },
      resolve: (_root, args, ctx) => postComment(args.input, ctx),
    }),
  );
}
