import { describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway';

const { graphql } = useGateway();

describe('channels', () => {
  it('returns the tree with sub-channels in one statement', async () => {
    const response = await graphql('{ channels { path children { path parent { path } } } }');
    expect(response.statements).toBe(1);
    const tree = response.body.data?.channels as {
      path: string;
      children: { path: string; parent: { path: string } }[];
    }[];
    expect(tree).toHaveLength(10);
    for (const top of tree) {
      for (const child of top.children) {
        expect(child.path.startsWith(`${top.path}/`)).toBe(true);
        expect(child.parent.path).toBe(top.path);
      }
    }
  });

  it('finds a channel by path, with its breadcrumb, and refetches it by node id', async () => {
    const response = await graphql(
      '{ channel(path: "/yaowen/shandong/") { id name url breadcrumb { name path channelPath } } }',
    );
    expect(response.statements).toBe(1);
    const channel = response.body.data?.channel;
    expect(channel.name).toBe('山东');
    expect(channel.url).toBe('/yaowen/shandong/');
    expect(channel.breadcrumb).toEqual([
      { name: '首页', path: '/', channelPath: null },
      { name: '要闻', path: '/yaowen/', channelPath: 'yaowen' },
      { name: '山东', path: '/yaowen/shandong/', channelPath: 'yaowen/shandong' },
    ]);
    const again = await graphql('query($id: ID!) { node(id: $id) { ... on Channel { name } } }', { id: channel.id });
    expect(again.body.data?.node).toEqual({ name: '山东' });
  });

  it('gives null for an unknown channel and BAD_USER_INPUT for a malformed path or id', async () => {
    const unknown = await graphql('{ channel(path: "yaowen/atlantis") { id } }');
    expect(unknown.body.data).toEqual({ channel: null });
    expect(unknown.body.errors).toBeUndefined();

    const malformed = await graphql('{ channel(path: "yao wen;drop") { id } }');
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    for (const id of ['not base64 at all!', btoa('no-separator'), btoa(':7')]) {
      const response = await graphql('query($id: ID!) { node(id: $id) { id } }', { id });
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.body.errors?.[0]?.message).toMatch(/not a valid ID/);
    }

    const wrongType = await graphql('query($id: ID!) { article(id: $id) { id } }', { id: btoa('Channel:1') });
    expect(wrongType.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrongType.body.errors?.[0]?.message).toMatch(/Channel, not an Article/);
  });
});
