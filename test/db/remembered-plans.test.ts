// A read repeated with the same document and variables reuses the plan and the SQL of the first
// one; anything else (other variables, a plan that reads the request's clock) is planned and
// built afresh, and every answer is the one a fresh plan would give.
import { describe, expect, it } from 'vitest';
import { planCacheStats } from '../../src/builder';
import { relationalSqlStats } from '../../src/db/relational-sql';
import { dataOf, useGateway } from '../support/gateway';
import { operation, readOperations } from '../support/operations';

let clock = Date.parse('2026-11-28T12:00:00+08:00');
const { graphql } = useGateway({ now: () => clock });

const ARTICLE = operation('ArticlePage');

function counts() {
  return {
    plans: planCacheStats.hits,
    remembered: planCacheStats.remembered,
    sql: relationalSqlStats.hits,
    builds: relationalSqlStats.builds,
  };
}

describe('remembered plans and SQL', () => {
  it('answers a repeated read from the remembered plan and SQL, with the same data', async () => {
    // A shape's SQL is stored by its third build: the first meets the tables for the first time,
    // the second is checked against a build with slots.
    const first = await graphql(ARTICLE.document, ARTICLE.variables);
    const warm = [
      await graphql(ARTICLE.document, ARTICLE.variables),
      await graphql(ARTICLE.document, ARTICLE.variables),
    ];
    const before = counts();
    const again = await graphql(ARTICLE.document, ARTICLE.variables);
    const after = counts();
    expect(dataOf(first).article).not.toBeNull();
    // The read that plans and remembers runs its statement once, as every later one does.
    expect(first.statements).toBe(1);
    for (const response of [...warm, again]) expect(response.text).toBe(first.text);
    expect(again.statements).toBe(1);
    expect(after.plans - before.plans).toBe(1);
    expect(after.sql - before.sql).toBe(1);
    expect(after.builds).toBe(before.builds);
  });

  it('serves every value of the field’s own arguments from one plan, each with its own answer', async () => {
    const list = dataOf(
      await graphql<{ articles: { edges: { node: { path: string } }[] } }>(
        '{ articles(first: 3) { edges { node { path } } } }',
      ),
    );
    const paths = list.articles.edges.map((edge) => edge.node.path);
    expect(paths.length).toBe(3);
    await graphql(ARTICLE.document, { path: paths[0] });
    const before = counts();
    for (const path of paths.slice(1)) {
      const response = await graphql<{ article: { url: string } }>(ARTICLE.document, { path });
      expect(response.statements).toBe(1);
      expect(new URL(dataOf(response).article.url).pathname).toBe(path);
    }
    // The path reaches the resolver, not the plan: both later articles took the first one's plan,
    // and the first one's SQL with their own path in its slot.
    const after = counts();
    expect(after.plans - before.plans).toBe(2);
    expect(after.sql - before.sql).toBe(2);
    expect(after.builds).toBe(before.builds);
  });

  it('keys a plan by the variables its walk reads: @include switches the tags on and off', async () => {
    const document = `query($path: String!, $withTags: Boolean!) {
      article: articleByPath(path: $path) { title tags @include(if: $withTags) { name } }
    }`;
    const path = '/yaowen/shandong/20240315/sdwchy.html';
    type Answer = { article: { title: string; tags?: { name: string }[] } };
    const answers: Answer[] = [];
    for (const withTags of [false, true, false, true]) {
      const response = await graphql<Answer>(document, { path, withTags });
      // A plan walked without the tags would leave them to a second statement.
      expect(response.statements).toBe(1);
      answers.push(dataOf(response));
    }
    expect(answers[0]?.article.tags).toBeUndefined();
    expect(answers[1]?.article.tags?.length).toBeGreaterThan(0);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[3]).toEqual(answers[1]);
  });

  it('plays a remembered plan behind each request’s own arguments: other channels and pages answer as a fresh plan does', async () => {
    const feed = operation('ChannelFeed');
    type Feed = { articles: { edges: { node: { path: string } }[]; pageInfo: { endCursor: string | null } } };
    await graphql(feed.document, { channel: 'yaowen', first: 3 });
    const page = dataOf(await graphql<Feed>(feed.document, { channel: 'yaowen', first: 3 }));
    const before = { ...counts(), relations: relationalSqlStats.frozenRelations };
    const asked = [
      { channel: 'ruiping', first: 3 },
      { channel: 'yaowen', first: 3, after: page.articles.pageInfo.endCursor },
      { channel: 'xianyu/linqing', first: 2 },
    ];
    const paths = new Set<string>();
    for (const [i, variables] of asked.entries()) {
      const remembered = await graphql<Feed>(feed.document, variables);
      // Another text is another document, so another plan, walked and played for this request alone.
      const fresh = await graphql<Feed>(`${feed.document}\n# fresh plan ${i}`, variables);
      expect(remembered.statements).toBe(1);
      expect(remembered.text).toBe(fresh.text);
      const edges = dataOf(remembered).articles.edges;
      expect(edges.length).toBeGreaterThan(0);
      for (const edge of edges) paths.add(edge.node.path);
    }
    // Every page read other articles: the arguments reached the SQL, not the remembered plan's first ones.
    expect(paths.size).toBe(3 + 3 + 2);
    for (const path of page.articles.edges.map((edge) => edge.node.path)) expect(paths.has(path)).toBe(false);
    const after = counts();
    expect(after.plans - before.plans).toBe(asked.length);
    // The remembered plan's relations were named from memory, not walked again, for each request.
    expect(relationalSqlStats.frozenRelations - before.relations).toBeGreaterThanOrEqual(asked.length);
  });

  it('never remembers a plan that reads the request context: the guide follows the clock', async () => {
    const live = `{ liveChannels(kind: TV) { code nowPlaying { title start } next { title start } } }`;
    const remembered = planCacheStats.remembered;
    clock = Date.parse('2026-11-28T12:00:00+08:00');
    const noon = dataOf(await graphql<{ liveChannels: { nowPlaying: { start: string } | null }[] }>(live));
    clock = Date.parse('2026-11-28T21:00:00+08:00');
    const evening = dataOf(await graphql<{ liveChannels: { nowPlaying: { start: string } | null }[] }>(live));
    expect(planCacheStats.remembered).toBe(remembered);
    const starts = (data: typeof noon) => data.liveChannels.map((c) => c.nowPlaying?.start ?? null);
    expect(starts(noon).some((start) => start !== null)).toBe(true);
    expect(starts(evening)).not.toEqual(starts(noon));
    for (const start of starts(evening)) {
      if (start) expect(Date.parse(start)).toBeLessThanOrEqual(clock);
    }
  });

  it('answers every operation of schema/operations the same when its plan and SQL are remembered', async () => {
    const mismatches = relationalSqlStats.mismatches;
    for (const op of readOperations) {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push((await graphql(op.document, op.variables)).text);
      expect(answers[1], op.name).toBe(answers[0]);
      expect(answers[2], op.name).toBe(answers[0]);
    }
    // Every shape's SQL built with slots and filled was the SQL built with the values.
    expect(relationalSqlStats.mismatches).toBe(mismatches);
  });
});
