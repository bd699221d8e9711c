import { expect } from 'vitest';
import { statementsFromServerTiming } from '../../src/gateway/server-timing';
import type { Attack } from './attacks';

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

/**
 * What every transport must show for an attack: its status and code, no data, no SQL run, nothing
 * of the server's insides. Returns the line the suites print with their timings.
 */
export function expectRefused(attack: Attack, answer: Answer): string {
  expect(answer.status, answer.text.slice(0, 300)).toBe(attack.status);
  if (attack.code) expect(codesOf(answer), answer.text.slice(0, 300)).toContain(attack.code);
  expect(answer.body?.data ?? null).toBeNull();
  expect(answer.statements ?? 0).toBe(0);
  for (const leak of LEAKS) expect(answer.text).not.toMatch(leak);
  if (attack.mustNotContain) expect(answer.text).not.toMatch(attack.mustNotContain);
  return `  ${attack.name}: ${answer.status} ${codesOf(answer)[0] ?? ''} in ${answer.ms.toFixed(1)} ms`;
}
