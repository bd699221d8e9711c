// `npm run eval:related`: scores 相关推荐 and search on the demo data (an embedded PGlite, migrated and
// seeded as `npm start` does, or DATABASE_URL when set and seeded). Generated articles carry the topic
// the generator wrote them from; the label never reaches the database or the API: it is regenerated
// here from each article's index (its path) and compared with the lists and the search hits.
import { sql } from 'drizzle-orm';
import { MemoryStore } from '../src/cache/memory-store';
import type { DatabaseSource } from '../src/db/database';
import { migrate } from '../src/db/migrations';
import { openNodeSource } from '../src/db/node-source';
import { createPgliteSource } from '../src/db/pglite';
import { createGateway } from '../src/gateway/gateway';
import { relations } from '../src/modules';
import { CHANNEL_ROWS_SQL, type ChannelRow, channelRefs } from '../src/modules/articles/seed/channel-refs';
import { generateArticle } from '../src/modules/articles/seed/generate';
import { bodyTextOf } from '../src/modules/search/documents';
import { seed } from '../src/seed/run';
import { normaliseText } from '../src/shared/chinese-text';

const K = 6;
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

async function open(): Promise<DatabaseSource> {
  if (process.env.DATABASE_URL) return openNodeSource(relations);
  const source = await createPgliteSource({ relations });
  await migrate(source);
  await seed(source.admin);
  return source;
}

const source = await open();
const db = source.admin;
const channels = rowsOf<ChannelRow>(await db.execute(sql.raw(CHANNEL_ROWS_SQL)));
const refs = channelRefs(channels);
const articles = rowsOf<{ id: number; path: string; title: string; subtitles: string[]; body: never }>(
  await db.execute(sql`select id, path, title, subtitles, body from articles where status = 'published' order by id`),
);
const topicOf = new Map<number, string>();
for (const article of articles) {
  const index = /\/(\d+)\.html$/.exec(article.path)?.[1];
  if (index) topicOf.set(article.id, generateArticle(Number(index), refs).topic ?? '');
}
const perTopic = new Map<string, number>();
for (const topic of topicOf.values()) perTopic.set(topic, (perTopic.get(topic) ?? 0) + 1);

const related = rowsOf<{ article_id: number; related_id: number; position: number }>(
  await db.execute(sql`select article_id, related_id, position from article_related order by article_id, position`),
);
const lists = new Map<number, number[]>();
for (const row of related) lists.set(row.article_id, [...(lists.get(row.article_id) ?? []), row.related_id]);

let precisionSum = 0;
let ndcgSum = 0;
let evaluated = 0;
let short = 0;
for (const [id, topic] of topicOf) {
  const list = (lists.get(id) ?? []).slice(0, K);
  const relevant = list.map((other) => (topicOf.get(other) === topic ? 1 : 0));
  const hits = relevant.reduce<number>((a, b) => a + b, 0);
  // Precision@6 over six slots: a short list loses the empty ones.
  precisionSum += hits / K;
  const dcg = relevant.reduce<number>((sum, rel, i) => sum + rel / Math.log2(i + 2), 0);
  const ideal = Math.min(K, (perTopic.get(topic) ?? 1) - 1);
  let idcg = 0;
  for (let i = 0; i < ideal; i += 1) idcg += 1 / Math.log2(i + 2);
  ndcgSum += idcg > 0 ? dcg / idcg : 0;
  evaluated += 1;
  if (list.length < K) short += 1;
}

// Search, through the gateway as partners call it.
const gateway = createGateway({
  source,
  store: new MemoryStore(0),
  limits: { anonymousCostPerMinute: Number.MAX_SAFE_INTEGER },
});
async function searchIds(query: string, first = 10): Promise<{ id: number; title: string }[]> {
  const response = await gateway.fetch(
    new Request('http://eval/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'query($q: String!, $n: Int) { search(query: $q, first: $n) { edges { node { article { id title } } } } }',
        variables: { q: query, n: first },
      }),
    }),
  );
  const body = (await response.json()) as {
    data?: { search: { edges: { node: { article: { id: string; title: string } } }[] } };
    errors?: unknown;
  };
  if (!body.data) throw new Error(`search failed for ${query}: ${JSON.stringify(body.errors)}`);
  return body.data.search.edges.map((e) => ({
    id: Number(atob(e.node.article.id).split(':')[1]),
    title: e.node.article.title,
  }));
}

const texts = articles.map((a) => ({ id: a.id, text: normaliseText(`${a.title}\n${bodyTextOf(a)}`) }));
/** A stretch of 8 to 12 characters of the body found in no other article (longest paragraphs first), or null. */
function distinctivePhrase(article: (typeof articles)[number]): string | null {
  const paragraphs = bodyTextOf(article)
    .split('\n')
    .sort((a, b) => b.length - a.length);
  for (const length of [8, 10, 12]) {
    for (const paragraph of paragraphs) {
      const chars = Array.from(paragraph);
      for (let start = 0; start + length <= chars.length; start += 2) {
        const phrase = chars.slice(start, start + length).join('');
        if (!/^[\p{Script=Han}\p{L}\p{N}]+$/u.test(phrase)) continue;
        const needle = normaliseText(phrase);
        if (texts.filter((t) => t.text.includes(needle)).length === 1) return phrase;
      }
    }
  }
  return null;
}

let titleFirst = 0;
let titleFirstSameTitle = 0;
let phraseHit = 0;
let phraseTried = 0;
for (const article of articles) {
  const hits = await searchIds(article.title.slice(0, 64), 1);
  if (hits[0]?.id === article.id) titleFirst += 1;
  if (hits[0]?.title === article.title) titleFirstSameTitle += 1;
  else if (process.env.EVAL_VERBOSE) console.log(`title missed: ${article.title} → ${hits[0]?.title}`);
  const phrase = distinctivePhrase(article);
  if (phrase) {
    phraseTried += 1;
    if ((await searchIds(phrase, 10)).some((h) => h.id === article.id)) phraseHit += 1;
    else if (process.env.EVAL_VERBOSE) console.log(`phrase missed: ${phrase} (article ${article.id})`);
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`articles: ${articles.length} published, ${evaluated} with a topic label, ${perTopic.size} topics`);
console.log(
  `related precision@${K}: ${(precisionSum / evaluated).toFixed(3)}   nDCG@${K}: ${(ndcgSum / evaluated).toFixed(3)}   lists shorter than ${K}: ${short}`,
);
console.log(
  `search exact title first hit: ${pct(titleFirst / articles.length)} (same id), ${pct(titleFirstSameTitle / articles.length)} (an article with that exact title)`,
);
console.log(
  `search distinctive body phrase found (top 10): ${pct(phraseHit / Math.max(1, phraseTried))} of ${phraseTried} phrases`,
);
await source.close();
