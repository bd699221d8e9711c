import { GraphQLError } from 'graphql';

/** Error codes a partner can branch on; they travel in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'SERVICE_UNAVAILABLE'
  /** A comment refused by a spam defence or the sensitive-word list; `extensions.reason` says which. */
  | 'COMMENT_REJECTED'
  /** This deployment takes no comments (no COMMENT_SECRET). */
  | 'COMMENTS_CLOSED';

/** An error meant for the caller: it is shown as is, never masked. */
export function userError(message: string, code: ErrorCode = 'BAD_USER_INPUT', details?: Record<string, unknown>) {
  return new GraphQLError(message, { extensions: { code, ...details } });
}
