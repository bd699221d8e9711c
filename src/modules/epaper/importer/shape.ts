// What the JSON Schema says, in messages an editor can act on, and the rules every string must meet.
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import schema from '../manifest.schema.json';
import { jsonPath, type ManifestProblem } from './problems';

let compiled: ReturnType<Ajv2020['compile']> | undefined;

/** Ajv compiles the schema into a validator once; `verbose` keeps each failing schema for its description. */
export function schemaValidator() {
  compiled ??= new Ajv2020({ allErrors: true, verbose: true, strict: true }).compile(schema);
  return compiled;
}

export function describeSchemaError(error: ErrorObject): ManifestProblem {
  const path = jsonPath(error.instancePath);
  const hint = (error.parentSchema as { description?: string } | undefined)?.description;
  switch (error.keyword) {
    case 'required':
      return { path: `${path}.${error.params.missingProperty}`, message: 'is missing.' };
    case 'additionalProperties': {
      const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      return {
        path: `${path}.${error.params.additionalProperty}`,
        message: `is not a field here (known fields: ${known.join(', ')}).`,
      };
    }
    case 'pattern':
    case 'type':
    case 'minLength':
      return { path, message: `${hint ?? error.message}${hint ? ` (${error.message}).` : '.'}` };
    default:
      return { path, message: `${error.message}.` };
  }
}

/** Text that Postgres and every client can take: no NUL, no lone surrogate halves. */
export function checkStrings(value: unknown, path: string, problems: ManifestProblem[], depth = 0): void {
  if (depth > 8) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) problems.push({ path, message: 'contains a NUL character (\\u0000).' });
    else if (!value.isWellFormed()) problems.push({ path, message: 'contains a lone surrogate (broken UTF-16).' });
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) checkStrings(item, `${path}[${index}]`, problems, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) checkStrings(item, `${path}.${key}`, problems, depth + 1);
  }
}
