import { LRUCache } from 'lru-cache';
import { documentNesting, inspectJson, type RequestLimits, unfitString } from './limits';
import { type EarlyAnswer, errorAnswer } from './responses';

/** The GraphQL-over-HTTP parameters of a request, as sent. */
export interface GraphQLParams {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/** How the parameters travelled: a GET's query string, or a POST body of one of these media types. */
export type Encoding = 'query-string' | 'json' | 'form' | 'graphql';

/** A request's parameters as sent, not yet parsed: the key under which what they resolve to is remembered. */
export interface RawParams {
  encoding: Encoding;
  text: string;
  /** Handed out again for the same bytes (NodeBodies): what it resolves to is worth keeping by identity. */
  lasting?: boolean;
}

// A Map, not an object literal: a media type named `constructor` or `__proto__` must find nothing.
const ENCODINGS = new Map<string, Encoding>([
  ['application/json', 'json'],
  ['application/graphql+json', 'json'],
  ['application/x-www-form-urlencoded', 'form'],
  ['application/graphql', 'graphql'],
]);

/** Node's own request body, read without the fetch API's stream on top. */
export interface NodeBody {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'end' | 'error', listener: (error?: Error) => void): unknown;
}

/**
 * The body straight from Node's request, the limit checked per chunk. Past the limit it answers at
 * once (null) and drops the rest as it arrives, so the client, still sending, gets its 413.
 */
export function nodeBytes(body: NodeBody, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxBytes) chunks.push(chunk);
      else if (chunks.length) {
        chunks.length = 0;
        resolve(null);
      }
    });
    body.on('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks, size)));
    body.on('error', reject);
  });
}

/** Bytes at the end of a body that, with its length, name it in the memo: where its variables are. */
const BODY_TAIL = 48;

/**
 * Node's request bodies decoded, remembered by their bytes. Node 20 decodes UTF-8 that is not pure
 * ASCII slowly (4 µs for a 1.4 KB body with Chinese in it): a repeated body is found by its media
 * type, length and last bytes (a short key to hash), compared whole with the bytes it was stored
 * with, and gets back the very `RawParams`, and text, it got before, whose resolution the edge cache
 * then finds by identity. Bodies that share a key only take each other's place.
 */
export class NodeBodies {
  private readonly memo: LRUCache<string, { bytes: Buffer; raw: RawParams }>;

  constructor(maxBytes: number) {
    // The bytes, the text as UTF-16 (at most 2 bytes for each byte read), and the parameters the
    // edge cache parses them to and keeps by this entry's identity (JSON objects: up to 13 bytes
    // for each byte, as in `[{},{},…]`).
    this.memo = new LRUCache({ maxSize: maxBytes, sizeCalculation: (entry) => 16 * entry.bytes.byteLength + 256 });
  }

  read(bytes: Buffer, encoding: Encoding): RawParams {
    const key = `${encoding}${bytes.byteLength}:${bytes.toString('latin1', Math.max(0, bytes.byteLength - BODY_TAIL))}`;
    const entry = this.memo.get(key);
    if (entry?.bytes.equals(bytes)) return entry.raw;
    const raw: RawParams = { encoding, text: bytes.toString('utf8'), lasting: true };
    // A copy of its own: a small body read from Node may share a pooled 8 KB slab.
    const own = Buffer.allocUnsafeSlow(bytes.byteLength);
    bytes.copy(own);
    this.memo.set(key, { bytes: own, raw });
    return raw;
  }
}

/** The body as text, refusing it (null) once it passes `maxBytes`, before the rest is read. */
async function limitedText(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) return null;
  if (Number.isFinite(declared) || !request.body) {
    const text = await request.text();
    return text.length > maxBytes ? null : text;
  }
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** How a POST's parameters are encoded, from its content type; undefined when not one read here. */
export function encodingOf(contentType: string | null | undefined): Encoding | undefined {
  if (!contentType) return undefined;
  return (
    ENCODINGS.get(contentType) ?? ENCODINGS.get(contentType.split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? '')
  );
}

/** The query string of a URL: a GET's parameters. */
export function queryString(url: string): RawParams {
  const question = url.indexOf('?');
  return { encoding: 'query-string', text: question < 0 ? '' : url.slice(question + 1) };
}

/** 413, closing the connection: the rest of the body is not worth reading. */
export const tooLarge = (accept: string | null, limits: RequestLimits): EarlyAnswer => {
  const answer = errorAnswer(
    accept,
    413,
    `The request body is larger than ${limits.bodyBytes} bytes.`,
    'PAYLOAD_TOO_LARGE',
  );
  return { ...answer, headers: { ...answer.headers, connection: 'close' } };
};

/**
 * Reads a GET's query string or a POST's body (JSON, a form, or `application/graphql`), once,
 * within the size limit: the edge cache keys on it, and Yoga is handed the parameters instead of
 * reading the request again. Null: not a request read here (another method or media type, or
 * multipart: there are no uploads), which Yoga refuses itself.
 */
export function readRawParams(
  request: Request,
  limits: RequestLimits,
): RawParams | { error: EarlyAnswer } | null | Promise<RawParams | { error: EarlyAnswer } | null> {
  if (request.method === 'GET') return queryString(request.url);
  const encoding = request.method === 'POST' ? encodingOf(request.headers.get('content-type')) : undefined;
  if (!encoding) return null;
  return limitedText(request, limits.bodyBytes).then((text) =>
    text === null ? { error: tooLarge(request.headers.get('accept'), limits) } : { encoding, text },
  );
}

const PARAMETERS = new Set(['query', 'operationName', 'variables', 'extensions']);
const objectOrAbsent = (value: unknown) => value == null || (typeof value === 'object' && !Array.isArray(value));

/**
 * Parameters of the shapes GraphQL over HTTP allows: only the four names, a string query and
 * operation name, object variables and extensions. Anything else is Yoga's to refuse (400), so the
 * edge cache never answers it from a copy stored for a well-formed request.
 */
export function wellFormed(params: GraphQLParams): boolean {
  for (const key of Object.keys(params))
    if (!PARAMETERS.has(key) && params[key as keyof GraphQLParams] != null) return false;
  return (
    (params.query == null || typeof params.query === 'string') &&
    (params.operationName == null || typeof params.operationName === 'string') &&
    objectOrAbsent(params.variables) &&
    objectOrAbsent(params.extensions)
  );
}

function parseJsonParam(value: string | null): unknown {
  return value === null || value === '' ? undefined : JSON.parse(value);
}

/** GET parameters, or a form body: the same four fields, the JSON ones as JSON text. */
function fromSearch(raw: string): GraphQLParams {
  const search = new URLSearchParams(raw);
  return {
    query: search.get('query') || undefined,
    operationName: search.get('operationName') || undefined,
    variables: parseJsonParam(search.get('variables')),
    extensions: parseJsonParam(search.get('extensions')),
  };
}

/**
 * The parameters of a raw request, checked against the nesting limits before any parser or
 * recursion sees them; their shapes are left to Yoga's own checks.
 */
export function parseParams(
  raw: RawParams,
  limits: RequestLimits,
  accept: string | null,
): { params: GraphQLParams } | { error: EarlyAnswer } {
  const refuse = (message: string, code = 'BAD_REQUEST') => ({ error: errorAnswer(accept, 400, message, code) });
  let params: GraphQLParams;
  if (raw.encoding === 'graphql') {
    params = { query: raw.text };
  } else if (raw.encoding === 'json') {
    let body: unknown;
    try {
      body = JSON.parse(raw.text);
    } catch {
      return refuse('POST body sent invalid JSON.');
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return refuse(
        Array.isArray(body)
          ? 'Batched requests are not supported: send one operation per request.'
          : 'The POST body must be a JSON object with `query`, `variables`, `operationName` and `extensions`.',
      );
    }
    params = body as GraphQLParams;
  } else {
    try {
      params = fromSearch(raw.text);
    } catch {
      return refuse('`variables` and `extensions` must be JSON objects.');
    }
  }
  const unfit = () =>
    refuse('Strings must not contain NUL characters (\\u0000) or unpaired UTF-16 surrogates.', 'BAD_USER_INPUT');
  const { query, operationName } = params;
  if (typeof query === 'string') {
    if (documentNesting(query, limits.documentNesting) > limits.documentNesting) {
      return refuse(`The document nests deeper than ${limits.documentNesting} levels.`, 'DOCUMENT_TOO_DEEP');
    }
    // `\u0000` and `\u{0}` in a GraphQL string literal become NUL once parsed.
    if (unfitString(query) || /\\u(?:0000|\{0+\})/i.test(query)) return unfit();
  }
  if (typeof operationName === 'string' && unfitString(operationName)) return unfit();
  for (const name of ['variables', 'extensions'] as const) {
    const { depth, unfit: bad } = inspectJson(params[name], limits.variablesDepth);
    if (depth > limits.variablesDepth) {
      return refuse(`\`${name}\` nests deeper than ${limits.variablesDepth} levels.`, 'VARIABLES_TOO_DEEP');
    }
    if (bad) return unfit();
  }
  return { params };
}
