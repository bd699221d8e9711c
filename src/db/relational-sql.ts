import { fillPlaceholders, getColumns, is, Placeholder, sql } from 'drizzle-orm';
import { PgAsyncRelationalQuery } from 'drizzle-orm/pg-core';
import { LRUCache } from 'lru-cache';

/**
 * Drizzle builds a relational query's SQL from its config on every execution: a tenth of an
 * uncached read's CPU. The same config shape always builds the same SQL, so the build is
 * remembered by a key that names the config exactly, except the values a filter compares a text,
 * enum or integer column with: those are slots (`v0`, `v1`, … Drizzle placeholders) filled with
 * this query's values, so an article page is built once for every article, not once per article.
 * Anything else is named by value (limits, dates, booleans) or, for functions such as `extras`
 * and `RAW` filters, `sql` fragments and tables, by identity.
 *
 * A shape is checked the second time it is built: the SQL built with slots and filled must be
 * exactly the SQL built with the values, parameters included; a shape that differs is remembered
 * with its values in the key instead. Identity is only a sound key for an object seen before: a
 * closure made for one request (a `RAW` filter over a search's candidates) is new each time, so a
 * key naming an identity seen for the first time is not stored, and per-request closures never
 * fill the cache. A function kept at module level must build the same SQL on every call.
 */
export const RELATIONAL_SQL_BYTES = 8 * 2 ** 20;

/** A config nested deeper than this is built, not remembered. */
const MAX_DEPTH = 32;

/** Column types whose filter values reach the driver as they are (no encoder, no codec). */
const SLOT_COLUMNS = new Set(['PgText', 'PgVarchar', 'PgEnumColumn', 'PgInteger', 'PgSmallInt']);
/** Column operators comparing with one value. */
const SLOT_OPERATORS = new Set(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'notLike', 'notIlike']);

interface Built {
  builtQuery: { sql: string; params: unknown[] };
}

interface TableRelations {
  table: object;
  relations: Record<string, { targetTableName: string }>;
}

interface RelationalQueryInternals {
  schema: Record<string, TableRelations>;
  tableConfig: TableRelations;
  session: object;
  table: object;
  mode: string;
  config: unknown;
  _toSQL(): Built;
}

/** What one walk of a config found: the key, the config with slots, and the slots' values. */
interface Walk {
  /** False once an identity is named for the first time (the key is then not stored). */
  seen: boolean;
  /** Whether filter values go to slots (false: named by value, for a shape that failed its check). */
  slots: boolean;
  values: Record<string, string | number>;
  count: number;
}

/** A remembered build: `built` holds slots when `slotted`; `exact` marks a shape that failed its check. */
interface Entry {
  built: Built;
  exact?: true;
}

const ids = new WeakMap<object, number>();
let lastId = 0;

/**
 * Counts for tests and the bench: builds answered from memory, builds done, shapes whose check
 * failed, and frozen `with` maps named from memory rather than walked.
 */
export const relationalSqlStats = { hits: 0, builds: 0, mismatches: 0, frozenRelations: 0 };

const built = new LRUCache<string, Entry>({
  maxSize: RELATIONAL_SQL_BYTES,
  sizeCalculation: (entry, key) => 2 * key.length + 6 * entry.built.builtQuery.sql.length + 512,
});

/**
 * Shapes with slots built once so far. A shape is checked and stored the second time it is built:
 * a feed page after a cursor (its date is in the key) is built once, and pays neither the second
 * build of the check nor an entry that would push out the shapes that repeat.
 */
const seenOnce = new LRUCache<string, true>({
  maxSize: 2 ** 20,
  sizeCalculation: (_seen, key) => 2 * key.length + 64,
});

function identity(value: object, walk: Walk): number {
  let id = ids.get(value);
  if (id === undefined) {
    lastId += 1;
    id = lastId;
    ids.set(value, id);
    walk.seen = false;
  }
  return id;
}

/** An object literal (or one without a prototype): walked entry by entry, not named by identity. */
function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A value a slot can take: text or a finite number. */
function slottable(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** The table `name` leads to from `table`, when it is one of its relations. */
function relatedTable(
  table: TableRelations,
  name: string,
  query: RelationalQueryInternals,
): TableRelations | undefined {
  const relation = Object.hasOwn(table.relations, name) ? table.relations[name] : undefined;
  return relation && query.schema[relation.targetTableName];
}

/** A value in a slot: its key names only its type; `out` gets the placeholder. */
function slot(value: string | number, walk: Walk): { key: string; out: Placeholder } {
  const name = `v${walk.count}`;
  walk.count += 1;
  walk.values[name] = value;
  return { key: typeof value === 'string' ? '?s' : '?n', out: sql.placeholder(name) };
}

type Keyed = { key: string; out: unknown } | undefined;

/** Names `value` exactly (no slots), returning it unchanged. */
function plain(value: unknown, walk: Walk, depth: number): Keyed {
  // Keys are short: a config names dozens of columns, and the lookup hashes the whole key.
  if (value === null) return { key: 'N', out: value };
  switch (typeof value) {
    case 'string':
      // Length-prefixed: unambiguous, and cheaper than quoting.
      return { key: `s${value.length}:${value}`, out: value };
    case 'boolean':
      return { key: value ? 't' : 'f', out: value };
    case 'number':
      return { key: `n${value}`, out: value };
    case 'bigint':
      return { key: `b${value}`, out: value };
    case 'undefined':
      return { key: 'u', out: value };
    case 'function':
      return { key: `#${identity(value, walk)}`, out: value };
    case 'object': {
      if (depth > MAX_DEPTH) return undefined;
      if (value instanceof Date) return { key: `D${value.getTime()}`, out: value };
      // A caller's own placeholder is filled by its own `execute(values)`: such a query is built as is.
      if (is(value, Placeholder)) return undefined;
      if (Array.isArray(value)) return list(value, (item) => plain(item, walk, depth + 1));
      if (!isPlain(value)) return { key: `#${identity(value, walk)}`, out: value };
      return entries(value, (_name, item) => plain(item, walk, depth + 1));
    }
    default:
      return undefined;
  }
}

/** An object whose entries are keyed by `entry`, copied only when an entry changed. */
function entries(
  value: Record<string, unknown>,
  entry: (name: string, item: unknown) => Keyed,
): { key: string; out: Record<string, unknown> } | undefined {
  let key = '{';
  let out: Record<string, unknown> | undefined;
  for (const name in value) {
    const item = value[name];
    const keyed = entry(name, item);
    if (!keyed) return undefined;
    key += `${name.length}:${name}=${keyed.key},`;
    if (keyed.out !== item) out ??= { ...value };
    if (out) out[name] = keyed.out;
  }
  return { key: `${key}}`, out: out ?? value };
}

function list(value: unknown[], item: (element: unknown) => Keyed): { key: string; out: unknown[] } | undefined {
  let key = '[';
  let out: unknown[] | undefined;
  for (let i = 0; i < value.length; i += 1) {
    // A hole is not `undefined` to Drizzle (`map` keeps it): such a query is built as is.
    if (!(i in value)) return undefined;
    const element = value[i];
    const keyed = item(element);
    if (!keyed) return undefined;
    key += `${keyed.key},`;
    if (keyed.out !== element) out ??= value.slice();
    if (out) out[i] = keyed.out;
  }
  return { key: `${key}]`, out: out ?? value };
}

/** A column's filter: a value compared for equality, or an object of operators. */
function columnFilter(filter: unknown, slotted: boolean, walk: Walk, depth: number): Keyed {
  if (slotted && slottable(filter)) return slot(filter, walk);
  if (!isPlain(filter) || depth > MAX_DEPTH) return plain(filter, walk, depth);
  return entries(filter, (name, value) => {
    if (name === 'OR' || name === 'AND') {
      return Array.isArray(value) ? list(value, (sub) => columnFilter(sub, slotted, walk, depth + 1)) : undefined;
    }
    if (name === 'NOT') return columnFilter(value, slotted, walk, depth + 1);
    if (slotted && SLOT_OPERATORS.has(name) && slottable(value)) return slot(value, walk);
    return plain(value, walk, depth + 1);
  });
}

/** A `where` of `table`: columns, relations (the related table's filter), AND/OR/NOT and RAW. */
function whereOf(
  filter: unknown,
  table: TableRelations,
  query: RelationalQueryInternals,
  walk: Walk,
  depth: number,
): Keyed {
  if (!isPlain(filter) || depth > MAX_DEPTH) return plain(filter, walk, depth);
  const columns = getColumns(table.table as never) as Record<string, { columnType: string } | undefined>;
  return entries(filter, (name, value) => {
    if (name === 'OR' || name === 'AND') {
      return Array.isArray(value) ? list(value, (sub) => whereOf(sub, table, query, walk, depth + 1)) : undefined;
    }
    if (name === 'NOT') return whereOf(value, table, query, walk, depth + 1);
    const column = Object.hasOwn(columns, name) ? columns[name] : undefined;
    if (column) return columnFilter(value, walk.slots && SLOT_COLUMNS.has(column.columnType), walk, depth + 1);
    const target = relatedTable(table, name, query);
    return target ? whereOf(value, target, query, walk, depth + 1) : plain(value, walk, depth + 1);
  });
}

/**
 * The part of a key a frozen `with` map was walked to, per table and per kind of walk. A frozen
 * map is taken as unchanging, what it holds included: plugin-drizzle's plans hand every request
 * the same frozen relations (patches/@pothos+plugin-drizzle), whose arguments are the plan's
 * constants, shared between requests already. Only a walk that filled no slot and named no
 * identity for the first time is kept: its key stands for the map whatever the request.
 */
const frozenRelations = { slots: new WeakMap<object, FrozenWalk>(), values: new WeakMap<object, FrozenWalk>() };

interface FrozenWalk {
  table: TableRelations;
  key: string;
}

/** A `with` map of `table`: each relation's config, walked as a config of the table it targets. */
function relationsOf(
  value: Record<string, unknown>,
  table: TableRelations,
  query: RelationalQueryInternals,
  walk: Walk,
  depth: number,
): Keyed {
  const memo = Object.isFrozen(value) ? frozenRelations[walk.slots ? 'slots' : 'values'] : undefined;
  const known = memo?.get(value);
  if (known?.table === table) {
    relationalSqlStats.frozenRelations += 1;
    return { key: known.key, out: value };
  }
  const { seen, count } = walk;
  walk.seen = true;
  const keyed = entries(value, (relationName, sub) => {
    const target = relatedTable(table, relationName, query);
    return target ? configOf(sub, target, query, walk, depth + 1) : plain(sub, walk, depth + 1);
  });
  const constant = walk.seen && walk.count === count;
  walk.seen &&= seen;
  if (memo && keyed && constant && keyed.out === value) memo.set(value, { table, key: keyed.key });
  return keyed;
}

/** A query config of `table` (`where`, and `with` for its relations); the rest named by value. */
function configOf(
  config: unknown,
  table: TableRelations,
  query: RelationalQueryInternals,
  walk: Walk,
  depth: number,
): Keyed {
  if (!isPlain(config) || depth > MAX_DEPTH) return plain(config, walk, depth);
  return entries(config, (name, value) => {
    if (name === 'where') return whereOf(value, table, query, walk, depth + 1);
    if (name === 'with' && isPlain(value)) return relationsOf(value, table, query, walk, depth + 1);
    if (name === 'columns') return columnsOf(value) ?? plain(value, walk, depth + 1);
    return plain(value, walk, depth + 1);
  });
}

/** `columns: { id: true, title: true, … }`, the bulk of a config, named by its keys in one native call. */
function columnsOf(value: unknown): Keyed {
  if (!isPlain(value)) return undefined;
  const names = Object.keys(value);
  for (const name of names) if (value[name] !== true) return undefined;
  return { key: `c${JSON.stringify(names)}`, out: value };
}

function walkOf(query: RelationalQueryInternals, slots: boolean) {
  const walk: Walk = { seen: true, slots, values: {}, count: 0 };
  const keyed = configOf(query.config, query.tableConfig, query, walk, 0);
  if (!keyed) return undefined;
  // The relations and the driver's codecs shape the SQL too. A Drizzle client is made per request,
  // with a dialect of its own, so the driver is named by its session's class (each driver has its
  // own codecs) and the relations by the object every client of a source shares.
  const key = `${identity(query.schema, walk)}.${identity(Object.getPrototypeOf(query.session), walk)}.${identity(query.table, walk)}${query.mode}${slots ? 'slots' : 'values'}${keyed.key}`;
  return { key, walk, config: keyed.out };
}

/** `built` with its slots filled with `values`. */
function filled(entry: Built, values: Record<string, unknown>): Built {
  return { ...entry, builtQuery: { ...entry.builtQuery, params: fillPlaceholders(entry.builtQuery.params, values) } };
}

function sameBuild(a: Built, b: Built): boolean {
  const [x, y] = [a.builtQuery, b.builtQuery];
  return x.sql === y.sql && x.params.length === y.params.length && x.params.every((p, i) => Object.is(p, y.params[i]));
}

let installed = false;

/** Makes every relational query (`db.query.*.findFirst/findMany`) remember the SQL it builds. */
export function rememberRelationalSql(): void {
  if (installed) return;
  const proto = PgAsyncRelationalQuery.prototype as unknown as RelationalQueryInternals;
  const build = proto._toSQL;
  // An internal of drizzle-orm's: fail loudly when an upgrade renames it.
  if (typeof build !== 'function') throw new Error('drizzle-orm: PgAsyncRelationalQuery._toSQL is gone');
  installed = true;
  proto._toSQL = function rememberedToSql(this: RelationalQueryInternals): Built {
    const slotted = walkOf(this, true);
    const hit = slotted && built.get(slotted.key);
    if (hit && !hit.exact) {
      relationalSqlStats.hits += 1;
      return slotted.walk.count === 0 ? hit.built : filled(hit.built, slotted.walk.values);
    }
    // A shape that failed its check: remembered with its values.
    const exact = hit ? walkOf(this, false) : undefined;
    if (exact) {
      const known = built.get(exact.key);
      if (known) {
        relationalSqlStats.hits += 1;
        return known.built;
      }
    }
    relationalSqlStats.builds += 1;
    const result = build.call(this);
    if (exact) {
      if (exact.walk.seen) built.set(exact.key, { built: result });
      return result;
    }
    if (!slotted?.walk.seen) return result;
    if (slotted.walk.count === 0) {
      built.set(slotted.key, { built: result });
      return result;
    }
    if (!seenOnce.has(slotted.key)) {
      seenOnce.set(slotted.key, true);
      return result;
    }
    seenOnce.delete(slotted.key);
    // The shape's second build: with slots, checked against the build with the values.
    let withSlots: Built;
    let same: boolean;
    try {
      withSlots = build.call(
        Object.assign(Object.create(this) as RelationalQueryInternals, { config: slotted.config }),
      );
      same = sameBuild(filled(withSlots, slotted.walk.values), result);
    } catch {
      // Drizzle refused the shape with slots: this query keeps its own build.
      return result;
    }
    if (same) {
      built.set(slotted.key, { built: withSlots });
    } else {
      relationalSqlStats.mismatches += 1;
      built.set(slotted.key, { built: withSlots, exact: true });
    }
    return result;
  };
}
