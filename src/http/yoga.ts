import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { CacheHints } from '../cache/hints';
import type { Context } from '../context';
import type { DatabaseSource } from '../db/database';
import { QueryMetrics } from '../db/metrics';
import { playgroundOptions, renderPlayground } from '../playground/render';
import { schema } from '../schema';
import { isEditorRequest } from './editor-auth';
import { maskError } from './mask-error';

/** What the entry points hand to each request, besides the request itself. */
export interface RequestEnvironment {
  /** Where this request's database client comes from. */
  source: DatabaseSource;
  /** Counts this request's statements and database time (for Server-Timing). */
  metrics?: QueryMetrics;
  /** Collects what the request read, when the edge cache may store its answer. */
  hints?: CacheHints;
  /** Purges cached responses by tag after a write. */
  purge?: (tags: string[]) => Promise<number>;
  /** The editor token of this deployment; unset means no editing. */
  editorToken?: string;
}

export type YogaServer = YogaServerInstance<RequestEnvironment, Context>;

/** The GraphQL server proper: schema, masking, playground and the per-request context. */
export function createYogaServer(): YogaServer {
  return createYoga<RequestEnvironment, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    maskedErrors: { maskError },
    graphiql: playgroundOptions,
    renderGraphiQL: renderPlayground,
    context: ({ request, source, metrics, hints, purge, editorToken }) => {
      const meter = metrics ?? new QueryMetrics();
      return {
        metrics: meter,
        db: source.connect(meter),
        cache: hints ?? new CacheHints(),
        editor: isEditorRequest(request, editorToken),
        purge: purge ?? (async () => 0),
      };
    },
  });
}
