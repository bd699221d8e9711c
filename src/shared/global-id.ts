import { type GraphQLError, type GraphQLSchema, isObjectType } from 'graphql';
import { userError } from './errors';

const MAX_INT = 2_147_483_647;
/** Every id in this schema is a positive integer, written canonically (no sign, zeros, hex or exponent). */
const CANONICAL_ID = /^[1-9]\d{0,9}$/;

/** The typename a malformed global ID decodes to: no type has it, and the resolvers refuse it. */
export const INVALID_ID = '~invalid';

const invalid = (globalId: string) =>
  userError(`"${globalId.slice(0, 64).toWellFormed()}" is not a valid ID: use an \`id\` returned by this API.`);

/**
 * Global IDs are base64 of `Type:id`, as Relay expects. Decoding is strict (`Article:0x10` is not
 * article 16) and never throws: a malformed ID decodes to INVALID_ID, so that in `nodes(ids:)`
 * one bad ID is an error at its own index rather than the whole list's.
 */
export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  let decoded: string;
  try {
    decoded = atob(globalId);
  } catch {
    return { typename: INVALID_ID, id: globalId };
  }
  const separator = decoded.indexOf(':');
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator <= 0 || !/^[A-Z][A-Za-z]*$/.test(typename) || !CANONICAL_ID.test(id) || Number(id) > MAX_INT) {
    return { typename: INVALID_ID, id: globalId };
  }
  return { typename, id };
}

/** The numeric id of a global ID that must name a `typename`. */
export function idOf(globalId: { typename: string; id: string }, typename: string): number {
  if (globalId.typename === INVALID_ID) throw invalid(globalId.id);
  if (globalId.typename !== typename) {
    throw userError(
      `That ID belongs to a ${globalId.typename}, not a${/^[AEIOU]/.test(typename) ? 'n' : ''} ${typename}.`,
    );
  }
  return Number(globalId.id);
}

/** Why a decoded global ID cannot name a node of this schema, or null when it can. */
export function nodeIdProblem(globalId: { typename: string; id: string }, schema: GraphQLSchema): GraphQLError | null {
  if (globalId.typename === INVALID_ID) return invalid(globalId.id);
  const type = schema.getType(globalId.typename);
  if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) {
    return userError(`No type ${globalId.typename} can be fetched by ID: use an \`id\` returned by this API.`);
  }
  return null;
}
