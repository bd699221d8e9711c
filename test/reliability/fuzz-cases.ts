// The schema-driven fuzz, shared by the Node test (test/reliability/fuzz.test.ts: PGlite, or Postgres
// with TEST_DATABASE_URL) and the workerd one (test/worker/fuzz.e2e.test.ts): the cases, what every
// answer to them must be, and the loop that sends them through whatever `send` reaches a gateway.
//
// Queries and variables generated from the schema itself (src/schema.ts): every root Query field
// with arguments drawn from its argument types (valid values taken from the seed data beside
// hostile ones: huge and fractional numbers, NUL and lone surrogates, very long strings, malformed
// ids, cursors and dates), selections of scalar leaves a few levels deep, literals or variables,
// over GET and POST, anonymous and with the editor token; and a share of malformed requests. The
// database is up throughout, so whatever is sent the gateway must answer without a 5xx, without
// INTERNAL_SERVER_ERROR, with a code on every error, without SQL, stack traces, file paths or host
// names; a valid case must succeed, a bad value must be refused, a string with NUL or a lone
// surrogate must never reach SQL, `nodes(ids:)` must answer each id on its own.
//
// Requests are addressed to http://gateway.test/graphql; a `send` over real HTTP rewrites the origin.
import {
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { expect } from 'vitest';
import { schema } from '../../src/schema';

/** The sequence `npm test` runs (FUZZ_SEED picks another). */
export const DEFAULT_SEED = 20_240_315;

/** The bearer token the gateway under test must take as the editor's. */
export const EDITOR_TOKEN = 'fuzz-editor-token';
export const REFERENCE_PATH = '/yaowen/shandong/20240315/sdwchy.html';

// ---------------------------------------------------------------------------------------------
// A small seeded PRNG (mulberry32): the same seed, the same cases.

export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
  };
}
export type Random = ReturnType<typeof prng>;

// ---------------------------------------------------------------------------------------------
// Values, with what the gateway must make of them.

/**
 * `valid`: the gateway must answer with data and no error; `bad`: it must refuse with an error;
 * `odd`: anything clean will do (an empty list, null, an error with a code).
 */
type Verdict = 'valid' | 'bad' | 'odd';

/** JSON text sent as it is (numbers JSON.stringify cannot write, like 1e400). */
class RawJson {
  constructor(readonly text: string) {}
}

/** An enum value: a bare name in a literal, a string in the variables. */
class EnumName {
  constructor(readonly name: string) {}
}

/** A string to be written in a GraphQL literal with braced escapes (`\u{0}`), as GraphQL 16 allows. */
class BracedEscapes {
  constructor(readonly value: string) {}
}

interface Value {
  value: unknown;
  verdict: Verdict;
  /** Holds NUL or an unpaired surrogate once decoded: must be refused before any SQL. */
  unfit?: boolean;
  /** For ids: what `node`, `nodes` and `article` must answer. */
  id?: IdClass;
  /** For a list of ids: each one. */
  items?: Value[];
}

/** What an id names: a published row of that type, no row, or nothing an id can name. */
type Typename = 'Article' | 'Channel' | 'Tag';
type IdClass = { kind: 'row'; typename: Typename } | { kind: 'missing' } | { kind: 'malformed' };

const valid = (value: unknown): Value => ({ value, verdict: 'valid' });
const bad = (value: unknown, extra: Partial<Value> = {}): Value => ({ value, verdict: 'bad', ...extra });
const odd = (value: unknown, extra: Partial<Value> = {}): Value => ({ value, verdict: 'odd', ...extra });

/** Strings no part of the API expects; none of them contains what the leak checks look for. */
const HOSTILE_STRINGS: Value[] = [
  odd(''),
  odd(' '),
  odd('\t\n\r'),
  odd('%'),
  odd('%%25'),
  odd('_'),
  odd('\\'),
  odd("'"),
  odd('"'),
  odd("' OR '1'='1"),
  odd("'; DROP TABLE articles; --"),
  odd('$1'),
  odd('NaN'),
  odd('null'),
  odd('[object Object]'),
  odd('../../etc/passwd'),
  odd('/yaowen/../../x.html'),
  odd('javascript:alert(1)'),
  odd('http://[::1'),
  odd('%E0%A4%A'),
  odd('%C0%80'),
  odd('%ED%A0%80'),
  odd('😀'),
  odd('\u202e\ufeff\u200d'),
  odd('\u0085\u2028'),
  odd('乡村振兴'.repeat(200)),
  odd('x'.repeat(513)),
  odd('y'.repeat(5_000)),
  odd('z'.repeat(70_000)),
  bad('\0', { unfit: true }),
  bad('a\0b', { unfit: true }),
  bad('\ud800', { unfit: true }),
  bad('x\udfffy', { unfit: true }),
  bad('😀'.slice(0, 1), { unfit: true }),
  bad(`${'\0'.repeat(3)}\ud83d`, { unfit: true }),
  // Written into a literal as `\u{0}`: a NUL the request's text does not show as `\u0000`.
  bad(new BracedEscapes('a\0b'), { unfit: true }),
];

const HOSTILE_INTS: Value[] = [
  bad(0),
  bad(-1),
  bad(101),
  bad(1_000),
  bad(2_147_483_647),
  bad(2_147_483_648),
  bad(-2_147_483_649),
  bad(1.5),
  bad(-0.5),
  bad(1e20),
  bad(new RawJson('9007199254740993')),
  bad(new RawJson('1e400')),
  bad(new RawJson('-1e400')),
  // JSON reads it as 1; a literal as a Float.
  odd(new RawJson('1.0000000000000000001')),
  bad('7'),
  bad(true),
  bad([1]),
  bad({ n: 1 }),
];

const VALID_DATES = [
  '2024-03-15',
  '2024-03-15T19:05:37+08:00',
  '2024-03-15T11:05:37Z',
  '2024-03-15T19:05:37.5+08:00',
  '2024-03-15T19:05:37.123456789-05:30',
  '2023-01-01T00:00:00-05:00',
  '1970-01-01T00:00:00Z',
  '2038-01-19T03:14:08Z',
  '2099-12-31',
  // The first and last moments a DateTime can hold (years 0001 to 9999 in UTC).
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
];

const HOSTILE_DATES: Value[] = [
  bad('2024-02-30'),
  bad('2023-02-29'),
  bad('2024-13-01'),
  bad('2024-3-15'),
  bad('15/03/2024'),
  bad('2024-03-15T19:05:37'),
  bad('2024-03-15T25:00:00Z'),
  bad('2024-03-15T19:60:00Z'),
  bad('2024-03-15 19:05:37+08:00'),
  bad('2024-03-15T19:05:37.1234567891+08:00'),
  bad(''),
  bad('now'),
  bad('+275760-09-13T00:00:00Z'),
  bad('-000001-01-01T00:00:00Z'),
  bad(1_710_500_737_000),
  bad(true),
  bad(['2024-03-15']),
  // Well-formed, but outside years 0001 to 9999 in UTC (10000, 0), which Postgres cannot read as
  // the driver writes them.
  bad('9999-12-31T23:59:59-14:00'),
  bad('0000-06-01T00:00:00Z'),
  bad('0001-01-01T00:00:00+14:00'),
];

const cursorOf = (text: string) => btoa(text);

const HOSTILE_CURSORS: Value[] = [
  bad(''),
  bad('abc'),
  bad('!!!!'),
  bad('REM6VDpbIkQ6MTcx'),
  bad(cursorOf('DC:T:')),
  bad(cursorOf('DC:T:[]')),
  bad(cursorOf('DC:T:["D:1"]')),
  bad(cursorOf('DC:T:["N:1","D:1"]')),
  bad(cursorOf('DC:T:["D:-1","N:1"]')),
  bad(cursorOf('DC:T:["D:1","N:0"]')),
  bad(cursorOf('DC:T:["D:1","N:2147483648"]')),
  bad(cursorOf('DC:T:["D:01","N:1"]')),
  bad(cursorOf('DC:T:["D:1.5","N:1"]')),
  bad(cursorOf('DC:T:["D:1","N:1","N:2"]')),
  bad(cursorOf('DC:T:[1,2]')),
  bad(cursorOf('DC:T:{"D":1}')),
  bad(cursorOf('DC:T:["D:1","N:1"')),
  bad(cursorOf('XX:T:["D:1","N:1"]')),
  bad('A'.repeat(10_000)),
  bad(7),
  odd(cursorOf('DC:T:["D:0","N:1"]')),
  odd(cursorOf('DC:T:["D:253402300799999","N:2147483647"]')),
  // Dates past 9999-12-31T23:59:59.999Z.
  bad(cursorOf('DC:T:["D:253402300800000","N:1"]')),
  bad(cursorOf('DC:T:["D:8640000000000000","N:1"]')),
];

const MALFORMED_IDS: string[] = [
  '',
  'abc',
  '1',
  '7',
  'Article:1',
  'QXJ0aWNsZTox=',
  'QXJ0aWNsZTox==',
  btoa('Article:0'),
  btoa('Article:-1'),
  btoa('Article:01'),
  btoa('Article:0x10'),
  btoa('Article:1e3'),
  btoa('Article:1.0'),
  btoa('Article: 1'),
  btoa('Article:2147483648'),
  btoa('Article:99999999999999999999'),
  btoa('Article:'),
  btoa(':1'),
  btoa('article:1'),
  btoa('Site:1'),
  btoa('Query:1'),
  btoa('Foo:1'),
  btoa('Article:1:2'),
  btoa('Article'),
  'A'.repeat(10_000),
  '文章',
];

/** Ids the editor mutations are sent: none names a row, so nothing is ever written. */
const MISSING_IDS = [btoa('Article:999999'), btoa('Article:2147483647')];

/** What the seed data offers, read through the API before the cases run. */
export interface SeedData {
  articles: { id: string; path: string }[];
  channels: { id: string; path: string }[];
  tags: { id: string; name: string }[];
  cursors: string[];
}

/** An id for a field expecting one of `typenames`: a row's, or one naming no row, another type or nothing. */
function anId(random: Random, seed: SeedData, typenames: readonly Typename[], hostile: boolean): Value {
  const rowOf = (typename: Typename) =>
    typename === 'Article'
      ? random.pick(seed.articles)
      : typename === 'Channel'
        ? random.pick(seed.channels)
        : random.pick(seed.tags);
  if (!hostile) {
    const typename = random.pick(typenames);
    return { ...valid(rowOf(typename).id), id: { kind: 'row', typename } };
  }
  const roll = random.next();
  if (roll < 0.25) {
    const typename = random.pick(typenames);
    return { ...valid(btoa(`${typename}:${random.pick([999_999, 123_456, 2_147_483_647])}`)), id: { kind: 'missing' } };
  }
  if (roll < 0.35 && typenames.length === 1) {
    // An id of another type where an Article is expected: refused, at its place.
    return { ...bad(random.pick([...seed.channels, ...seed.tags]).id), id: { kind: 'malformed' } };
  }
  if (roll < 0.4) return { ...bad(`${random.pick(seed.articles).id}\0`, { unfit: true }), id: { kind: 'malformed' } };
  if (roll < 0.45) return odd(random.pick(HOSTILE_INTS).value);
  return { ...bad(random.pick(MALFORMED_IDS)), id: { kind: 'malformed' } };
}

/**
 * The arguments whose valid values this test knows (from the seed data): a value for any other
 * (a module added since, an input field) is generated by its type alone, so whether it is valid is
 * not known: only a string with NUL or a lone surrogate is known to be bad there.
 */
const KNOWN_ARGUMENTS = new Set([
  'article.id',
  'node.id',
  'nodes.ids',
  'articleByPath.path',
  'channel.path',
  'related.first',
  ...['channel', 'tag', 'first', 'last', 'after', 'before', 'publishedAfter', 'publishedBefore'].map(
    (arg) => `articles.${arg}`,
  ),
]);

/** Values for an argument, from its field, its name and its type. */
function valueFor(random: Random, seed: SeedData, field: string, arg: string, type: GraphQLInputType): Value {
  const value = valueOfType(random, seed, field, arg, type);
  if (KNOWN_ARGUMENTS.has(`${field}.${arg}`) || value.verdict === 'odd' || value.unfit) return value;
  return { ...value, verdict: 'odd' };
}

function valueOfType(random: Random, seed: SeedData, field: string, arg: string, type: GraphQLInputType): Value {
  const hostile = random.chance(0.4);
  const named = getNamedType(type);
  if (named.name === 'ID') {
    const expected = field === 'article' ? (['Article'] as const) : (['Article', 'Channel', 'Tag'] as const);
    const one = (): Value => anId(random, seed, expected, hostile || random.chance(0.2));
    if (isListType(isNonNullType(type) ? type.ofType : type)) {
      const count = random.chance(0.05) ? random.pick([0, 100, 101, 250]) : random.int(1, 6);
      const items = Array.from({ length: count }, one);
      const verdicts = items.map((item) => item.verdict);
      return {
        value: items.map((item) => item.value),
        verdict: count > 100 || verdicts.includes('bad') ? 'bad' : verdicts.includes('odd') ? 'odd' : 'valid',
        unfit: items.some((item) => item.unfit),
        ...(count <= 100 && { items }),
      };
    }
    return one();
  }
  if (named.name === 'Int') {
    if (hostile) {
      const chosen = random.pick(HOSTILE_INTS);
      // `related(first:)` is clamped to 1-6, and goes unread when its article is null: an Int there is odd, not bad.
      const int32 = Number.isInteger(chosen.value) && Math.abs(chosen.value as number) < 2 ** 31;
      return field === 'related' && int32 ? odd(chosen.value) : chosen;
    }
    return valid(
      arg === 'first' && field === 'related'
        ? random.int(1, 6)
        : random.chance(0.05)
          ? 100
          : random.pick([1, 2, 3, 5, 10]),
    );
  }
  if (named.name === 'DateTime') return hostile ? random.pick(HOSTILE_DATES) : valid(random.pick(VALID_DATES));
  if (arg === 'after' || arg === 'before') {
    return hostile ? random.pick(HOSTILE_CURSORS) : valid(random.pick(seed.cursors));
  }
  if (named.name === 'String') {
    if (hostile) {
      const chosen = random.pick(HOSTILE_STRINGS);
      if (field === 'articleByPath' && random.chance(0.2)) {
        // A path whose percent-escapes decode to NUL: no article has it (null, or BAD_USER_INPUT).
        return odd(random.pick(['/%00.html', `${REFERENCE_PATH}%00`, '/yaowen/%00/x.html']));
      }
      return chosen;
    }
    if (field === 'articleByPath') {
      const article = random.pick(seed.articles);
      return valid(
        random.pick([
          REFERENCE_PATH,
          article.path,
          `https://www.lcxw.cn${article.path}?from=timeline#top`,
          '/yaowen/nowhere/20240101/none.html',
        ]),
      );
    }
    if (field === 'channel' || arg === 'channel') {
      const path = random.pick(seed.channels).path;
      return valid(random.pick([path, `/${path}/`, 'yaowen', 'nowhere']));
    }
    if (arg === 'tag') return valid(random.pick([...seed.tags.map((tag) => tag.name), '没有这个标签']));
    return valid(random.pick(['聊城', 'Liaocheng', '2024 年', 'a-b_c']));
  }
  if (isEnumType(named)) {
    return hostile
      ? bad(random.pick(['NOPE', 'story', 1, '']))
      : valid(new EnumName(random.pick(named.getValues()).name));
  }
  if (isInputObjectType(named)) {
    const fields = Object.values(named.getFields());
    const chosen = fields.filter(() => random.chance(0.4));
    const entries = chosen.map((input) => [input.name, valueFor(random, seed, field, input.name, input.type)] as const);
    const verdicts = entries.map(([, v]) => v.verdict);
    return {
      value: Object.fromEntries(entries.map(([name, v]) => [name, v.value])),
      verdict: verdicts.includes('bad') ? 'bad' : verdicts.includes('odd') ? 'odd' : 'valid',
      unfit: entries.some(([, v]) => v.unfit),
    };
  }
  if (isScalarType(named) && named.name === 'Boolean') return hostile ? bad('true') : valid(random.chance(0.5));
  return odd(null);
}

// ---------------------------------------------------------------------------------------------
// Documents.

/** A GraphQL literal for a value (strings as JSON, which GraphQL reads the same way). */
function literal(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof EnumName) return value.name;
  if (value instanceof BracedEscapes) {
    const body = [...value.value].map((c) => (c === '\0' ? '\\u{0}' : c === '"' || c === '\\' ? `\\${c}` : c)).join('');
    return `"${body}"`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literal(v)}`)
      .join(', ')}}`;
  }
  return 'null';
}

/** JSON text for the variables, with RawJson written as it is (BracedEscapes as their string). */
function jsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof EnumName) return JSON.stringify(value.name);
  if (value instanceof BracedEscapes) return JSON.stringify(value.value);
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The type of an argument as a variable declares it: `[ID!]!`, `DateTime`, … */
function typeText(type: GraphQLInputType): string {
  if (isNonNullType(type)) return `${typeText(type.ofType)}!`;
  if (isListType(type)) return `[${typeText(type.ofType)}]`;
  return (type as GraphQLNamedType).name;
}

interface Built {
  text: string;
  values: Value[];
  /** Argument uses of ids, to check what node, nodes and article answered. */
  idChecks: { alias: string; field: string; value: Value }[];
  /** It selects a field only the editor may read. */
  editorOnly?: boolean;
}

type ArgumentText = (field: string, arg: GraphQLArgument) => string;

/**
 * A selection set on `type`: a few fields each level (scalar leaves, objects while `depth` lasts;
 * connections and edges cost no depth), fragments on unions and interfaces (their fields aliased
 * by type, as two types may name one field differently), at most `budget.fields` fields in all:
 * cases stay cheap enough for thousands of them.
 */
/** What a generated selection may still spend, and whether it asked for an editor-only field. */
interface Budget {
  fields: number;
  editorOnly?: boolean;
}

/** A field only the editor may read (scope-auth's `authScopes`): anonymous callers get UNAUTHENTICATED. */
const editorOnly = (field: { extensions?: unknown }) =>
  !!(field.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions?.authScopes;

function selection(random: Random, type: GraphQLOutputType, depth: number, args: ArgumentText, budget: Budget): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named) || isInterfaceType(named)) {
    const members = isUnionType(named) ? named.getTypes() : schema.getImplementations(named).objects;
    const own = isInterfaceType(named) ? ` ${fieldsOf(random, named, depth, args, budget)}` : '';
    const fragments = members
      .filter(() => random.chance(0.4))
      .map(
        (member) => ` ... on ${member.name} { ${fieldsOf(random, member, depth, args, budget, `${member.name}_`)} }`,
      );
    return `{ __typename${own}${fragments.join('')} }`;
  }
  if (isObjectType(named)) return `{ ${fieldsOf(random, named, depth, args, budget)} }`;
  return '';
}

function fieldsOf(
  random: Random,
  parent: GraphQLObjectType | GraphQLInterfaceType,
  depth: number,
  args: ArgumentText,
  budget: Budget,
  alias = '',
): string {
  const wrapper = /(Connection|Edge)$/.test(parent.name);
  const candidates = Object.values(parent.getFields());
  const chosen: string[] = [];
  for (let wanted = random.int(1, 4); wanted > 0 && candidates.length && budget.fields > 0; wanted--) {
    const [field] = candidates.splice(random.int(0, candidates.length - 1), 1);
    if (!field) break;
    const leaf = isLeafType(getNamedType(field.type));
    if (!leaf && depth <= 0 && !wrapper) continue;
    budget.fields -= 1;
    if (editorOnly(field)) budget.editorOnly = true;
    const argText = field.args
      .filter((arg) => isNonNullType(arg.type) || random.chance(0.5))
      .map((arg) => args(field.name, arg))
      .join(', ');
    const sub = leaf ? '' : selection(random, field.type, wrapper ? depth : depth - 1, args, budget);
    chosen.push(
      `${alias ? `${alias}${field.name}: ` : ''}${field.name}${argText ? `(${argText})` : ''}${sub ? ` ${sub}` : ''}`,
    );
  }
  return chosen.length ? chosen.join(' ') : '__typename';
}

/** One operation on 1-3 root Query fields (or, now and then, an editor mutation that cannot write). */
function buildOperation(random: Random, seed: SeedData): Built & { variables: Record<string, unknown> | null } {
  const useVariables = random.chance(0.5);
  const declarations: string[] = [];
  const variables: Record<string, unknown> = {};
  const values: Value[] = [];
  const idChecks: Built['idChecks'] = [];
  let current: { alias: string; field: string } = { alias: '', field: '' };

  const argument = (field: string, arg: GraphQLArgument): string => {
    let value = valueFor(random, seed, field, arg.name, arg.type);
    // Connections take `first` or `last`, and a date range that is not empty: valid cases keep to that.
    values.push(value);
    if (value.id && current.field === field && (field === 'node' || field === 'article')) {
      idChecks.push({ ...current, value });
    }
    if (field === 'nodes' && arg.name === 'ids') idChecks.push({ ...current, value });
    if (useVariables && !(value.value instanceof BracedEscapes)) {
      const name = `v${declarations.length}`;
      // Now and then a variable declared with the wrong type.
      const declared = random.chance(0.03) ? random.pick(['String', 'Int', 'Float', '[String]', 'Boolean!']) : null;
      if (declared)
        value = values[values.length - 1] = { ...value, verdict: value.verdict === 'valid' ? 'odd' : value.verdict };
      declarations.push(`$${name}: ${declared ?? typeText(arg.type)}`);
      variables[name] = value.value;
      return `${arg.name}: $${name}`;
    }
    return `${arg.name}: ${literal(value.value)}`;
  };

  if (random.chance(0.06)) {
    // Editor mutations, only ever on ids that name no row or nothing at all: nothing is written.
    const mutations = schema.getMutationType()?.getFields() ?? {};
    const mutation = random.pick(
      ['publishArticle', 'retractArticle', 'updateArticle'].flatMap((name) => mutations[name] ?? []),
    );
    const id = random.chance(0.5) ? random.pick(MISSING_IDS) : random.pick(MALFORMED_IDS);
    const input =
      mutation.name === 'updateArticle'
        ? `, input: ${literal(valueFor(random, seed, 'updateArticle', 'input', mutation.args[1]?.type as GraphQLInputType).value)}`
        : '';
    values.push(odd(id));
    return {
      text: `mutation { m: ${mutation.name}(id: ${literal(id)}${input}) { status purgedTags } }`,
      variables: null,
      values,
      idChecks,
    };
  }

  const roots = Object.values(schema.getQueryType()?.getFields() ?? {});
  const count = random.chance(0.1) ? 3 : random.int(1, 2);
  const budget: Budget = { fields: 6 };
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const field = random.pick(roots);
    if (editorOnly(field)) budget.editorOnly = true;
    current = { alias: `f${i}`, field: field.name };
    const argTexts: string[] = [];
    const before = values.length;
    const chosenArgs = field.args.filter((arg) => isNonNullType(arg.type) || random.chance(0.4));
    for (const arg of chosenArgs) argTexts.push(argument(field.name, arg));
    const mine = values.slice(before);
    if (field.name === 'articles') {
      const names = chosenArgs.map((arg) => arg.name);
      // Both `first` and `last`, or an empty date range, are refused; not a valid case then.
      if (names.includes('first') && names.includes('last'))
        for (const v of mine) v.verdict = v.verdict === 'valid' ? 'odd' : v.verdict;
      const after = names.indexOf('publishedAfter');
      const before_ = names.indexOf('publishedBefore');
      if (after >= 0 && before_ >= 0) for (const v of mine) v.verdict = v.verdict === 'valid' ? 'odd' : v.verdict;
    }
    current = { alias: '', field: '' };
    const sub = selection(random, field.type, random.int(0, 2), argument, budget);
    // A connection asked for its __typename alone reads nothing: its page size (`first`, `last`) and
    // its arguments' types are still checked, a cursor's contents need not be. A malformed cursor
    // there may be answered with data: odd, not bad.
    if (field.name === 'articles' && sub === '{ __typename }') {
      chosenArgs.forEach((arg, index) => {
        const value = values[before + index];
        const cursor = arg.name === 'after' || arg.name === 'before';
        if (cursor && value?.verdict === 'bad' && typeof value.value === 'string') {
          values[before + index] = { ...value, verdict: 'odd' };
        }
      });
    }
    parts.push(`f${i}: ${field.name}${argTexts.length ? `(${argTexts.join(', ')})` : ''}${sub ? ` ${sub}` : ''}`);
  }
  const header = declarations.length ? `query Fuzz(${declarations.join(', ')})` : 'query Fuzz';
  return {
    text: `${header} { ${parts.join(' ')} }`,
    variables: useVariables ? variables : null,
    values,
    idChecks,
    editorOnly: !!budget.editorOnly,
  };
}

// ---------------------------------------------------------------------------------------------
// Requests.

export interface Case {
  number: number;
  request: Request;
  /** How the request reads, for failure messages (truncated). */
  shown: string;
  verdict: Verdict;
  unfit: boolean;
  /** For some malformed requests: the one answer that will do. */
  refusal?: Refusal;
  idChecks: Built['idChecks'];
  anonymousGet: boolean;
}

/** An error answer: its HTTP status, and the code of its one error. */
interface Refusal {
  status: number;
  code: string;
}

/** Malformed requests around a well-formed document: the transport's own edge values. */
function malformedRequest(
  random: Random,
  document: string,
): { request: Request; label: string; unfit: boolean; refusal?: Refusal } {
  const url = 'http://gateway.test/graphql';
  const query = encodeURIComponent(document);
  const post = (contentType: string | null, body: BodyInit, extra: Record<string, string> = {}) =>
    new Request(url, {
      method: 'POST',
      headers: { ...(contentType && { 'content-type': contentType }), ...extra },
      body,
    });
  const json = (body: string) => post('application/json', body);
  const doc = JSON.stringify(document);
  // A POST of a media type the gateway reads nowhere: 415, with an error a partner can act on.
  const unsupported = { refusal: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' } };
  const cases: [string, () => Request, { unfit?: boolean; refusal?: Refusal }?][] = [
    ['GET, variables not JSON', () => new Request(`${url}?query=${query}&variables=%7B`)],
    ['GET, variables an array', () => new Request(`${url}?query=${query}&variables=%5B1%5D`)],
    ['GET, an unknown operation name', () => new Request(`${url}?query=${query}&operationName=Nope`)],
    ['GET, no query', () => new Request(`${url}?variables=%7B%7D`)],
    ['GET, NUL in the query', () => new Request(`${url}?query=%7B%00%7D`), { unfit: true }],
    ['GET, 3,000 selections', () => new Request(`${url}?query=${encodeURIComponent('{ __typename } '.repeat(3_000))}`)],
    ['GET, unclosed nesting', () => new Request(`${url}?query=${encodeURIComponent('{ a: channels '.repeat(70))}`)],
    ['POST, JSON cut short', () => json('{')],
    ['POST, an empty batch', () => json('[]')],
    ['POST, a batch', () => json(`[{"query":${doc}}]`)],
    ['POST, a JSON string', () => json('"query"')],
    ['POST, variables a string', () => json(`{"query":${doc},"variables":"{}"}`)],
    [
      'POST, a lone surrogate in a variable',
      () => json(`{"query":${doc},"variables":{"v0":"\\ud800"}}`),
      { unfit: true },
    ],
    [
      'POST, NUL in a key of the extensions',
      () => json(`{"query":${doc},"extensions":{"a\\u0000":1}}`),
      { unfit: true },
    ],
    [
      'POST, variables 40 deep',
      () => json(`{"query":"{ channels { path } }","variables":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`),
    ],
    [
      'POST, a wrong persisted-query hash',
      () => json(`{"query":${doc},"extensions":{"persistedQuery":{"version":1,"sha256Hash":"00"}}}`),
    ],
    ['POST, an unknown parameter', () => json(`{"query":${doc},"bogus":1}`)],
    ['POST, a query that is a number', () => json('{"query":1}')],
    ['POST, a body past 64 KiB', () => json(`{"query":"${'x'.repeat(70_000)}"}`)],
    [
      'POST, bytes that are not UTF-8',
      () => post('application/json', new Uint8Array([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
    ],
    ['POST, text/plain', () => post('text/plain', document)],
    [
      'POST, text/plain with the CSRF header',
      () => post('text/plain', document, { 'x-graphql-csrf': '1' }),
      unsupported,
    ],
    ['POST, application/xml', () => post('application/xml', document), unsupported],
    ['POST, multipart', () => post('multipart/form-data; boundary=x', '--x--')],
    [
      'POST, multipart with the CSRF header',
      () => post('multipart/form-data; boundary=x', '--x--', { 'x-graphql-csrf': '1' }),
      unsupported,
    ],
    ['POST, no content type', () => post(null, new Blob([document]))],
    ['POST, application/graphql', () => post('application/graphql', document)],
    ['PUT', () => new Request(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' })],
    [
      'POST, a form with 1e400 in its variables',
      () => post('application/x-www-form-urlencoded', `query=${query}&variables=%7B%22v0%22%3A1e400%7D`),
    ],
  ];
  const [label, make, traits] = random.pick(cases);
  return { request: make(), label, unfit: !!traits?.unfit, ...(traits?.refusal && { refusal: traits.refusal }) };
}

export function buildCase(number: number, random: Random, seed: SeedData): Case {
  const built = buildOperation(random, seed);
  const editor = random.chance(0.25);
  const accept = random.pick(['application/graphql-response+json', 'application/json', '*/*']);
  const headers: Record<string, string> = { accept, ...(editor && { authorization: `Bearer ${EDITOR_TOKEN}` }) };
  const verdicts = built.values.map((v) => v.verdict);
  // An editor-only field asked anonymously is refused (UNAUTHENTICATED, a code): not a valid case then.
  if (built.editorOnly && !editor) verdicts.push('odd');
  const base = {
    number,
    verdict: (verdicts.includes('bad') ? 'bad' : verdicts.includes('odd') ? 'odd' : 'valid') as Verdict,
    unfit: built.values.some((v) => v.unfit),
    idChecks: built.idChecks,
  };
  if (random.chance(0.08)) {
    const malformed = malformedRequest(random, built.text);
    return {
      ...base,
      request: malformed.request,
      shown: `${malformed.label}, around: ${built.text.slice(0, 300)}`,
      verdict: 'odd',
      unfit: malformed.unfit,
      ...(malformed.refusal && { refusal: malformed.refusal }),
      idChecks: [],
      anonymousGet: false,
    };
  }
  const variablesText = built.variables ? jsonText(built.variables) : undefined;
  const get = random.chance(0.5) && !built.text.startsWith('mutation');
  let request: Request;
  if (get) {
    const search = new URLSearchParams({ query: built.text, ...(variablesText && { variables: variablesText }) });
    request = new Request(`http://gateway.test/graphql?${search}`, { headers });
  } else {
    const body = `{"query":${JSON.stringify(built.text)}${variablesText ? `,"variables":${variablesText}` : ''}}`;
    request = new Request('http://gateway.test/graphql', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body,
    });
  }
  const shown = `${get ? 'GET' : 'POST'}${editor ? ' (editor)' : ''} ${built.text.slice(0, 600)} ${variablesText?.slice(0, 400) ?? ''}`;
  return { ...base, request, shown, anonymousGet: get && !editor };
}

// ---------------------------------------------------------------------------------------------
// What every answer must be.

/** What no error may show: SQL, driver and ORM messages, stack frames, file paths, hosts. */
const LEAKS = [
  /\bselect\b[\s\S]{0,200}\bfrom\b/i,
  /relation "|column "|syntax error at|violates|invalid byte sequence|out of range: "/i,
  /DrizzleQueryError|Failed query|PostgresError|PGlite|node-postgres/i,
  /\bat \S+ \(|\.ts:\d+|\.js:\d+|node_modules|file:\/\/|\/work\/|\/tmp\//,
  /127\.0\.0\.1|localhost|postgres(ql)?:\/\/|:5432\b/i,
];

/** Refusals of a request that asks for too much, however valid its values. */
const LIMIT_CODES = new Set([
  'QUERY_TOO_COSTLY',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  'FIELD_REPEATED',
  'DOCUMENT_TOO_LARGE',
  'DOCUMENT_TOO_DEEP',
  'PAYLOAD_TOO_LARGE',
]);

/** What is wrong with an answer to a case: nothing when the list is empty. */
export function check(c: Case, status: number, text: string, serverTiming: string | null): string[] {
  const violations: string[] = [];
  const problem = (text: string) => violations.push(text);
  if (status >= 500) problem(`HTTP ${status}`);
  let body: { data?: any; errors?: { message?: unknown; path?: unknown[]; extensions?: { code?: unknown } }[] };
  try {
    body = JSON.parse(text);
  } catch {
    problem(`HTTP ${status} without a JSON body (no error code): ${JSON.stringify(text.slice(0, 200))}`);
    return violations;
  }
  const errors = Array.isArray(body.errors) ? body.errors : [];
  const statements = Number(/desc="(\d+) statements?"/.exec(serverTiming ?? '')?.[1] ?? Number.NaN);
  for (const error of errors) {
    const code = error.extensions?.code;
    if (typeof code !== 'string' || !code) problem(`an error without a code: ${JSON.stringify(error)}`);
    if (code === 'INTERNAL_SERVER_ERROR') problem(`INTERNAL_SERVER_ERROR at ${JSON.stringify(error.path)}`);
    else if (typeof error.message !== 'string' || error.message.length < 8 || error.message === 'Unexpected error.') {
      problem(`an error a partner cannot act on: ${JSON.stringify(error)}`);
    }
  }
  const errorText = JSON.stringify(errors);
  for (const leak of LEAKS) if (leak.test(errorText)) problem(`an error shows ${leak}: ${errorText.slice(0, 300)}`);
  // A valid request may still ask for more than a limit allows (cost, depth, aliases): refused with its code.
  const limited = errors.length > 0 && errors.every((error) => LIMIT_CODES.has(String(error.extensions?.code)));
  if (c.verdict === 'valid' && !limited && (errors.length || status !== 200 || !body.data)) {
    problem(`a valid request failed: HTTP ${status} ${errorText.slice(0, 300)}`);
  }
  if (c.verdict === 'bad' && !errors.length) problem('a bad value was accepted without an error');
  if (c.unfit && !(statements === 0 && errors.length > 0)) {
    problem(`a string with NUL or a lone surrogate reached SQL (${statements} statements)`);
  }
  if (c.refusal) {
    const codes = errors.map((error) => error.extensions?.code);
    if (status !== c.refusal.status || codes.length !== 1 || codes[0] !== c.refusal.code) {
      problem(`expected HTTP ${c.refusal.status} with ${c.refusal.code}: HTTP ${status} ${errorText.slice(0, 300)}`);
    }
  }

  // `node`, `nodes` and `article` answer each id on its own: the object, null, or an error at its place.
  if (body.data && !c.unfit) {
    for (const { alias, field, value } of c.idChecks) {
      const got = body.data[alias];
      if (got === undefined || got === null) continue;
      const items = field === 'nodes' ? value.items : [value];
      if (!items) continue;
      if (field === 'nodes' && (!Array.isArray(got) || got.length !== items.length)) {
        problem(`nodes answered ${Array.isArray(got) ? got.length : typeof got} entries for ${items.length} ids`);
        continue;
      }
      items.forEach((item, index) => {
        const id = item.id;
        if (!id) return;
        const answer = (field === 'nodes' ? (got as unknown[])[index] : got) as {
          id?: unknown;
          __typename?: unknown;
        } | null;
        const path = JSON.stringify(field === 'nodes' ? [alias, index] : [alias]);
        const place = `${field} ${JSON.stringify(String(item.value).slice(0, 40))} at ${path}`;
        const errorAt = errors.some((error) => JSON.stringify(error.path) === path);
        // An error further down (a field of the object) may null it on the way up.
        const errorBelow = errors.some((error) => JSON.stringify(error.path ?? []).startsWith(path.slice(0, -1)));
        if (id.kind === 'row' && !errorBelow) {
          if (answer === null) problem(`${place}: null for a published ${id.typename}`);
          else if (answer.id !== undefined && answer.id !== item.value) problem(`${place}: another object`);
          else if (answer.__typename !== undefined && answer.__typename !== id.typename) {
            problem(`${place}: a ${answer.__typename}`);
          }
        }
        if (id.kind === 'missing' && (answer !== null || errorAt)) {
          problem(`${place}: not a plain null for an id naming no row`);
        }
        if (id.kind === 'malformed' && (answer !== null || !errorAt)) {
          problem(`${place}: not null with an error at its place`);
        }
      });
    }
  }
  return violations;
}

// ---------------------------------------------------------------------------------------------
// Running the cases.

/** Sends one request to the gateway under test (in process, or over HTTP to a Worker). */
export type Send = (request: Request) => Promise<Response>;

/** Reads, through the API, the rows, tags and cursors the cases draw their valid values from. */
export async function readSeedData(send: Send): Promise<SeedData> {
  const response = await send(
    new Request('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ articles(first: 40) { edges { cursor node { id path tags { id name } channel { id path } } } pageInfo { endCursor } } channels { id path children { id path } } }',
      }),
    }),
  );
  const { data: feed } = (await response.json()) as { data: any };
  const edges = feed.articles.edges as { cursor: string; node: any }[];
  const channels = (feed.channels as any[]).flatMap((channel) => [channel, ...channel.children]);
  const tags = new Map<string, { id: string; name: string }>();
  for (const edge of edges) for (const tag of edge.node.tags) tags.set(tag.id, tag);
  const seed: SeedData = {
    articles: edges.map((edge) => ({ id: edge.node.id, path: edge.node.path })),
    channels: channels.map((channel) => ({ id: channel.id, path: channel.path })),
    tags: [...tags.values()],
    cursors: [...edges.map((edge) => edge.cursor), feed.articles.pageInfo.endCursor],
  };
  expect(seed.articles.map((a) => a.path)).toContain(REFERENCE_PATH);
  expect(seed.tags.length).toBeGreaterThan(3);
  return seed;
}

export interface FuzzRun {
  seed: number;
  cases: number;
  /** Cases that broke a rule (at most 10: the run stops there), each with its request and answer. */
  failures: string[];
  tally: Record<'valid' | 'bad' | 'odd' | 'unfit' | 'get' | 'post' | 'editor' | 'repeatedHits', number> & {
    /** Only when the run was given `refusedBeforeTheGateway`, and it said so. */
    refusedBeforeTheGateway?: number;
  };
  /** Wall time of the whole run. */
  ms: number;
}

/**
 * Sends `cases` cases generated from `seed` through `send`, checks every answer, and asks a valid
 * anonymous GET again now and then, which must be the same bytes from the cache. Prints the tally
 * (and with FUZZ_PROFILE=1 where the time went and the slowest cases) under `tag`.
 */
export async function runFuzz(options: {
  send: Send;
  seed: number;
  cases: number;
  seedData: SeedData;
  tag: string;
  /**
   * Whether an answer came from the platform in front of the gateway, which never saw the request
   * (workerd refusing a request head past its size limit): counted apart, not checked.
   */
  refusedBeforeTheGateway?: (request: Request, status: number, text: string) => boolean;
}): Promise<FuzzRun> {
  const { send, seed: SEED, cases: CASES, seedData: seed, tag, refusedBeforeTheGateway } = options;
  const started = performance.now();
  const random = prng(SEED);
  const failures: string[] = [];
  const slowest: [number, string][] = [];
  const profile = { db: 0, total: 0, statements: 0, build: 0, check: 0 };
  const tally: FuzzRun['tally'] = { valid: 0, bad: 0, odd: 0, unfit: 0, get: 0, post: 0, editor: 0, repeatedHits: 0 };
  for (let number = 1; number <= CASES; number++) {
    const b0 = performance.now();
    const c = buildCase(number, random, seed);
    profile.build += performance.now() - b0;
    tally[c.verdict] += 1;
    if (c.unfit) tally.unfit += 1;
    tally[c.request.method === 'GET' ? 'get' : 'post'] += 1;
    if (c.request.headers.get('authorization')) tally.editor += 1;
    const t0 = performance.now();
    const response = await send(c.request);
    const text = await response.text();
    const spent = performance.now() - t0;
    if (process.env.FUZZ_PROFILE) {
      const timing = response.headers.get('server-timing') ?? '';
      profile.db += Number(/db;dur=([\d.]+)/.exec(timing)?.[1] ?? 0);
      profile.total += spent;
      profile.statements += Number(/desc="(\d+) statement/.exec(timing)?.[1] ?? 0);
      slowest.push([spent, `#${number} ${timing} ${c.shown.slice(0, 300)}`]);
    }
    if (refusedBeforeTheGateway?.(c.request, response.status, text)) {
      tally.refusedBeforeTheGateway = (tally.refusedBeforeTheGateway ?? 0) + 1;
      continue;
    }
    const k0 = performance.now();
    const violations = check(c, response.status, text, response.headers.get('server-timing'));
    profile.check += performance.now() - k0;
    // A valid anonymous GET is cached: asked again, the same bytes from the cache.
    if (!violations.length && c.anonymousGet && c.verdict === 'valid' && response.status === 200 && number % 7 === 0) {
      const again = await send(new Request(c.request.url, { headers: c.request.headers }));
      const xCache = again.headers.get('x-cache');
      if (xCache !== 'HIT') violations.push(`asked again: X-Cache ${xCache}, not HIT`);
      else if ((await again.text()) !== text) violations.push('asked again: other bytes than the first answer');
      else tally.repeatedHits += 1;
    }
    if (violations.length) {
      const timing = response.headers.get('server-timing');
      failures.push(
        `#${number} ${c.shown}\n  → HTTP ${response.status} in ${spent.toFixed(0)} ms${timing ? ` (${timing})` : ''}: ${violations.join('\n    ')}\n  answer: ${text.slice(0, 400)}`,
      );
      if (failures.length >= 10) break;
    }
  }
  const ms = performance.now() - started;
  console.info(`${tag} seed ${SEED}, ${CASES} cases in ${(ms / 1000).toFixed(1)} s: ${JSON.stringify(tally)}`);
  if (process.env.FUZZ_PROFILE)
    console.info(
      JSON.stringify(profile),
      slowest
        .sort((a, b) => b[0] - a[0])
        .slice(0, 15)
        .map(([ms, what]) => `${ms.toFixed(0)} ms ${what}`)
        .join('\n'),
    );
  return { seed: SEED, cases: CASES, failures, tally, ms };
}

/** No case broke a rule, and the generator did what it says: all three kinds of case, unfit strings too. */
export function expectClean(run: FuzzRun, replay: string) {
  expect(run.failures, `seed ${run.seed} (${replay} to replay):\n${run.failures.join('\n')}`).toEqual([]);
  expect(run.tally.valid).toBeGreaterThan(run.cases / 10);
  expect(run.tally.bad).toBeGreaterThan(run.cases / 10);
  expect(run.tally.unfit).toBeGreaterThan(run.cases / 100);
}
