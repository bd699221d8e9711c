/** One thing wrong with a manifest, at its place in the manifest (`$.articles[3].hotspot[2]`). */
export interface ManifestProblem {
  path: string;
  message: string;
}

/** A manifest the importer refuses, with everything wrong with it; nothing was written. */
export class ManifestError extends Error {
  constructor(readonly problems: readonly ManifestProblem[]) {
    super(
      `The manifest has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported:\n` +
        problems.map((problem) => `  ${problem.path}: ${problem.message}`).join('\n'),
    );
    this.name = 'ManifestError';
  }
}

/** `/pages/2/number` (a JSON Pointer, as Ajv reports places) as `$.pages[2].number`. */
export function jsonPath(pointer: string): string {
  if (!pointer) return '$';
  return `$${pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) =>
      /^\d+$/.test(part) ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`,
    )
    .join('')}`;
}
