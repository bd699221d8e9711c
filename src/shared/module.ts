import type { Builder } from '../builder';
import type { Database } from '../db/database';

/**
 * A plain HTTP resource a module serves besides GraphQL (a playlist, a guide file), at an exact
 * path, for GET. The gateway caches it like a GraphQL read: by path and query string, with the
 * tags and lifetime the answer gives, stale-if-error, ETag/304.
 */
export interface ModuleRoute {
  /** The exact path, e.g. `/live.m3u`. */
  path: string;
  /** The resource, or null for 404. */
  get(request: RouteRequest): Promise<RouteAnswer | null>;
}

export interface RouteRequest {
  url: URL;
  db: Database;
  /** The request's clock. */
  now: Date;
}

export interface RouteAnswer {
  contentType: string;
  body: string;
  /** Cache tags of everything it shows, so the edits that change it purge it. */
  tags: string[];
  /** Seconds it may be served from the edge. */
  maxAge: number;
}

/**
 * A domain of the gateway: everything it adds, behind one entry (`src/modules/<name>/index.ts`).
 * The app lists its modules once (src/modules/index.ts); nothing else names them.
 */
export interface GatewayModule<R extends object = object> {
  /** Its folder under src/modules/, where the seed runner also looks for `seed.ts`. */
  name: string;
  /** Drizzle relations of its tables (`defineRelationsPart`), merged with the other modules'. */
  relations: R;
  /** Registers its GraphQL types and root fields. */
  schema(builder: Builder): void;
  /** Plain HTTP resources it serves besides GraphQL. */
  routes?: readonly ModuleRoute[];
}

export function defineModule<const R extends object>(module: GatewayModule<R>): GatewayModule<R> {
  return module;
}

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

/** The relations of every listed module, as one Drizzle relations object. */
export type MergedRelations<M extends readonly GatewayModule[]> = UnionToIntersection<M[number]['relations']>;

interface TableConfig {
  relations: Record<string, unknown>;
}

/**
 * Merges the modules' relation parts table by table: a module may add relations to another
 * module's table (channels adds `sites.channels`), and each relation names its own columns, so
 * parts combine without knowing each other.
 */
export function mergeRelations<const M extends readonly GatewayModule[]>(modules: M): MergedRelations<M> {
  const merged: Record<string, TableConfig> = {};
  for (const module of modules) {
    for (const [table, config] of Object.entries(module.relations as Record<string, TableConfig>)) {
      const existing = merged[table];
      merged[table] = existing ? { ...existing, relations: { ...existing.relations, ...config.relations } } : config;
    }
  }
  return merged as MergedRelations<M>;
}
