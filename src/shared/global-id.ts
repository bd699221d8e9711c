import { userError } from './errors';

const MAX_INT = 2_147_483_647;
/** Every id in this schema is a positive integer, written canonically (no sign, zeros, hex or exponent). */
const CANONICAL_ID = /^[1-9]\d{0,9}$/;

const invalid = (globalId: string) =>
  userError(`"${globalId.slice(0, 64).toWellFormed()}" is not a valid ID: use an \`id\` returned by this API.`);

/**
 * Global IDs are base64 of `Type:id`, as Relay expects. Decoding is strict, so that a mangled ID
 * is reported to the caller as bad input (and `Article:0x10` is not read as article 16).
 */
export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  let decoded: string;
  try {
    decoded = atob(globalId);
  } catch {
    throw invalid(globalId);
  }
  const separator = decoded.indexOf(':');
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator <= 0 || !/^[A-Z][A-Za-z]*$/.test(typename) || !CANONICAL_ID.test(id) || Number(id) > MAX_INT) {
    throw invalid(globalId);
  }
  return { typename, id };
}

/** The numeric id of a global ID that must name a `typename`. */
export function idOf(globalId: { typename: string; id: string }, typename: string): number {
  if (globalId.typename !== typename) {
    throw userError(
      `That ID belongs to a ${globalId.typename}, not a${/^[AEIOU]/.test(typename) ? 'n' : ''} ${typename}.`,
    );
  }
  return Number(globalId.id);
}
