import { describe, expect, it } from 'vitest';
import { referencePage } from '../fixtures/reference-page';
import { dataOf, useGateway } from '../support/gateway';
import { operation } from '../support/operations';

const { graphql } = useGateway();
const articlePage = operation('ArticlePage');

describe('ArticlePage', () => {
  it('returns the seed article as the reference page shows it, in one SQL statement', async () => {
    const response = await graphql(articlePage.document, articlePage.variables);
    expect(response.body.errors).toBeUndefined();
    expect(response.statements).toBe(1);
    const article = response.body.data?.article;

    expect(article.title).toBe(referencePage.title);
    expect(article.subtitles).toEqual(referencePage.subtitles);
    expect(referencePage.sourceLine).toContain(`来源:${article.source}`);
    expect(article.publishedAt).toBe('2024-03-15T19:05:37+08:00');
    expect(referencePage.sourceLine).toContain(article.publishedAt.slice(0, 19).replace('T', ' '));

    const paragraphs = article.body.filter((block: { __typename: string }) => block.__typename === 'ParagraphBlock');
    expect(paragraphs.map((block: { text: string }) => block.text)).toEqual(referencePage.paragraphs);

    expect(article.breadcrumb.map((step: { name: string }) => step.name)).toEqual(['首页', '要闻', '山东']);
    expect(article.breadcrumb.map((step: { path: string }) => step.path)).toEqual([
      '/',
      '/yaowen/',
      '/yaowen/shandong/',
    ]);
    expect(article.channel).toMatchObject({ name: '山东', path: 'yaowen/shandong' });

    const credits = article.bylines.map((b: { roleLabel: string; name: string }) => `${b.roleLabel} ${b.name}`);
    expect(credits).toEqual(['记者 赵洪杰', '记者 刘兵', '记者 李子路', '摄影 王世翔']);
    for (const byline of article.bylines) expect(referencePage.credit).toContain(byline.name);
    expect(referencePage.credit).toContain(article.bylines[0].organisation);
    expect(referencePage.editorLine).toBe(`编辑:${article.editor}`);
    expect(article.tags.length).toBeGreaterThan(0);
    // 相关推荐: other articles that share a keyword with it.
    expect(article.related.length).toBeGreaterThan(0);
    expect(article.related.length).toBeLessThanOrEqual(6);
    for (const entry of article.related) {
      expect(['SHARED_TAGS', 'SAME_CHANNEL', 'SIMILAR_TEXT', 'EDITOR_PICK']).toContain(entry.reason);
      expect(entry.article.path).not.toBe(article.path);
    }
    const scores = article.related.map((entry: { score: number }) => entry.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(article.url).toMatch(/^https:\/\/.+\/yaowen\/shandong\/20240315\/.+\.html$/);
  });

  it('finds the article by its full URL, and by id through article(id:) and node(id:)', async () => {
    const byPath = await graphql(articlePage.document, articlePage.variables);
    const { id, url, title } = dataOf(byPath).article;

    const byUrl = await graphql('query($p: String!) { articleByPath(path: $p) { id } }', {
      p: `${url}?from=share#top`,
    });
    expect(byUrl.body.data?.articleByPath.id).toBe(id);

    const byId = await graphql(
      'query($id: ID!) { article(id: $id) { title } node(id: $id) { ... on Article { title } } }',
      {
        id,
      },
    );
    expect(byId.body.errors).toBeUndefined();
    expect(byId.body.data).toEqual({ article: { title }, node: { title } });
  });

  it('serves the body as escaped HTML with the same paragraphs', async () => {
    const response = await graphql(
      'query($path: String!) { articleByPath(path: $path) { bodyHtml } }',
      articlePage.variables,
    );
    const html: string = response.body.data?.articleByPath.bodyHtml;
    const paragraphs = [...html.matchAll(/<p>(.*?)<\/p>/g)].map((match) => match[1]);
    expect(paragraphs).toEqual(referencePage.paragraphs.map((p) => p.replace(/&/g, '&amp;').replace(/"/g, '&quot;')));
    expect(html).not.toMatch(/<script/i);
  });

  it('gives null, not an error, for a path or id that does not exist', async () => {
    const missingId = btoa('Article:99999999');
    const response = await graphql(
      'query($id: ID!) { articleByPath(path: "/nope/1.html") { id } article(id: $id) { id } node(id: $id) { id } }',
      { id: missingId },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ articleByPath: null, article: null, node: null });
  });
});
