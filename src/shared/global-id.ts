import { userError } from './errors';

/**
 * Global IDs are base64 of `Type:id`, as Relay expects. Decoding is strict so that a mangled ID
 * is reported to the caller as bad input instead of surfacing as an internal error.
 */
export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  let decoded: string;
  try {
    decoded = atob(globalId);
  } catch {
    throw userError(`"${globalId.slice(0, 64)}" is not a valid ID: use an \`id\` returned by this API.`);
  }
  const separator = decoded.indexOf(':');
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator <= 0 || !id || !/^[A-Z][A-Za-z]*$/.test(typename)) {
    throw userError(`"${globalId.slice(0, 64)}" is not a valid ID: use an \`id\` returned by this API.`);
  }
  return { typename, id };
}
