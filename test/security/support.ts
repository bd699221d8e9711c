import { statementsFromServerTiming } from '../../src/gateway/server-timing';

/** Signs of the server's insides a response must never show. */
export const LEAKS = [
  /\n\s+at\s/,
  /"stack"/,
  /node_modules|\/work\/|\/src\/|file:\/\//,
  /\bselect\b.+\bfrom\b/i,
  /127\.0\.0\.1|localhost:\d/,
];

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
  /** SQL statements the request ran, from Server-Timing (null when the header is missing). */
  statements: number | null;
  ms: number;
}

export async function answerOf(respond: () => Promise<Response>): Promise<Answer> {
  const started = performance.now();
  const response = await respond();
  const text = await response.text();
  let body: any = null;
  try {
    body = JSON.parse(text);
  } catch {}
  return {
    status: response.status,
    headers: response.headers,
    text,
    body,
    statements: statementsFromServerTiming(response.headers.get('server-timing')),
    ms: performance.now() - started,
  };
}

/** The codes of a GraphQL answer's errors. */
export function codesOf(answer: Answer): string[] {
  return (answer.body?.errors ?? []).map((error: { extensions?: { code?: string } }) => error.extensions?.code ?? '');
}
