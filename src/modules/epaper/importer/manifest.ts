import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import { isCalendarDate } from '../../../shared/scalars/date';
import { enclosesArea, onImage, type Polygon } from '../hotspot';
import schema from '../manifest.schema.json';
import { parsePageNumber } from '../page-number';
import { jsonPath, ManifestError, type ManifestProblem } from './problems';

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

let compiled: ReturnType<Ajv2020['compile']> | undefined;

/** Ajv compiles the schema into a validator once; `verbose` keeps each failing schema for its description. */
function schemaValidator() {
  compiled ??= new Ajv2020({ allErrors: true, verbose: true, strict: true }).compile(schema);
  return compiled;
}

function describeSchemaError(error: ErrorObject): ManifestProblem {
  const path = jsonPath(error.instancePath);
  const hint = (error.parentSchema as { description?: string } | undefined)?.description;
  switch (error.keyword) {
    case 'required':
      return { path: `${path}.${error.params.missingProperty}`, message: 'is missing.' };
    case 'additionalProperties': {
      const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      return {
        path: `${path}.${error.params.additionalProperty}`,
        message: `is not a field here (known fields: ${known.join(', ')}).`,
      };
    }
    case 'pattern':
    case 'type':
    case 'minLength':
      return { path, message: `${hint ?? error.message}${hint ? ` (${error.message}).` : '.'}` };
    default:
      return { path, message: `${error.message}.` };
  }
}

/** Text that Postgres and every client can take: no NUL, no lone surrogate halves. */
function checkStrings(value: unknown, path: string, problems: ManifestProblem[], depth = 0): void {
  if (depth > 8) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) problems.push({ path, message: 'contains a NUL character (\\u0000).' });
    else if (!value.isWellFormed()) problems.push({ path, message: 'contains a lone surrogate (broken UTF-16).' });
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) checkStrings(item, `${path}[${index}]`, problems, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) checkStrings(item, `${path}.${key}`, problems, depth + 1);
  }
}

const FILE_NAME = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[\w\-.]+(?:\/[\w\-.]+)*$/;

interface Located {
  url: string;
  /** Set when read from a file beside the manifest. */
  size?: { width: number; height: number } | null;
}

/** A URL as is, or a file beside the manifest as its URL under `assetBase`. */
function locate(
  reference: string,
  kind: 'image' | 'pdf',
  path: string,
  context: { files?: ManifestFiles; assetBase?: string },
  problems: ManifestProblem[],
): Located | null {
  if (/^https?:\/\//.test(reference)) {
    try {
      return { url: new URL(reference).href };
    } catch {
      problems.push({ path, message: `"${reference}" is not a valid URL.` });
      return null;
    }
  }
  if (!FILE_NAME.test(reference)) {
    problems.push({ path, message: `"${reference}" is neither an http(s) URL nor a file name beside the manifest.` });
    return null;
  }
  if (!context.files) {
    problems.push({ path, message: `"${reference}" is a file name, but this manifest was not read from a folder.` });
    return null;
  }
  const file = context.files.describe(reference, kind);
  if (!file) {
    problems.push({ path, message: `there is no file "${reference}" beside the manifest.` });
    return null;
  }
  if (!context.assetBase) {
    problems.push({
      path,
      message: `"${reference}" is a file: give \`assetBase\` (or --asset-base), the URL its folder is served from.`,
    });
    return null;
  }
  return { url: new URL(reference, context.assetBase).href, size: file.size };
}

function pageSize(page: ManifestPage, image: Located | null, path: string, problems: ManifestProblem[]) {
  if (image?.size === null) {
    problems.push({ path: `${path}.image`, message: 'the file is not an image whose pixel size can be read.' });
    return null;
  }
  const read = image?.size;
  if (read) {
    for (const side of ['width', 'height'] as const) {
      const given = page[side];
      if (given !== undefined && given !== read[side]) {
        problems.push({
          path: `${path}.${side}`,
          message: `is ${given}, but ${page.image} is ${read[side]} pixels ${side === 'width' ? 'wide' : 'high'}.`,
        });
      }
    }
    return read;
  }
  if (page.width === undefined || page.height === undefined) {
    if (image) {
      problems.push({ path, message: 'an image given by URL needs its `width` and `height` in pixels.' });
    }
    return null;
  }
  return { width: page.width, height: page.height };
}

/** A web article named by path or by URL on the site: its path. */
function webPath(reference: string): string | null {
  let path = reference;
  if (/^https?:\/\//.test(reference)) {
    try {
      path = new URL(reference).pathname;
    } catch {
      return null;
    }
  }
  path = path.split(/[?#]/)[0] ?? '';
  return /^\/[^\s]*$/.test(path) && !path.includes('//') ? path : null;
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
