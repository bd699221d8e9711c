// The executor builds response objects as object literals (a patch in patches/, for JSON.stringify's
// fast path) where it made null-prototype ones. An alias may still be any GraphQL name, `__proto__`
// and `constructor` included: each must come back as a key like any other, on objects resolved at
// once and on objects that waited for a promise (a node's channel, loaded with it or later).
import { describe, expect, it } from 'vitest';
import { dataOf, useGateway } from '../support/gateway';

const { graphql } = useGateway();

type Edge = { node: Record<string, unknown> & { channel: Record<string, unknown> } };

describe('response keys', () => {
  it('answers aliases named __proto__ and constructor as keys of the response', async () => {
    const response = await graphql<{ articles: { edges: Edge[] } }>(
      `{ articles(first: 2) { edges { node {
          __proto__: title constructor: path title path
          channel { __proto__: name name }
      } } } }`,
    );
    const edges = dataOf(response).articles.edges;
    expect(edges.length).toBe(2);
    for (const { node } of edges) {
      // JSON.parse defines `__proto__` as an own property, as the server sent it.
      expect(Object.hasOwn(node, '__proto__')).toBe(true);
      expect(Object.getOwnPropertyDescriptor(node, '__proto__')?.value).toBe(node.title);
      expect(Object.getOwnPropertyDescriptor(node, 'constructor')?.value).toBe(node.path);
      expect(Object.getOwnPropertyDescriptor(node.channel, '__proto__')?.value).toBe(node.channel.name);
    }
    expect(response.text).toContain(`"__proto__":${JSON.stringify(edges[0]?.node.title)}`);
  });
});
