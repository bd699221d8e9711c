// Posting a comment: pending until approved (先审后发), plain text, the spam defences (honeypot,
// form token, flood limits, sensitive words), and what a refused post leaves behind: nothing.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_FORM_AGE_SECONDS } from '../../src/modules/comments/form-token';
import { FLOOD_PER_ADDRESS, FLOOD_PER_ARTICLE } from '../../src/modules/comments/posting';
import { useGateway } from '../support/gateway';
import { COMMENTS, createTestArticle, POST, storedComments, useCommentGateway } from './support';

const { graphql, database, editor, formToken, post, clock } = useCommentGateway();

let article: Awaited<ReturnType<typeof createTestArticle>>;
beforeAll(async () => {
  article = await createTestArticle(database().admin);
});

const codeOf = (response: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) =>
  response.body.errors?.[0]?.extensions;

async function publicTexts(path: string): Promise<string[]> {
  const response = await graphql(COMMENTS, { path, first: 100 });
  return response.body.data?.articleByPath.comments.edges.map((edge: { node: { text: string } }) => edge.node.text);
}

describe('postComment', () => {
  it('stores a comment as pending, not public until approved', async () => {
    const text = `第一条评论 ${randomUUID()}`;
    const response = await post(article.globalId, { text, nickname: '东昌府网友' });
    expect(response.body.errors).toBeUndefined();
    const posted = response.body.data?.postComment;
    expect(posted).toMatchObject({ status: 'PENDING', nickname: '东昌府网友', text, replyTo: null });
    expect(await publicTexts(article.path)).not.toContain(text);
    const rows = await storedComments(database().admin, article.id);
    expect(rows.filter((row) => row.body === text)).toMatchObject([{ status: 'pending', nickname: '东昌府网友' }]);
  });

  it('strips HTML and control characters, and counts characters as readers do', async () => {
    const response = await post(article.globalId, {
      text: '<b>好</b>消息<script>alert(1)</script>\u0001\u202E！<img src=x onerror=alert(1)>\r\n\r\n\r\n\r\n第二段 ',
      nickname: '<i>阳谷</i>\u200B网友',
    });
    expect(response.body.data?.postComment).toMatchObject({ text: '好消息！\n\n第二段', nickname: '阳谷网友' });

    const longest = '聊'.repeat(500);
    expect((await post(article.globalId, { text: longest })).body.data?.postComment.text).toBe(longest);
    for (const text of ['聊'.repeat(501), '   ', '<p></p>\u0007', '']) {
      const refused = await post(article.globalId, { text });
      expect(codeOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
      expect(refused.body.data?.postComment ?? null).toBeNull();
    }
    // Markup past twenty times the limit is refused before it is cleaned (no scanning megabytes of tags).
    const started = performance.now();
    const flood = await post(article.globalId, { text: '<script>'.repeat(7_000) });
    expect(codeOf(flood)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
    expect(performance.now() - started).toBeLessThan(5_000);
    const nameless = await post(article.globalId, { nickname: '<b></b>' });
    expect(codeOf(nameless)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'nickname' });
  });

  it('attaches a reply to a reply to the top-level comment', async () => {
    const top = (await post(article.globalId, { text: `楼主 ${randomUUID()}` })).body.data?.postComment;
    await editor('mutation ($id: ID!) { approveComment(id: $id) { comment { id } } }', { id: top.id });
    const reply = (await post(article.globalId, { text: `回复楼主 ${randomUUID()}`, replyTo: top.id })).body.data
      ?.postComment;
    expect(reply.replyTo).toBe(top.id);
    await editor('mutation ($id: ID!) { approveComment(id: $id) { comment { id } } }', { id: reply.id });
    const nested = await post(article.globalId, { text: `回复的回复 ${randomUUID()}`, replyTo: reply.id });
    expect(nested.body.data?.postComment.replyTo).toBe(top.id);
    // Only an approved comment of the same article can be replied to.
    const other = await createTestArticle(database().admin);
    const elsewhere = await post(other.globalId, { replyTo: top.id });
    expect(codeOf(elsewhere)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'replyTo' });
    const toPending = await post(article.globalId, { replyTo: nested.body.data?.postComment.id });
    expect(codeOf(toPending)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'replyTo' });
  });

  it('refuses an unknown or unpublished article, stores nothing', async () => {
    const missing = btoa('Article:2147483000');
    const response = await post(missing);
    expect(codeOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'articleId' });
    const wrongType = await post(btoa('Tag:1'), { formToken: 'unused' });
    expect(codeOf(wrongType)?.code).toBe('BAD_USER_INPUT');
  });
});

describe('spam defences', () => {
  async function refusedWithNothingStored(fields: Record<string, unknown>, reason: string) {
    const text = `垃圾 ${randomUUID()}`;
    const response = await post(article.globalId, { text, ...fields });
    expect(codeOf(response)).toMatchObject({ code: 'COMMENT_REJECTED', reason });
    expect(response.body.errors?.[0]?.message).toBeTruthy();
    const rows = await storedComments(database().admin, article.id);
    expect(rows.some((row) => row.body === text)).toBe(false);
    return response;
  }

  it('refuses a filled honeypot', async () => {
    await refusedWithNothingStored({ website: 'http://spam.example' }, 'HONEYPOT');
    // Empty is what people send.
    expect((await post(article.globalId, { website: '' })).body.errors).toBeUndefined();
  });

  it('refuses a post sooner than the minimum time after loading the form, and says when to retry', async () => {
    const response = await graphql('query ($id: ID!) { commentForm(articleId: $id) { token postableAt } }', {
      id: article.globalId,
    });
    const { token, postableAt } = response.body.data?.commentForm ?? {};
    expect(Date.parse(postableAt)).toBeGreaterThan(clock.now);
    clock.now += 1_000;
    const early = await refusedWithNothingStored({ formToken: token }, 'TOO_FAST');
    expect(codeOf(early)?.retryInSeconds).toBeGreaterThan(0);
    clock.now = Date.parse(postableAt);
    expect((await post(article.globalId, { formToken: token })).body.errors).toBeUndefined();
  });

  it('refuses a forged, tampered, expired or other article’s token', async () => {
    const token = await formToken(article.globalId);
    const other = await createTestArticle(database().admin);
    await refusedWithNothingStored({ formToken: await formToken(other.globalId) }, 'BAD_FORM_TOKEN');
    const [id, issued, signature] = token.split('.');
    await refusedWithNothingStored({ formToken: `${id}.${Number(issued) - 60_000}.${signature}` }, 'BAD_FORM_TOKEN');
    await refusedWithNothingStored({ formToken: 'not-a-token' }, 'BAD_FORM_TOKEN');
    clock.now += (MAX_FORM_AGE_SECONDS + 1) * 1000;
    await refusedWithNothingStored({ formToken: token }, 'FORM_EXPIRED');
  });

  it('limits posts per address within the window, across requests, in the database', async () => {
    const address = `192.0.2.${Math.floor(Math.random() * 250)}`;
    const own = await createTestArticle(database().admin);
    for (let i = 0; i < FLOOD_PER_ADDRESS; i++) {
      expect((await post(own.globalId, {}, address)).body.errors).toBeUndefined();
    }
    const text = `第六条 ${randomUUID()}`;
    const flooded = await post(own.globalId, { text }, address);
    expect(codeOf(flooded)).toMatchObject({ code: 'COMMENT_REJECTED', reason: 'FLOOD' });
    expect((await storedComments(database().admin, own.id)).some((row) => row.body === text)).toBe(false);
    // Another address is not held back, and the first may post again once the window has passed.
    expect((await post(own.globalId, {}, '198.51.100.7')).body.errors).toBeUndefined();
    clock.now += 11 * 60_000;
    expect((await post(own.globalId, {}, address)).body.errors).toBeUndefined();
  });

  it('limits posts per article from many addresses', async () => {
    const own = await createTestArticle(database().admin);
    const token = await formToken(own.globalId);
    const answers = [];
    for (let i = 0; i < FLOOD_PER_ARTICLE; i++) {
      answers.push(await post(own.globalId, { formToken: token }, `203.0.113.${i}`));
    }
    expect(answers.every((answer) => answer.body.errors === undefined)).toBe(true);
    const flooded = await post(own.globalId, { formToken: token }, '203.0.113.200');
    expect(codeOf(flooded)).toMatchObject({ code: 'COMMENT_REJECTED', reason: 'FLOOD' });
    expect(await storedComments(database().admin, own.id)).toHaveLength(FLOOD_PER_ARTICLE);
    // Other articles are unaffected.
    expect(
      (await post(article.globalId, { formToken: await formToken(article.globalId) })).body.errors,
    ).toBeUndefined();
  });
});

describe('sensitive words', () => {
  const SET =
    'mutation ($word: String!, $action: CommentWordAction!) { setCommentWord(word: $word, action: $action) { word action } }';
  const REMOVE = 'mutation ($word: String!) { removeCommentWord(word: $word) }';

  it('refuses a post containing a REJECT word, however it is spaced or cased', async () => {
    const word = `ＳＰＡＭ${randomUUID().slice(0, 6)}`;
    const added = await editor(SET, { word, action: 'REJECT' });
    expect(added.body.data?.setCommentWord.action).toBe('REJECT');
    const stored = added.body.data?.setCommentWord.word as string;
    const spaced = stored.split('').join(' ').toUpperCase();
    const text = `便宜 ${spaced} 快来 ${randomUUID()}`;
    const response = await post(article.globalId, { text });
    expect(codeOf(response)).toMatchObject({ code: 'COMMENT_REJECTED', reason: 'SENSITIVE_WORD' });
    expect((await storedComments(database().admin, article.id)).some((row) => row.body === text)).toBe(false);
    expect((await editor(REMOVE, { word })).body.data?.removeCommentWord).toBe(true);
    expect((await post(article.globalId, { text })).body.errors).toBeUndefined();
  });

  it('refuses a REJECT word written in traditional characters, and stores a traditional word as simplified', async () => {
    const tag = randomUUID().slice(0, 6);
    // Entered simplified, posted traditional (and spaced): 刷单返利 as 刷單返利.
    await editor(SET, { word: `刷单返利${tag}`, action: 'REJECT' });
    const traditional = `刷 單 返 利${tag}`;
    const refused = await post(article.globalId, { text: `${traditional} ${randomUUID()}` });
    expect(codeOf(refused)).toMatchObject({ code: 'COMMENT_REJECTED', reason: 'SENSITIVE_WORD' });
    // Entered traditional, posted simplified: the editor's 賭場 is stored as 赌场 and catches both.
    const entered = await editor(SET, { word: `網絡賭場${tag}`, action: 'REJECT' });
    expect(entered.body.data?.setCommentWord.word).toBe(`网络赌场${tag}`);
    for (const text of [`网络赌场${tag}`, `網絡賭場${tag}`]) {
      const response = await post(article.globalId, { text: `${text} ${randomUUID()}` });
      expect(codeOf(response)).toMatchObject({ code: 'COMMENT_REJECTED', reason: 'SENSITIVE_WORD' });
    }
    await editor(REMOVE, { word: `刷单返利${tag}` });
    await editor(REMOVE, { word: `網絡賭場${tag}` });
    expect((await post(article.globalId, { text: `${traditional} ${randomUUID()}` })).body.errors).toBeUndefined();
  });

  it('holds a post containing a HOLD word for review with the reason', async () => {
    const word = `敏感${randomUUID().slice(0, 4)}`;
    await editor(SET, { word, action: 'HOLD' });
    const text = `关于${word}的问题 ${randomUUID()}`;
    const response = await post(article.globalId, { text });
    // The poster is told what every poster is told: pending review.
    expect(response.body.data?.postComment.status).toBe('PENDING');
    expect(response.text).not.toContain('敏感词');
    const [row] = (await storedComments(database().admin, article.id)).filter((r) => r.body === text);
    expect(row?.holdReason).toContain(word.toLowerCase());
    await editor(REMOVE, { word });
  });

  it('lets only editors see and change the list', async () => {
    const anonymous = await graphql(SET, { word: '测试', action: 'HOLD' });
    expect(codeOf(anonymous)?.code).toBe('UNAUTHENTICATED');
    const list = await graphql('{ commentWords { word } }');
    expect(codeOf(list)?.code).toBe('UNAUTHENTICATED');
    const listed = await editor<{ commentWords: { word: string; action: string }[] }>(
      '{ commentWords { word action } }',
    );
    expect(listed.body.data?.commentWords).toEqual(expect.arrayContaining([{ word: '代开发票', action: 'REJECT' }]));
    const empty = await editor(SET, { word: ' ，。 ', action: 'HOLD' });
    expect(codeOf(empty)?.code).toBe('BAD_USER_INPUT');
  });
});

describe('a deployment without COMMENT_SECRET', () => {
  const closed = useGateway();
  it('issues no form and takes no comments, and says why', async () => {
    const form = await closed.graphql('query ($id: ID!) { commentForm(articleId: $id) { token } }', {
      id: article.globalId,
    });
    expect(codeOf(form)?.code).toBe('COMMENTS_CLOSED');
    const input = {
      articleId: article.globalId,
      nickname: '网友',
      text: '你好',
      idempotencyKey: randomUUID(),
      formToken: 'x',
    };
    const posted = await closed.graphql(POST, { input });
    expect(codeOf(posted)?.code).toBe('COMMENTS_CLOSED');
  });
});
