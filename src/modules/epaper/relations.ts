import { defineRelationsPart } from 'drizzle-orm';
import { articlesTable as articles } from '../articles';
import { epaperArticles, epaperIssues, epaperPages, newspapers } from './tables';

/**
 * plugin-drizzle folds every relation a query selects into one statement, but a relation selected
 * twice with different arguments (a date lookup and the newest issue) loads on its own: so each
 * way of picking issues or pages gets a relation of its own name.
 */
export const epaperRelations = defineRelationsPart(
  { articles, newspapers, epaperIssues, epaperPages, epaperArticles },
  (r) => ({
    newspapers: {
      /** The calendar: a month's issues. */
      issues: r.many.epaperIssues({ from: r.newspapers.id, to: r.epaperIssues.newspaperId }),
      /** `issue(date:)`. */
      issuesOnDate: r.many.epaperIssues({ from: r.newspapers.id, to: r.epaperIssues.newspaperId }),
      /** `issueBefore(date:)`: the nearest earlier one. */
      issuesBefore: r.many.epaperIssues({ from: r.newspapers.id, to: r.epaperIssues.newspaperId }),
      /** `latestIssue`. */
      latestIssues: r.many.epaperIssues({ from: r.newspapers.id, to: r.epaperIssues.newspaperId }),
    },
    epaperIssues: {
      newspaper: r.one.newspapers({ from: r.epaperIssues.newspaperId, to: r.newspapers.id, optional: false }),
      /** 版面导航: every page in order. */
      pages: r.many.epaperPages({ from: r.epaperIssues.id, to: r.epaperPages.issueId }),
      /** `page(number:)`. */
      pagesByNumber: r.many.epaperPages({ from: r.epaperIssues.id, to: r.epaperPages.issueId }),
      firstPage: r.one.epaperPages({
        from: r.epaperIssues.id,
        to: r.epaperPages.issueId,
        where: { position: 1 },
        alias: 'firstPage',
      }),
      // The last page's position is the page count.
      lastPage: r.one.epaperPages({
        from: [r.epaperIssues.id, r.epaperIssues.pageCount],
        to: [r.epaperPages.issueId, r.epaperPages.position],
        alias: 'lastPage',
      }),
      previousIssue: r.one.epaperIssues({
        from: r.epaperIssues.previousIssueId,
        to: r.epaperIssues.id,
        alias: 'previousIssue',
      }),
      nextIssue: r.one.epaperIssues({ from: r.epaperIssues.nextIssueId, to: r.epaperIssues.id, alias: 'nextIssue' }),
    },
    epaperPages: {
      issue: r.one.epaperIssues({ from: r.epaperPages.issueId, to: r.epaperIssues.id, optional: false }),
      articles: r.many.epaperArticles({ from: r.epaperPages.id, to: r.epaperArticles.pageId }),
      previousPage: r.one.epaperPages({
        from: [r.epaperPages.issueId, r.epaperPages.previousPosition],
        to: [r.epaperPages.issueId, r.epaperPages.position],
        alias: 'previousPage',
      }),
      nextPage: r.one.epaperPages({
        from: [r.epaperPages.issueId, r.epaperPages.nextPosition],
        to: [r.epaperPages.issueId, r.epaperPages.position],
        alias: 'nextPage',
      }),
    },
    epaperArticles: {
      page: r.one.epaperPages({ from: r.epaperArticles.pageId, to: r.epaperPages.id, optional: false }),
      webArticle: r.one.articles({ from: r.epaperArticles.webArticleId, to: r.articles.id }),
    },
    // Article.printEdition: the print module adds the link to the articles' table.
    articles: {
      printings: r.many.epaperArticles({ from: r.articles.id, to: r.epaperArticles.webArticleId }),
    },
  }),
);
