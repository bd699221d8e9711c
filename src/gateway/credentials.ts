/** Requests that carry credentials: never answered from, nor stored in, the shared cache. */
export function hasCredentials(request: Request): boolean {
  // Cookies do not count: the portal's own analytics cookies would otherwise turn off caching for browsers.
  return request.headers.has('authorization') || request.headers.has('x-preview');
}

/** `Authorization: Bearer <EDITOR_TOKEN>`, compared in constant time. */
export function isEditorRequest(request: Request, editorToken: string | undefined): boolean {
  if (!editorToken) return false;
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '');
  if (!match?.[1]) return false;
  const given = new TextEncoder().encode(match[1]);
  const expected = new TextEncoder().encode(editorToken);
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) difference |= (given[i] ?? 0) ^ (expected[i] ?? 0);
  return difference === 0;
}
