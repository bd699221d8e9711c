import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { RequestLimits } from './limits';

/**
 * Armor's rules throw a bare "Syntax Error: …" GraphQLError; each refusal here carries its own
 * code instead (and is reported, not thrown, so the other rules still say their piece).
 */
function refuseWith(code: string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const message = error.message.replace(/^Syntax Error: /, '');
        context?.reportError(new GraphQLError(message, { extensions: { code, http: { status: 400 } } }));
      },
    ],
  };
}

/**
 * The limits on what a document may ask for, as validation rules (so before anything executes,
 * and remembered with the validation of the document): GraphQL Armor's depth, alias and directive
 * limits; field suggestions ("Did you mean …") hidden from callers who may not introspect, as
 * they would otherwise spell the schema out; introspection closed to them (Yoga's plugin).
 */
export function queryLimits(limits: RequestLimits, introspectionClosed: (request: Request) => boolean): Plugin[] {
  const suggestionsHidden = blockFieldSuggestionsPlugin({ mask: '' });
  return [
    maxDepthPlugin({
      n: limits.depth,
      ignoreIntrospection: true,
      flattenFragments: true,
      ...refuseWith('QUERY_TOO_DEEP'),
    }),
    // Introspection may nest `ofType` and `fields` without end: a second, looser bound counts it.
    maxDepthPlugin({
      n: limits.introspectionDepth,
      ignoreIntrospection: false,
      flattenFragments: true,
      ...refuseWith('QUERY_TOO_DEEP'),
    }),
    maxAliasesPlugin({ n: limits.aliases, allowList: [], ...refuseWith('TOO_MANY_ALIASES') }),
    maxDirectivesPlugin({ n: limits.directives, ...refuseWith('TOO_MANY_DIRECTIVES') }),
    useDisableIntrospection({ isDisabled: (request) => introspectionClosed(request) }),
    {
      onValidate(payload) {
        if (introspectionClosed(payload.context.request)) return suggestionsHidden.onValidate?.(payload);
      },
    } as Plugin,
  ];
}
