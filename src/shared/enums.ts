import type { Builder, Types } from '../builder';

/** `photo_gallery` → `PHOTO_GALLERY`: GraphQL's convention for enum values. */
const graphqlName = (value: string) => value.toUpperCase();

/**
 * A GraphQL enum made from a Postgres enum's values, so the two cannot drift: a value added to the
 * `pgEnum` must get its description here (the `values` record is keyed by every value) and then
 * appears in the schema under the same value.
 */
export function enumFromPg<const V extends string>(
  builder: Builder,
  name: string,
  pgEnum: { enumValues: readonly V[] },
  options: { description: string; values: Record<V, string> },
): PothosSchemaTypes.EnumRef<Types, V> {
  const values = Object.fromEntries(
    pgEnum.enumValues.map((value) => [graphqlName(value), { value, description: options.values[value] }]),
  );
  return builder.enumType(name, { description: options.description, values }) as PothosSchemaTypes.EnumRef<Types, V>;
}
