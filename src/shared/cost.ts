/** What a field tells the cost estimate (src/gateway/cost.ts), in its Pothos `extensions.cost`. */
export interface FieldCost {
  /** Items a plain list holds at most in practice (the estimate's default is 10). */
  listSize?: number;
}

/** Field `extensions` for a list of about `listSize` items at most: its cost counts that many. */
export function listOf(listSize: number): { cost: FieldCost } {
  return { cost: { listSize } };
}
