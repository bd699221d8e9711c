import { asDatabaseError, DatabaseUnavailableError } from './errors';
import type { DatabaseHealth } from './health';
import type { StatementMeter } from './meter';

/** Time limit on every database call unless a source says otherwise (DB_TIMEOUT_MS). */
export const DEFAULT_DB_TIMEOUT_MS = 3_000;

/** What every statement of a source runs under: its time limit and the source's breaker. */
export interface StatementPolicy {
  timeoutMs: number;
  health: DatabaseHealth;
  /**
   * The request these statements belong to has ended and closed its connections: a resolver left
   * running after its answer was sent (a sibling field failed first) must not reach the database,
   * nor tell the breaker the database failed when it is the closed pool that refused.
   */
  ended?: () => boolean;
}

/** A statement sent after its request's answer: refused without touching the database or the breaker. */
export class RequestEndedError extends Error {}

/**
 * Runs one statement for a request: counted and timed on its meter, given up after the time limit
 * (then `onTimeout` may drop the connection it was stuck on), refused at once while the database is
 * known to be failing (see DatabaseHealth), and failures to reach the database turned into
 * DatabaseUnavailableError while errors of the statement itself pass unchanged.
 */
export async function runStatement<T>(
  meter: StatementMeter | undefined,
  text: string,
  execute: () => Promise<T>,
  policy: StatementPolicy,
  onTimeout?: () => void,
): Promise<T> {
  const { timeoutMs, health } = policy;
  if (policy.ended?.()) throw new RequestEndedError('the request has ended; its connections are closed');
  const admission = health.admit();
  if (!admission) throw new DatabaseUnavailableError('the database failed a moment ago; not retried yet');
  meter?.start(text);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new DatabaseUnavailableError(`no answer from the database within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    const result = await Promise.race([execute(), timeout]);
    health.succeeded();
    return result;
  } catch (error) {
    const failure = asDatabaseError(error);
    if (failure instanceof DatabaseUnavailableError) health.failed(admission);
    else health.succeeded();
    throw failure;
  } finally {
    clearTimeout(timer);
    meter?.end();
  }
}

/** The SQL text of a driver call: `query(text, values)` or `query({ text, ... }, values)`. */
export function statementText(config: unknown): string {
  if (typeof config === 'string') return config;
  const text = (config as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text : '';
}

type QueryFn = (...args: never[]) => Promise<unknown>;

/** A client whose `query` goes through runStatement; every other member is the client's own. */
export function meteredClient<C extends object>(
  client: C,
  meter: StatementMeter | undefined,
  policy: StatementPolicy,
  onTimeout?: () => void,
): C {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property !== 'query') return value.bind(target);
      const query = value as QueryFn;
      return (...args: never[]) =>
        runStatement(meter, statementText(args[0]), () => query.apply(target, args), policy, onTimeout);
    },
  });
}
