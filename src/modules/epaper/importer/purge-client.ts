const PURGE =
  'mutation PurgeEdition($tags: [String!]!) { purgeEditionCache(tags: $tags) { purgedResponses purgedTags } }';
/** The mutation takes at most 2,000 tags a call. */
const BATCH = 1_000;

/**
 * Asks a running gateway to purge the tags an import reported, through its editor mutation
 * `purgeEditionCache` (the gateway purges its own copies and, in production, Cloudflare's edge by
 * tag). Returns how many cached responses that gateway instance dropped.
 */
export async function purgeThroughGateway(gatewayUrl: string, editorToken: string, tags: readonly string[]) {
  const endpoint = new URL('/graphql', gatewayUrl);
  let purgedResponses = 0;
  for (let start = 0; start < tags.length; start += BATCH) {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        authorization: `Bearer ${editorToken}`,
      },
      body: JSON.stringify({ query: PURGE, variables: { tags: tags.slice(start, start + BATCH) } }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await response.json().catch(() => null)) as {
      data?: { purgeEditionCache?: { purgedResponses: number } } | null;
      errors?: { message: string }[];
    } | null;
    const result = body?.data?.purgeEditionCache;
    if (!response.ok || !result) {
      const reason = body?.errors?.map((error) => error.message).join('; ') || `HTTP ${response.status}`;
      throw new Error(`the gateway did not purge: ${reason}`);
    }
    purgedResponses += result.purgedResponses;
  }
  return purgedResponses;
}
