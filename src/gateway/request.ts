import { documentNesting, jsonDepth, type RequestLimits } from './limits';
import { errorResponse, type ResponseConstructor } from './responses';

/** The GraphQL-over-HTTP parameters of a request, as sent. */
export interface GraphQLParams {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

export type ReadRequest =
  /** `raw`: the bytes that carried the parameters (query string or body), a key for remembering what they resolve to. */
  | { params: GraphQLParams; raw: string }
  | { error: Response }
  /** Not a GraphQL request this gateway reads: Yoga answers it (405, 415). */
  | null;

/** The media type of a request body, without parameters. */
const bodyType = (request: Request) =>
  request.headers.get('content-type')?.split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? '';

const JSON_TYPES = new Set(['application/json', 'application/graphql+json']);

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
 * Reads a GET's query string or a POST's body (JSON, a form, or `application/graphql`), once: the
 * edge cache keys on it, and Yoga is handed the same parameters instead of reading the request
 * again. Size and nesting limits are enforced here, before any parser or recursion sees the input;
 * the parameters' shapes are left to Yoga's own checks. Multipart is not accepted (no uploads).
 */
export async function readGraphQLRequest(
  request: Request,
  limits: RequestLimits,
  Response: ResponseConstructor,
): Promise<ReadRequest> {
  let params: GraphQLParams;
  let raw: string;
  const type = bodyType(request);
  if (request.method === 'GET') {
    const url = request.url;
    const question = url.indexOf('?');
    raw = question < 0 ? '' : url.slice(question + 1);
    try {
      params = fromSearch(raw);
    } catch {
      return {
        error: errorResponse(
          Response,
          request,
          400,
          '`variables` and `extensions` must be JSON objects.',
          'BAD_REQUEST',
        ),
      };
    }
  } else if (
    request.method === 'POST' &&
    (JSON_TYPES.has(type) || type === 'application/x-www-form-urlencoded' || type === 'application/graphql')
  ) {
    const text = await limitedText(request, limits.bodyBytes);
    if (text === null) {
      const message = `The request body is larger than ${limits.bodyBytes} bytes.`;
      return { error: errorResponse(Response, request, 413, message, 'PAYLOAD_TOO_LARGE') };
    }
    raw = text;
    if (type === 'application/graphql') {
      params = { query: text };
    } else if (type === 'application/x-www-form-urlencoded') {
      try {
        params = fromSearch(text);
      } catch {
        const message = '`variables` and `extensions` must be JSON objects.';
        return { error: errorResponse(Response, request, 400, message, 'BAD_REQUEST') };
      }
    } else {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return { error: errorResponse(Response, request, 400, 'POST body sent invalid JSON.', 'BAD_REQUEST') };
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        const message = Array.isArray(body)
          ? 'Batched requests are not supported: send one operation per request.'
          : 'The POST body must be a JSON object with `query`, `variables`, `operationName` and `extensions`.';
        return { error: errorResponse(Response, request, 400, message, 'BAD_REQUEST') };
      }
      params = body as GraphQLParams;
    }
  } else {
    return null;
  }
  const refusal = checkLimits(params, limits);
  return refusal ? { error: errorResponse(Response, request, 400, refusal.message, refusal.code) } : { params, raw };
}

function checkLimits(params: GraphQLParams, limits: RequestLimits): { message: string; code: string } | null {
  if (
    typeof params.query === 'string' &&
    documentNesting(params.query, limits.documentNesting) > limits.documentNesting
  ) {
    return {
      message: `The document nests deeper than ${limits.documentNesting} levels.`,
      code: 'DOCUMENT_TOO_DEEP',
    };
  }
  for (const name of ['variables', 'extensions'] as const) {
    if (jsonDepth(params[name], limits.variablesDepth) > limits.variablesDepth) {
      return {
        message: `\`${name}\` nests deeper than ${limits.variablesDepth} levels.`,
        code: 'VARIABLES_TOO_DEEP',
      };
    }
  }
  return null;
}
