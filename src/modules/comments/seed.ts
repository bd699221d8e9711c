import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { excluded, type SeedReport } from '../../shared/seed';
import { SEED_ARTICLE_PATH } from '../articles/seed/seed-article';
import { comments, commentWords } from './tables';
import { normaliseForMatch } from './text';

interface DemoComment {
  key: string;
  nickname: string;
  body: string;
  at: string;
  status: 'pending' | 'approved';
  /** The key of the top-level comment it replies to. */
  replyTo?: string;
  holdReason?: string;
}

/** Readers' comments on the reference article: approved threads with replies, and a queue to moderate. */
const DEMO: readonly DemoComment[] = [
  {
    key: 'seed-comment-1',
    nickname: '东昌府网友',
    body: '绿色低碳是大方向，希望聊城的先行区建设也能尽快落地见效。',
    at: '2024-03-15T20:12:00+08:00',
    status: 'approved',
  },
  {
    key: 'seed-comment-2',
    nickname: '水城老李',
    body: '说到做到，期待看到更多具体的项目和时间表。',
    at: '2024-03-15T21:03:00+08:00',
    status: 'approved',
  },
  {
    key: 'seed-comment-3',
    nickname: '茌平小王',
    body: '园区企业的节能改造补贴什么时候能申请？',
    at: '2024-03-16T08:30:00+08:00',
    status: 'approved',
  },
  {
    key: 'seed-reply-1',
    nickname: '聊城日报读者',
    body: '同感，新能源项目这两年变化很大。',
    at: '2024-03-15T20:45:00+08:00',
    status: 'approved',
    replyTo: 'seed-comment-1',
  },
  {
    key: 'seed-reply-2',
    nickname: '东昌府网友',
    body: '是的，光伏板在村里已经很常见了。',
    at: '2024-03-15T22:10:00+08:00',
    status: 'approved',
    replyTo: 'seed-comment-1',
  },
  {
    key: 'seed-reply-3',
    nickname: '高新区企业',
    body: '可以关注市发改委网站的通知。',
    at: '2024-03-16T09:15:00+08:00',
    status: 'approved',
    replyTo: 'seed-comment-3',
  },
  {
    key: 'seed-pending-1',
    nickname: '阳谷网友',
    body: '希望多报道一下县里的情况。',
    at: '2024-03-16T10:00:00+08:00',
    status: 'pending',
  },
  {
    key: 'seed-pending-2',
    nickname: '临清读者',
    body: '我们村的拆迁补偿一直没落实，谁来管管？',
    at: '2024-03-16T10:20:00+08:00',
    status: 'pending',
    holdReason: '敏感词: 拆迁',
  },
  {
    key: 'seed-pending-3',
    nickname: '冠县网友',
    body: '同问补贴的事。',
    at: '2024-03-16T11:05:00+08:00',
    status: 'pending',
    replyTo: 'seed-comment-3',
  },
];

/** The demo sensitive words: one held for review, two refused (spam). */
const DEMO_WORDS = [
  { word: '拆迁', action: 'hold' },
  { word: '代开发票', action: 'reject' },
  { word: '加微信', action: 'reject' },
] as const;

/** Upserted by idempotency key and word, so seeding again changes nothing. */
export async function seed(db: Database): Promise<SeedReport> {
  const article = await db.query.articles.findFirst({ columns: { id: true }, where: { path: SEED_ARTICLE_PATH } });
  if (!article) return {};
  await db
    .insert(commentWords)
    .values(DEMO_WORDS.map((w) => ({ word: normaliseForMatch(w.word), action: w.action })))
    .onConflictDoNothing();
  const row = (c: DemoComment, parentId: number | null) => ({
    articleId: article.id,
    parentId,
    nickname: c.nickname,
    body: c.body,
    status: c.status,
    holdReason: c.holdReason ?? null,
    idempotencyKey: c.key,
    createdAt: new Date(c.at),
    moderatedAt: c.status === 'approved' ? new Date(c.at) : null,
  });
  const upsert = {
    target: comments.idempotencyKey,
    set: excluded(comments, ['nickname', 'body', 'status', 'holdReason', 'createdAt', 'moderatedAt']),
  };
  const topLevel = DEMO.filter((c) => !c.replyTo);
  await db
    .insert(comments)
    .values(topLevel.map((c) => row(c, null)))
    .onConflictDoUpdate(upsert);
  const parents = await db
    .select({ id: comments.id, key: comments.idempotencyKey })
    .from(comments)
    .where(
      inArray(
        comments.idempotencyKey,
        topLevel.map((c) => c.key),
      ),
    );
  const parentOf = new Map(parents.map((p) => [p.key, p.id]));
  const replies = DEMO.filter((c) => c.replyTo);
  await db
    .insert(comments)
    .values(replies.map((c) => row(c, parentOf.get(c.replyTo as string) ?? null)))
    .onConflictDoUpdate(upsert);
  return { comments: DEMO.length };
}
