import {
  type ASTNode,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  visit,
} from 'graphql';
import { type ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity/cjs';
import { LRUCache } from 'lru-cache';
import type { FieldCost } from '../shared/cost';
import { MAX_PAGE_SIZE } from '../shared/listing-arguments';

/** Selections an operation may expand to, its fragments spread where they are used. */
export const MAX_EXPANDED_SELECTIONS = 10_000;
/** Items assumed of a list field that says nothing of its size (tags, breadcrumbs, a guide's day). */
export const DEFAULT_LIST_SIZE = 10;

/** A page size past MAX_PAGE_SIZE, found while computing a cost. */
export class PageSizeError extends GraphQLError {}

function pageSizeProblem(name: string, value: number): GraphQLError {
  return new PageSizeError(
    `\`${name}\` must be between 1 and ${MAX_PAGE_SIZE}; got ${value}. Page on with \`after\` or \`before\`.`,
    {
      extensions: { code: 'BAD_USER_INPUT', argument: name, max: MAX_PAGE_SIZE, http: { status: 400 } },
    },
  );
}

/** A connection's page size (`first`/`last`), or null when the field is not paged. */
function pageSize(args: Record<string, unknown>): number | null {
  let size: number | null = null;
  // Both checked: a bad `last` beside a good `first` is as bad, even where no resolver runs.
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (typeof value !== 'number') continue;
    if (value < 1 || value > MAX_PAGE_SIZE) throw pageSizeProblem(name, value);
    size = Math.max(size ?? 0, value);
  }
  return size;
}

/**
 * A field's cost, as GitHub and Shopify count: a scalar is free, an object costs 1, and what a
 * list or connection holds counts once per item it can return. A connection costs 1 and its page
 * size (`first`/`last`) times what each item selects; its `edges`/`nodes` are those items, counted
 * there. A plain list counts the ids asked for, or the size its field declares (FieldCost), or
 * DEFAULT_LIST_SIZE; a paged field sent without a page size counts a full page. Introspection is free.
 */
function estimate({ field, args, childComplexity, type }: ComplexityEstimatorArgs): number {
  // Introspection is answered from the schema in memory; its size is bounded by the depth limit.
  if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
  if (isLeafType(getNamedType(field.type))) return 0;
  const page = pageSize(args);
  if (page !== null) return 1 + page * childComplexity;
  if (!isListType(getNullableType(field.type))) return 1 + childComplexity;
  if (type.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes')) return childComplexity;
  const declared = (field.extensions as { cost?: FieldCost } | undefined)?.cost?.listSize;
  const paged = field.args.some((arg) => arg.name === 'first' || arg.name === 'last');
  const items = Array.isArray(args.ids) ? args.ids.length : (declared ?? (paged ? MAX_PAGE_SIZE : DEFAULT_LIST_SIZE));
  return items * (1 + childComplexity);
}

/** A document whose fragments expand past `maxQueryNodes` (fragments spreading fragments, doubling). */
export class ExpansionError extends GraphQLError {}

/**
 * The cost of running an operation with these variables, computed from the document before
 * anything runs. Throws BAD_USER_INPUT for a page size past MAX_PAGE_SIZE (PageSizeError),
 * QUERY_TOO_COSTLY for fragments expanding past MAX_EXPANDED_SELECTIONS (ExpansionError), and GraphQL's own
 * errors for variables that do not fit (which execution would refuse anyway).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      estimators: [estimate],
      // Fragments spread inside fragments multiply: stop walking an expansion this large.
      maxQueryNodes: MAX_EXPANDED_SELECTIONS,
    });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      throw new ExpansionError(
        `The operation's fragments expand to more than ${MAX_EXPANDED_SELECTIONS} selections: spread each fragment where it is needed, once.`,
        { extensions: { code: 'QUERY_TOO_COSTLY', http: { status: 400 } } },
      );
    }
    throw error;
  }
}

/** Bytes of keys the memo of operationCost keeps (documents are named by number, variables as JSON). */
const MEMO_BYTES = 4 * 2 ** 20;
const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;
const costs = new LRUCache<string, number>({
  maxSize: MEMO_BYTES,
  sizeCalculation: (_cost, key) => 2 * key.length + 64,
});

/** The arguments `estimate` reads, and the directives graphql-query-complexity evaluates. */
const COSTED_ARGUMENTS = new Set(['first', 'last', 'ids']);
const CONDITIONS = new Set(['skip', 'include']);

/** Per parsed document: the variables a cost can depend on, sorted. */
const costVariables = new WeakMap<DocumentNode, string[]>();

/**
 * The variables passed to a page size, to `ids` or to `@skip`/`@include`: the only ones `estimate`
 * and graphql-query-complexity read. An article's path or a search's words change nothing, so an
 * operation sent for every article costs one walk, not one per article.
 */
function variablesOfCost(document: DocumentNode): string[] {
  let names = costVariables.get(document);
  if (!names) {
    const found = new Set<string>();
    const collect = (node: ASTNode) =>
      visit(node, {
        Variable: (variable) => {
          found.add(variable.name.value);
        },
      });
    visit(document, {
      Argument: (argument) => {
        if (COSTED_ARGUMENTS.has(argument.name.value)) collect(argument.value);
      },
      Directive: (directive) => {
        if (CONDITIONS.has(directive.name.value)) collect(directive);
      },
    });
    names = [...found].sort();
    costVariables.set(document, names);
  }
  return names;
}

/**
 * operationCost, remembered per parsed document, operation and the values of the variables it
 * depends on (variablesOfCost): the same operation sent again, for this article or another, costs
 * a lookup instead of a walk of the document with type information (a twelfth of an uncached
 * read's CPU). The parsed documents are shared (Documents), so a document's identity names its
 * text. Refusals are not remembered: they are rare, and recomputing one costs what it cost the
 * first time. A remembered cost skips the walk's check of the other variables; execution checks
 * them and refuses the operation in GraphQL's own words.
 */
export function memoizedOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number {
  let id = documentIds.get(document);
  if (id === undefined) {
    id = nextDocumentId++;
    documentIds.set(document, id);
  }
  let values = '';
  for (const name of variablesOfCost(document)) {
    // Own values only: `$constructor` left out is absent, not Object's constructor.
    const value = variables && Object.hasOwn(variables, name) ? variables[name] : undefined;
    values += `${name.length}:${name}=${JSON.stringify(value) ?? 'u'},`;
  }
  const key = `${id}\u0000${operationName ?? ''}\u0000${values}`;
  const known = costs.get(key);
  if (known !== undefined) return known;
  const cost = operationCost(schema, document, variables, operationName);
  costs.set(key, cost);
  return cost;
}
