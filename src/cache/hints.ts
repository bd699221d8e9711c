import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';

/** What one response contains, for the edge cache: its tags and how long it may be kept. */
export class CacheHints {
  readonly tags = new Set<string>();
  private shortest = Number.POSITIVE_INFINITY;
  private readonly seen = new WeakSet<object>();

  /** `defaultMaxAge` covers responses that touched nothing with a policy (`{ __typename }`). */
  constructor(
    readonly now: number,
    readonly defaultMaxAge = 300,
  ) {}

  /** Seconds; the shortest lifetime of anything the response contains. */
  get maxAge(): number {
    return Number.isFinite(this.shortest) ? this.shortest : this.defaultMaxAge;
  }

  add(tags: Iterable<string>, maxAge?: number) {
    for (const tag of tags) this.tags.add(tag);
    if (maxAge !== undefined) this.shortest = Math.max(0, Math.min(this.shortest, Math.floor(maxAge)));
  }

  /** Records an entity once, however many of its fields were resolved. */
  addEntity(entity: object, tags: () => Iterable<string>, maxAge?: () => number) {
    if (this.seen.has(entity)) return;
    this.seen.add(entity);
    this.add(tags(), maxAge?.());
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

/**
 * Wraps the resolvers of every field whose type or parent type declares `extensions.cache`, so
 * that executing an operation leaves behind the tags and the lifetime of exactly what it read.
 * Plain graphql-js, done once on the built schema: the domains only declare their policies.
 */
export function applyCacheHints(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typePolicy = type.extensions?.cache as AnyTypePolicy | undefined;
    for (const field of Object.values(type.getFields())) {
      const fieldPolicy = field.extensions?.cache as AnyFieldPolicy | undefined;
      if (!typePolicy && !fieldPolicy) continue;
      const resolve = field.resolve as GraphQLFieldResolver<unknown, HintedContext> | undefined;
      field.resolve = (parent, args, context, info) => {
        const hints = context.cache;
        if (hints) {
          if (typePolicy && parent && typeof parent === 'object') {
            const { maxAge } = typePolicy;
            hints.addEntity(
              parent,
              () => typePolicy.tags(parent),
              () => (typeof maxAge === 'number' ? maxAge : maxAge(parent, hints.now)),
            );
          }
          if (fieldPolicy) hints.add(fieldPolicy.tags(args, parent), fieldPolicy.maxAge);
        }
        const result = resolve
          ? resolve(parent, args, context, info)
          : (parent as Record<string, unknown>)?.[info.fieldName];
        const missMaxAge = fieldPolicy?.missMaxAge;
        if (hints && missMaxAge !== undefined) {
          return Promise.resolve(result).then((value) => {
            if (value == null) hints.add([], missMaxAge);
            return value;
          });
        }
        return result;
      };
    }
  }
  return schema;
}
