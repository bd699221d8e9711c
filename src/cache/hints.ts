import {
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isObjectType,
} from 'graphql';

/** What one response contains, for the edge cache: its tags and how long it may be kept. */
export class CacheHints {
  private readonly tagSet = new Set<string>();
  private shortest = Number.POSITIVE_INFINITY;
  // A Set, not a WeakSet: it lives as long as the request, and weak tables cost more per entry.
  private readonly seen = new Set<object>();
  // Entities recorded but not yet turned into tags: only a response the cache keeps asks for its
  // tags and lifetime (an editor's or a preview's never does), so that work waits until then.
  private unfolded: { entity: object; policy: TypeCachePolicy<object> }[] = [];

  /** `defaultMaxAge` covers responses that touched nothing with a policy (`{ __typename }`). */
  constructor(
    readonly now: number,
    readonly defaultMaxAge = 300,
  ) {}

  /** Tags of everything the response contains. */
  get tags(): ReadonlySet<string> {
    this.fold();
    return this.tagSet;
  }

  /** Seconds; the shortest lifetime of anything the response contains. */
  get maxAge(): number {
    this.fold();
    return Number.isFinite(this.shortest) ? this.shortest : this.defaultMaxAge;
  }

  add(tags: Iterable<string>, maxAge?: number) {
    for (const tag of tags) this.tagSet.add(tag);
    if (maxAge !== undefined) this.shortest = Math.max(0, Math.min(this.shortest, Math.floor(maxAge)));
  }

  /** Records an entity once, however many of its fields were resolved. */
  addEntity(entity: object, policy: TypeCachePolicy<object>) {
    if (this.seen.has(entity)) return;
    this.seen.add(entity);
    this.unfolded.push({ entity, policy });
  }

  private fold() {
    if (this.unfolded.length === 0) return;
    const entities = this.unfolded;
    this.unfolded = [];
    for (const { entity, policy } of entities) {
      const { maxAge } = policy;
      this.add(policy.tags(entity), typeof maxAge === 'number' ? maxAge : maxAge(entity, this.now));
    }
  }
}

/**
 * `extensions.cache` on an object type: the tag of each entity of that type, and its lifetime in
 * seconds (a function of the row and the request's clock when it depends on them).
 */
export interface TypeCachePolicy<Row = never> {
  tags: (row: Row) => string[];
  maxAge: number | ((row: Row, now: number) => number);
}

/** `extensions.cache` on a field: the lists it reads (a channel's feed) and their lifetime. */
export interface FieldCachePolicy<Args = never, Parent = never> {
  tags: (args: Args, parent: Parent) => string[];
  maxAge?: number;
  /** Lifetime of a `null` answer (a lookup that found nothing), if shorter. */
  missMaxAge?: number;
}

interface HintedContext {
  cache?: CacheHints;
}

type AnyTypePolicy = TypeCachePolicy<object>;
type AnyFieldPolicy = FieldCachePolicy<Record<string, unknown>, unknown>;

type Resolver = GraphQLFieldResolver<unknown, HintedContext>;

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

/** The entities a resolved value holds: a row, a list of rows (of lists), or nothing. */
function eachEntity(value: unknown, visit: (entity: object) => void) {
  if (Array.isArray(value)) for (const item of value) eachEntity(item, visit);
  else if (value && typeof value === 'object') visit(value);
}

/** What the value of a field returns resolves to, so it can be recorded with its type's policy. */
function recorder(
  type: GraphQLNamedType,
): ((value: unknown, hints: CacheHints, context: unknown, info: GraphQLResolveInfo) => unknown) | null {
  if (isObjectType(type)) {
    const policy = type.extensions?.cache as AnyTypePolicy | undefined;
    return policy ? (value, hints) => eachEntity(value, (entity) => hints.addEntity(entity, policy)) : null;
  }
  if (!isAbstractType(type)) return null;
  // An interface or union (Node): which policy applies is known once each value's type is.
  return (value, hints, context, info) =>
    eachEntity(value, (entity) => {
      const typename = type.resolveType?.(entity, context, info, type);
      const record = (name: unknown) => {
        const concrete = typeof name === 'string' ? info.schema.getType(name) : undefined;
        const policy = concrete?.extensions?.cache as AnyTypePolicy | undefined;
        if (policy) hints.addEntity(entity, policy);
      };
      return isThenable(typename) ? Promise.resolve(typename).then(record) : record(typename);
    });
}

/**
 * Wraps the resolvers of every field that returns something with a cache policy (`extensions.cache`
 * on its type) or declares one itself (on the field), so that executing an operation leaves
 * behind the tags and the lifetime of exactly what it read. An entity is recorded where it is
 * returned, once, not at each of its fields. Plain graphql-js, done once on the built schema: the
 * domains only declare their policies.
 */
export function applyCacheHints(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const fieldPolicy = field.extensions?.cache as AnyFieldPolicy | undefined;
      const record = recorder(getNamedType(field.type));
      if (!fieldPolicy && !record) continue;
      const resolve = field.resolve as Resolver | undefined;
      const missMaxAge = fieldPolicy?.missMaxAge;
      // Made once per field, not per resolution: most values are at hand, not promised.
      const settle = (value: unknown, hints: CacheHints, context: unknown, info: GraphQLResolveInfo) => {
        if (value == null && missMaxAge !== undefined) hints.add([], missMaxAge);
        if (record) record(value, hints, context, info);
        return value;
      };
      field.resolve = (parent, args, context, info) => {
        const hints = context.cache;
        if (hints && fieldPolicy) hints.add(fieldPolicy.tags(args, parent), fieldPolicy.maxAge);
        const result = resolve
          ? resolve(parent, args, context, info)
          : (parent as Record<string, unknown>)?.[info.fieldName];
        if (!hints) return result;
        // Drizzle's queries are thenables, not Promises.
        if (isThenable(result)) return Promise.resolve(result).then((value) => settle(value, hints, context, info));
        return settle(result, hints, context, info);
      };
    }
  }
  return schema;
}
