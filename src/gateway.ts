import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Context } from './context';
import type { DatabaseSource } from './db/database';
import { QueryMetrics } from './db/metrics';
import { maskError } from './http/mask-error';
import { metricsByRequest, serverTiming } from './http/server-timing';
import { playgroundOptions, renderPlayground } from './playground/render';
import { schema } from './schema';

export interface GatewayServerContext {
  /** Where this request's database client comes from. */
  source: DatabaseSource;
}

export type Gateway = YogaServerInstance<GatewayServerContext, Context>;

/** The GraphQL server shared by the Worker and the Node entry; only the database source differs. */
export function createGateway(): Gateway {
  return createYoga<GatewayServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    maskedErrors: { maskError },
    graphiql: playgroundOptions,
    renderGraphiQL: renderPlayground,
    plugins: [serverTiming()],
    context: ({ request, source }) => {
      const metrics = new QueryMetrics();
      metricsByRequest.set(request, metrics);
      return { metrics, db: source.connect(metrics) };
    },
  });
}
