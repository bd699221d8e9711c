// Cost budgets on the Worker: one Durable Object per caller (key or address), since every isolate
// has its own memory and a caller's requests reach many of them. Cloudflare's Rate Limiting binding
// counts requests, not points, so it cannot charge an operation by its cost.
import { DurableObject } from 'cloudflare:workers';
import { BudgetWindow, type Charge, type CostBudget, WINDOW_MS } from '../gateway/budget';

/** One caller's budget window, kept in the object's memory (a restart gives a caller a fresh minute). */
export class CallerBudget extends DurableObject {
  private readonly window = new BudgetWindow();

  charge(cost: number, limit: number, now: number): Charge {
    return this.window.charge(cost, limit, now);
  }
}

/**
 * The gateway's budget on the Worker: charges go to the caller's object by name. If the object
 * cannot be reached the operation is let through (and logged): an unreachable limiter must not take
 * the news down with it.
 */
export class DurableBudget implements CostBudget {
  constructor(private readonly objects: DurableObjectNamespace<CallerBudget>) {}

  async charge(subject: string, cost: number, limit: number, now: number): Promise<Charge> {
    try {
      const stub = this.objects.get(this.objects.idFromName(subject));
      return await stub.charge(cost, limit, now);
    } catch (error) {
      console.error(`[cost-budget] could not charge ${subject}: ${String(error)}`);
      return { allowed: true, limit, remaining: limit, resetSeconds: WINDOW_MS / 1000 };
    }
  }
}
