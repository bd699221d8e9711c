import type { Builder } from '../../builder';
import type { FieldCachePolicy, TypeCachePolicy } from '../../cache/hints';
import { articleCacheTags, ImageRef, PUBLISHED } from '../articles';
import { EDITION_MAX_AGE, epaperCacheTags } from './cache';
import { dateLabel } from './dates';
import { areaCoords, normalisedPoints, type Point, type Polygon } from './hotspot';
import { missingPage, parsePageNumber } from './page-number';

const entity = (tag: (id: number) => string) =>
  ({ tags: (row) => [tag(row.id)], maxAge: EDITION_MAX_AGE }) satisfies TypeCachePolicy<{ id: number }>;

interface Hotspot {
  polygon: Polygon;
  width: number;
  height: number;
}

/** EpaperIssue, EpaperPage, EpaperArticle and the hotspot types; returns the refs the root fields use. */
export function registerEditionTypes(builder: Builder) {
  const PixelPoint = builder.objectRef<[number, number]>('EpaperPixelPoint').implement({
    description: 'A point of a page image in pixels of the image as served, from its top-left corner.',
    fields: (t) => ({
      x: t.int({ description: 'Pixels from the left edge.', resolve: ([x]) => x }),
      y: t.int({ description: 'Pixels from the top edge.', resolve: ([, y]) => y }),
    }),
  });

  const RelativePoint = builder.objectRef<Point>('EpaperRelativePoint').implement({
    description: 'A point of a page image as fractions of its width and height: 0 to 1 from the top-left corner.',
    fields: (t) => ({
      x: t.exposeFloat('x', { description: 'Fraction of the image width from the left edge, 0 to 1.' }),
      y: t.exposeFloat('y', { description: 'Fraction of the image height from the top edge, 0 to 1.' }),
    }),
  });

  const HotspotRef = builder.objectRef<Hotspot>('EpaperHotspot').implement({
    description:
      'Where a story sits on its page image: a polygon, in pixels and as fractions of the image, for an image map.',
    fields: (t) => ({
      points: t.field({
        type: [PixelPoint],
        description: 'The polygon’s corners in order, in pixels of the page image.',
        resolve: (hotspot) => hotspot.polygon,
      }),
      normalisedPoints: t.field({
        type: [RelativePoint],
        description:
          'The same corners as fractions (0 to 1) of the image’s width and height: multiply by the displayed size, or use as CSS percentages, at any size.',
        resolve: (hotspot) => normalisedPoints(hotspot.polygon, hotspot.width, hotspot.height),
      }),
      coords: t.string({
        description: 'The corners as the `coords` of an HTML `<area shape="poly">` over the image at its pixel size.',
        resolve: (hotspot) => areaCoords(hotspot.polygon),
      }),
    }),
  });

  const EpaperArticle = builder.drizzleNode('epaperArticles', {
    name: 'EpaperArticle',
    description: 'A story as printed on a page of the digital edition, with its hotspot on the page image.',
    id: { column: (article) => article.id },
    // The web article's id tags the answer even when that article is not public (yet).
    select: { columns: { id: true, webArticleId: true } },
    extensions: { cache: entity(epaperCacheTags.article) },
    fields: (t) => ({
      kicker: t.exposeString('kicker', { nullable: true, description: '引题: the line printed above the title.' }),
      title: t.exposeString('title', { description: 'The headline as printed.' }),
      subtitles: t.exposeStringList('subtitles', { description: '副题: lines printed under the title, in order.' }),
      author: t.exposeString('author', {
        nullable: true,
        description: 'The byline as printed, e.g. 本报记者 王琳 通讯员 张伟.',
      }),
      body: t.exposeStringList('body', { description: 'The text as printed, paragraph by paragraph.' }),
      hotspot: t.field({
        type: HotspotRef,
        description: 'The story’s outline on its page image.',
        select: { columns: { hotspot: true }, with: { page: { columns: { imageWidth: true, imageHeight: true } } } },
        resolve: (article) => ({
          polygon: article.hotspot,
          width: article.page.imageWidth,
          height: article.page.imageHeight,
        }),
      }),
      page: t.relation('page', { description: 'The page it is printed on.' }),
      webArticle: t.relation('webArticle', {
        nullable: true,
        description: 'The same story on the web site, when it is there and public.',
        query: { where: PUBLISHED },
        extensions: {
          cache: {
            tags: (_args, article) => (article.webArticleId ? [articleCacheTags.article(article.webArticleId)] : []),
          } satisfies FieldCachePolicy<unknown, { webArticleId: number | null }>,
        },
      }),
    }),
  });

  const EpaperPage = builder.drizzleNode('epaperPages', {
    name: 'EpaperPage',
    description: 'A page (版面) of a printed issue: its image, its PDF and the stories printed on it.',
    id: { column: (page) => page.id },
    select: { columns: { id: true } },
    extensions: { cache: entity(epaperCacheTags.page) },
    fields: (t) => ({
      number: t.exposeString('number', { description: 'The page number as printed: A01, B03, 01.' }),
      name: t.exposeString('name', { description: 'The page’s name (版名): 头版, 要闻, 县域, ….' }),
      position: t.exposeInt('position', { description: 'Place in the issue’s reading order, from 1.' }),
      image: t.field({
        type: ImageRef,
        description: 'The scanned page; hotspots are in the pixels of this image.',
        select: { columns: { imageUrl: true, imageWidth: true, imageHeight: true, number: true, name: true } },
        resolve: (page) => ({
          url: page.imageUrl,
          width: page.imageWidth,
          height: page.imageHeight,
          alt: `第${page.number}版 ${page.name}`,
        }),
      }),
      pdfUrl: t.exposeString('pdfUrl', { nullable: true, description: 'The page as a PDF, when there is one.' }),
      issue: t.relation('issue', { description: 'The issue the page belongs to.' }),
      articles: t.relation('articles', {
        description: 'The stories printed on the page, in the order the page lists them, each with its hotspot.',
        query: { orderBy: { position: 'asc' } },
      }),
      previousPage: t.relation('previousPage', {
        nullable: true,
        description: 'The page before this one in the issue; null on the first page.',
      }),
      nextPage: t.relation('nextPage', {
        nullable: true,
        description: 'The page after this one in the issue; null on the last page.',
      }),
    }),
  });

  const EpaperIssue = builder.drizzleNode('epaperIssues', {
    name: 'EpaperIssue',
    description: 'A printed issue of a newspaper: its date, its number (第N期) and its pages.',
    id: { column: (issue) => issue.id },
    select: { columns: { id: true } },
    extensions: { cache: entity(epaperCacheTags.issue) },
    fields: (t) => ({
      date: t.expose('date', { type: 'Date', description: 'The date printed in the masthead (Beijing).' }),
      dateLabel: t.string({
        description: 'The date as the masthead prints it: 2024年3月16日 星期六.',
        select: { columns: { date: true } },
        resolve: (issue) => dateLabel(issue.date),
      }),
      number: t.exposeInt('number', { description: 'The issue number (第N期), counted since the first issue.' }),
      numberLabel: t.string({
        description: 'The issue number as printed: 第12345期.',
        select: { columns: { number: true } },
        resolve: (issue) => `第${issue.number}期`,
      }),
      pageCount: t.exposeInt('pageCount', { description: 'How many pages the issue has.' }),
      newspaper: t.relation('newspaper', { description: 'The newspaper it is an issue of.' }),
      pages: t.relation('pages', {
        description: '版面导航: every page of the issue in order.',
        query: { orderBy: { position: 'asc' } },
      }),
      firstPage: t.relation('firstPage', { description: 'The front page (头版).', nullable: false }),
      lastPage: t.relation('lastPage', { description: 'The last page.', nullable: false }),
      page: t.field({
        type: EpaperPage,
        // Nullable so that a wrong number errors on this field alone, not on the whole issue.
        nullable: true,
        description:
          'One page by its number as printed (`A01`; `a1` and `A001` are the same page), or the front page when `number` is left out. A number the issue does not have is an error that names its pages.',
        args: {
          number: t.arg.string({ description: 'The page number as printed, e.g. `A01`; default: the front page.' }),
        },
        // The lookup, and what an error needs to name the issue's pages, in the same statement.
        select: (args, _ctx, nestedSelection) => ({
          columns: { date: true, pageCount: true },
          with: {
            pagesByNumber: nestedSelection({
              where: args.number == null ? { position: 1 } : { number: parsePageNumber(args.number) ?? '' },
              limit: 1,
            }),
            newspaper: { columns: { name: true } },
            firstPage: { columns: { number: true } },
            lastPage: { columns: { number: true } },
          },
        }),
        resolve: (issue, args) => {
          const found = issue.pagesByNumber[0];
          if (!found) throw missingPage(args.number, issue);
          return found;
        },
      }),
      previousIssue: t.relation('previousIssue', {
        nullable: true,
        description: 'The issue before this one; null for the first issue in the archive.',
      }),
      nextIssue: t.relation('nextIssue', {
        nullable: true,
        description: 'The issue after this one; null for the newest.',
      }),
    }),
  });

  return { EpaperIssue, EpaperPage, EpaperArticle };
}
