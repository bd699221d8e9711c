import { asc, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles } from '../../src/modules/articles/tables';
import { SEED_PRINTING, SEED_WEB_ARTICLE_PATH } from '../../src/modules/epaper/demo/issues';
import { validateManifest } from '../../src/modules/epaper/importer/manifest';
import { writeIssue } from '../../src/modules/epaper/importer/write-issue';
import { epaperArticles } from '../../src/modules/epaper/tables';
import { dataOf, useGateway } from '../support/gateway';
import { createTestPaper, testManifest } from './support';

const { graphql, database } = useGateway();

const PRINT_EDITION = `query($path: String!) {
  articleByPath(path: $path) {
    id
    title
    printEdition {
      id
      title
      page { number name issue { date numberLabel newspaper { slug name } } }
      hotspot { normalisedPoints { x y } }
      webArticle { id path }
    }
  }
}`;

describe('web and print, linked both ways', () => {
  it('takes a web article to its print edition (paper, date, page, hotspot) and back, in one statement', async () => {
    const response = await graphql(PRINT_EDITION, { path: SEED_WEB_ARTICLE_PATH });
    expect(response.body.errors).toBeUndefined();
    expect(response.statements).toBe(1);
    const article = dataOf(response).articleByPath;
    const print = article.printEdition;
    expect(print.title).toBe(article.title);
    expect(print.page.number).toBe(SEED_PRINTING.page);
    expect(print.page.issue.date).toBe(SEED_PRINTING.date);
    expect(print.page.issue.newspaper.slug).toBe(SEED_PRINTING.paper);
    expect(print.hotspot.normalisedPoints.length).toBeGreaterThanOrEqual(3);
    expect(print.webArticle).toEqual({ id: article.id, path: SEED_WEB_ARTICLE_PATH });

    const back = await graphql('query($id: ID!) { epaperArticle(id: $id) { webArticle { printEdition { id } } } }', {
      id: print.id,
    });
    expect(back.statements).toBe(1);
    expect(dataOf(back).epaperArticle.webArticle.printEdition.id).toBe(print.id);
  });

  it('gives null for a web article that was never printed', async () => {
    const db = database().admin;
    const printed = new Set(
      (await db.select({ id: epaperArticles.webArticleId }).from(epaperArticles)).map((r) => r.id),
    );
    const published = await db
      .select({ id: articles.id, path: articles.path })
      .from(articles)
      .where(eq(articles.status, 'published'))
      .orderBy(asc(articles.id))
      .limit(50);
    const unprinted = published.find((article) => !printed.has(article.id));
    const response = await graphql(PRINT_EDITION, { path: unprinted?.path });
    expect(response.body.errors).toBeUndefined();
    expect(dataOf(response).articleByPath.printEdition).toBeNull();
  });

  describe('a print article whose web version is not public', () => {
    let paper: Awaited<ReturnType<typeof createTestPaper>>;
    let draft: { id: number; path: string };
    beforeAll(async () => {
      const db = database().admin;
      paper = await createTestPaper(db);
      const [unpublished] = await db
        .select({ id: articles.id, path: articles.path })
        .from(articles)
        .where(ne(articles.status, 'published'))
        .orderBy(asc(articles.id))
        .limit(1);
      if (!unpublished) throw new Error('the demo data has no unpublished article');
      draft = unpublished;
      const manifest = testManifest(paper.slug, '2031-06-01', 1, 1);
      (manifest.articles[0] as { webArticle?: string }).webArticle = draft.path;
      await writeIssue(db, validateManifest(manifest));
    });
    afterAll(async () => {
      await paper?.drop();
    });

    it('hides the web article, and tags the answer so publishing it purges the page', async () => {
      const response = await graphql(
        'query($p: String!) { newspaper(slug: $p) { issue(date: "2031-06-01") { page { articles { title webArticle { id } } } } } }',
        { p: paper.slug },
      );
      expect(response.body.errors).toBeUndefined();
      const [first] = dataOf(response).newspaper.issue.page.articles;
      expect(first.webArticle).toBeNull();
      expect(response.headers.get('cache-tag')?.split(',')).toContain(`article:${draft.id}`);
    });
  });
});
