import {
  BREAK,
  type DocumentNode,
  GraphQLError,
  type OperationTypeNode,
  parse,
  stripIgnoredCharacters,
  visit,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { sha256Hex } from '../cache/keys';
import { documentNesting, mostRepeatedField, type RequestLimits } from './limits';

/** What the gateway needs to know of a document before it runs: its key and its operations' kinds. */
export interface DocumentFacts {
  /** SHA-256 of the document without comments and spacing: reformatting does not change it. */
  id: string;
  /** SHA-256 of the text as sent: a trusted document's or persisted query's id. */
  sha256: string;
  /** Kind of each operation by name (`''` for an anonymous one). */
  operations: ReadonlyMap<string, OperationTypeNode>;
  /** It asks for `__schema` or `__type`: never cached, as who may introspect differs by caller. */
  introspects: boolean;
}

function asksForIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
    },
  });
  return found;
}

/**
 * Parsed documents by their text, shared with Yoga (its `parserAndValidationCache.documentCache`),
 * so a document is parsed once whether the edge cache or the executor needs it first. Bounded in
 * bytes: an AST costs roughly ten times its text, and no caller can make it hold more than `maxBytes`.
 */
export class Documents {
  private readonly parsed: LRUCache<string, DocumentNode>;
  private readonly facts = new WeakMap<DocumentNode, DocumentFacts>();

  constructor(
    private readonly limits: Pick<RequestLimits, 'documentTokens' | 'documentNesting' | 'fieldRepeats'>,
    maxBytes = 32 * 2 ** 20,
  ) {
    this.parsed = new LRUCache({ maxSize: maxBytes, sizeCalculation: (_doc, text) => 10 * text.length + 512 });
  }

  /** The parser Yoga uses too (a plugin sets it), so no document is parsed without the limits. */
  readonly parser = (source: string | { body: string }) =>
    this.parse(typeof source === 'string' ? source : source.body);

  /** Yoga's document cache interface. */
  get(text: string): DocumentNode | undefined {
    return this.parsed.get(text);
  }

  set(text: string, document: DocumentNode) {
    this.parsed.set(text, document);
  }

  /** Parses (once per distinct text) within the nesting and token limits; throws GraphQL's syntax errors. */
  parse(text: string): DocumentNode {
    let document = this.parsed.get(text);
    if (!document) {
      const { documentNesting: maxNesting, documentTokens } = this.limits;
      if (documentNesting(text, maxNesting) > maxNesting) {
        throw new GraphQLError(`The document nests deeper than ${maxNesting} levels.`, {
          extensions: { code: 'DOCUMENT_TOO_DEEP', http: { status: 400 } },
        });
      }
      try {
        document = parse(text, { maxTokens: documentTokens });
      } catch (error) {
        // graphql-js words this one "more that N tokens"; say it plainly, with what to do.
        if (error instanceof GraphQLError && /tokens/.test(error.message)) {
          throw new GraphQLError(
            `The document has more than ${documentTokens} tokens: send a smaller one, or split it in several requests.`,
            { extensions: { code: 'DOCUMENT_TOO_LARGE', http: { status: 400 } } },
          );
        }
        throw error;
      }
      if (mostRepeatedField(document) > this.limits.fieldRepeats) {
        throw new GraphQLError(
          `A field is asked for more than ${this.limits.fieldRepeats} times in one selection: ask for it once.`,
          { extensions: { code: 'FIELD_REPEATED', http: { status: 400 } } },
        );
      }
      this.parsed.set(text, document);
    }
    return document;
  }

  /** The document's facts, or null when it does not parse (Yoga then reports the syntax error). */
  factsOf(text: string): { document: DocumentNode; facts: DocumentFacts } | null {
    let document: DocumentNode;
    try {
      document = this.parse(text);
    } catch {
      return null;
    }
    let facts = this.facts.get(document);
    if (!facts) {
      const operations = new Map<string, OperationTypeNode>();
      for (const definition of document.definitions) {
        if (definition.kind === 'OperationDefinition')
          operations.set(definition.name?.value ?? '', definition.operation);
      }
      facts = {
        id: sha256Hex(stripIgnoredCharacters(text)),
        sha256: sha256Hex(text),
        operations,
        introspects: asksForIntrospection(document),
      };
      this.facts.set(document, facts);
    }
    return { document, facts };
  }
}

/** The operation a request runs: the named one, or the only one. */
export function operationKind(facts: DocumentFacts, operationName: string | undefined): OperationTypeNode | null {
  if (operationName) return facts.operations.get(operationName) ?? null;
  if (facts.operations.size !== 1) return null;
  return facts.operations.values().next().value ?? null;
}
