import { type ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type Charge, type CostBudget, rateLimitHeaders } from './budget';
import { ExpansionError, memoizedOperationCost, PageSizeError } from './cost';
import { andThen } from './edge-cache';
import type { RequestState } from './state';

export interface CostLimitOptions {
  /** The most one operation may cost. */
  maxCost: number;
  budget: CostBudget;
  stateOf(request: Request): RequestState | undefined;
}

function tooCostly(cost: number, max: number): GraphQLError {
  return new GraphQLError(
    `This operation would cost ${cost} points; one operation may cost at most ${max}. Ask for smaller pages (\`first\`) or fewer nested lists.`,
    { extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost: max, http: { status: 400 } } },
  );
}

/**
 * Rate limits by cost: before an operation executes its cost is computed from the document and
 * variables; past the per-operation maximum it is refused, else charged to the caller's budget
 * (the partner key's, else the client address's; editors are not charged), and refused with 429
 * when the budget is spent. Cache hits never get here, so they cost nothing. The cost goes back in
 * `extensions.cost` (cacheable: the same document and variables always cost the same); what is
 * left of the budget in `RateLimit-*` headers, which are the caller's own.
 */
export function useCostLimits({ maxCost, budget, stateOf }: CostLimitOptions): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const state = stateOf((args.contextValue as { request: Request }).request);
      if (!state) return;
      let cost: number;
      try {
        cost = memoizedOperationCost(
          args.schema,
          args.document,
          args.variableValues as Record<string, unknown> | undefined,
          args.operationName ?? undefined,
        );
      } catch (error) {
        if (error instanceof PageSizeError || error instanceof ExpansionError) {
          return setResultAndStopExecution({ errors: [error] });
        }
        // Variables that do not fit the operation: execution refuses them, with GraphQL's own words.
        if (error instanceof GraphQLError) return;
        throw error;
      }
      const reported = {
        onExecuteDone({ result, setResult }: { result: unknown; setResult(result: ExecutionResult): void }) {
          if (typeof result !== 'object' || result === null || Symbol.asyncIterator in result) return;
          const single = result as ExecutionResult;
          setResult({ ...single, extensions: { ...single.extensions, cost: { requested: cost, maximum: maxCost } } });
        },
      };
      if (cost > maxCost) {
        setResultAndStopExecution({ errors: [tooCostly(cost, maxCost)] });
        return reported;
      }
      const payer = state.payer();
      if (!payer) return reported;
      return andThen(budget.charge(payer.subject, cost, payer.limit, state.now), (charge) => {
        state.charge = charge;
        if (!charge.allowed) setResultAndStopExecution({ errors: [overBudget(cost, charge)] });
        return reported;
      });
    },
  };
}

function overBudget(cost: number, charge: Charge): GraphQLError {
  return new GraphQLError(
    `Over budget: this operation costs ${cost} points and ${charge.remaining} of ${charge.limit} are left this minute. Retry in ${charge.resetSeconds} s, or ask for less.`,
    { extensions: { code: 'RATE_LIMITED', cost, http: { status: 429, headers: rateLimitHeaders(charge) } } },
  );
}
