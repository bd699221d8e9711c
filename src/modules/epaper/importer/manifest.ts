import { isCalendarDate } from '../../../shared/scalars/date';
import { enclosesArea, onImage, type Polygon } from '../hotspot';
import { parsePageNumber } from '../page-number';
import { ManifestError, type ManifestProblem } from './problems';
import { locate, pageSize, webPath } from './references';
import { checkStrings, describeSchemaError, schemaValidator } from './shape';

/** manifest.json as manifest.schema.json describes it. */
export interface Manifest {
  paper: string;
  date: string;
  number: number;
  assetBase?: string;
  pages: ManifestPage[];
  articles: ManifestArticle[];
}

export interface ManifestPage {
  number: string;
  name: string;
  image: string;
  width?: number;
  height?: number;
  pdf?: string;
}

export interface ManifestArticle {
  page: string;
  kicker?: string;
  title: string;
  subtitles?: string[];
  author?: string;
  body?: string[];
  hotspot: [number, number][];
  webArticle?: string;
}

/** An issue as the database will hold it: validated, page numbers normalised, URLs resolved. */
export interface IssueInput {
  paper: string;
  date: string;
  number: number;
  pages: PageInput[];
}

export interface PageInput {
  /** 1 to the page count, in the manifest's order. */
  position: number;
  number: string;
  name: string;
  imageUrl: string;
  imageWidth: number;
  imageHeight: number;
  pdfUrl: string | null;
  articles: ArticleInput[];
}

export interface ArticleInput {
  /** 1 to the page's article count, in the manifest's order. */
  position: number;
  kicker: string | null;
  title: string;
  subtitles: string[];
  author: string | null;
  body: string[];
  hotspot: Polygon;
  /** The web article's path, checked against the database on import. */
  webArticlePath: string | null;
  /** Where it is in the manifest, for errors found later (`$.articles[4]`). */
  source: string;
}

/** What the importer can tell about a file beside the manifest. */
export interface ManifestFiles {
  /** Null when there is no such file; for an image, its pixel size (null when unreadable). */
  describe(name: string, kind: 'image' | 'pdf'): { size: { width: number; height: number } | null } | null;
}

/**
 * Checks a parsed manifest against the schema and the rules a schema cannot say, and returns the
 * issue to write. Throws a ManifestError listing every problem with its place in the manifest.
 */
export function validateManifest(
  value: unknown,
  context: { files?: ManifestFiles; assetBase?: string } = {},
): IssueInput {
  const problems: ManifestProblem[] = [];
  checkStrings(value, '$', problems);
  const validate = schemaValidator();
  if (!validate(value)) {
    problems.push(...(validate.errors ?? []).map(describeSchemaError));
    throw new ManifestError(problems);
  }
  const manifest = value as Manifest;

  if (!isCalendarDate(manifest.date)) {
    problems.push({ path: '$.date', message: `${manifest.date} is not a date of the calendar.` });
  }
  let assetBase = context.assetBase ?? manifest.assetBase;
  if (assetBase && !assetBase.endsWith('/')) assetBase += '/';

  const pages: PageInput[] = [];
  const pageByNumber = new Map<string, { page: PageInput; path: string }>();
  manifest.pages.forEach((page, index) => {
    const path = `$.pages[${index}]`;
    const number = parsePageNumber(page.number);
    if (!number) {
      problems.push({ path: `${path}.number`, message: `"${page.number}" is not a page number (A01, B03, 01).` });
      return;
    }
    const earlier = pageByNumber.get(number);
    if (earlier) {
      problems.push({ path: `${path}.number`, message: `page ${number} is already ${earlier.path}.` });
      return;
    }
    const image = locate(page.image, 'image', `${path}.image`, { ...context, assetBase }, problems);
    const pdf = page.pdf ? locate(page.pdf, 'pdf', `${path}.pdf`, { ...context, assetBase }, problems) : null;
    const size = pageSize(page, image, path, problems);
    const input: PageInput = {
      position: pages.length + 1,
      number,
      name: page.name.trim(),
      imageUrl: image?.url ?? '',
      imageWidth: size?.width ?? 0,
      imageHeight: size?.height ?? 0,
      pdfUrl: pdf?.url ?? null,
      articles: [],
    };
    pages.push(input);
    pageByNumber.set(number, { page: input, path });
  });

  const known = pages.map((page) => page.number).join(', ');
  manifest.articles.forEach((article, index) => {
    const path = `$.articles[${index}]`;
    const number = parsePageNumber(article.page);
    const target = number ? pageByNumber.get(number) : undefined;
    if (!target) {
      problems.push({ path: `${path}.page`, message: `"${article.page}" is not a page of this manifest (${known}).` });
      return;
    }
    const { page } = target;
    if (page.imageWidth > 0) {
      article.hotspot.forEach((point, corner) => {
        if (!onImage(point, page.imageWidth, page.imageHeight)) {
          problems.push({
            path: `${path}.hotspot[${corner}]`,
            message: `[${point.join(', ')}] lies outside page ${page.number} (${page.imageWidth} × ${page.imageHeight} pixels).`,
          });
        }
      });
    }
    if (!enclosesArea(article.hotspot)) {
      problems.push({ path: `${path}.hotspot`, message: 'its points lie on one line: the polygon encloses no area.' });
    }
    const webArticlePath = article.webArticle === undefined ? null : webPath(article.webArticle);
    if (article.webArticle !== undefined && webArticlePath === null) {
      problems.push({
        path: `${path}.webArticle`,
        message: `"${article.webArticle}" is not the path or URL of a web article (e.g. /yaowen/shandong/20240315/sdwchy.html).`,
      });
    }
    page.articles.push({
      position: page.articles.length + 1,
      kicker: article.kicker?.trim() ?? null,
      title: article.title.trim(),
      subtitles: (article.subtitles ?? []).map((line) => line.trim()),
      author: article.author?.trim() ?? null,
      body: article.body ?? [],
      hotspot: article.hotspot,
      webArticlePath,
      source: path,
    });
  });

  if (problems.length) throw new ManifestError(problems);
  return { paper: manifest.paper, date: manifest.date, number: manifest.number, pages };
}
