import { LRUCache } from 'lru-cache';

/** The length of a budget's window: budgets are in cost points per minute. */
export const WINDOW_MS = 60_000;

/** The outcome of charging an operation's cost to a caller's budget. */
export interface Charge {
  /** The cost was within what was left, and is now spent. */
  allowed: boolean;
  /** Points per window. */
  limit: number;
  /** Points left in this window after the charge (or unchanged when refused). */
  remaining: number;
  /** Seconds until the window ends and the budget is whole again. */
  resetSeconds: number;
}

/**
 * Cost points per caller per minute, shared by every request of the caller. Node keeps them in
 * memory (MemoryBudget); the Worker in a Durable Object per caller (src/worker/cost-budget.ts),
 * since an isolate's memory is neither shared nor lasting.
 */
export interface CostBudget {
  charge(subject: string, cost: number, limit: number, now: number): Charge | Promise<Charge>;
}

/** One caller's window: fixed, starting at its first charge, as GitHub's and Shopify's are. */
export class BudgetWindow {
  private start = Number.NEGATIVE_INFINITY;
  private spent = 0;

  charge(cost: number, limit: number, now: number): Charge {
    if (now >= this.start + WINDOW_MS) {
      this.start = now;
      this.spent = 0;
    }
    const allowed = this.spent + cost <= limit;
    if (allowed) this.spent += cost;
    const resetSeconds = Math.max(1, Math.ceil((this.start + WINDOW_MS - now) / 1000));
    return { allowed, limit, remaining: Math.max(0, limit - this.spent), resetSeconds };
  }
}

/** Budgets in this process's memory, for the Node server; the least recent callers are forgotten first. */
export class MemoryBudget implements CostBudget {
  private readonly windows = new LRUCache<string, BudgetWindow>({ max: 100_000, ttl: WINDOW_MS });

  charge(subject: string, cost: number, limit: number, now: number): Charge {
    let window = this.windows.get(subject);
    if (!window) {
      window = new BudgetWindow();
      this.windows.set(subject, window);
    }
    return window.charge(cost, limit, now);
  }
}

/** The `RateLimit-*` headers of a charge (IETF draft, as GitHub and others send them) and, refused, `Retry-After`. */
export function rateLimitHeaders(charge: Charge): Record<string, string> {
  const headers: Record<string, string> = {
    'ratelimit-limit': String(charge.limit),
    'ratelimit-remaining': String(charge.remaining),
    'ratelimit-reset': String(charge.resetSeconds),
    'ratelimit-policy': `${charge.limit};w=${WINDOW_MS / 1000}`,
  };
  if (!charge.allowed) headers['retry-after'] = String(charge.resetSeconds);
  return headers;
}
