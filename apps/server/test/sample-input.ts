import type { z } from 'zod';
import { newId } from '../../../platform/shared/ids.js';
import { toSchema } from '../../../platform/server/http/openapi.js';

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

/**
 * The smallest plausible value a JSON Schema accepts: required properties only, defaults where
 * declared, the first enum member, the shortest string (ids minted from their pattern's prefix:
 * `^dep_…` → a fresh `dep_` id), the minimum number, the fewest array items. Walks over every
 * contract use it so a request passes validation and reaches the use case's own rules.
 */
export function sampleOf(schema: JsonSchema): unknown {
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return sampleOf(options.find((o) => o.type !== 'null') ?? options[0]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      const prefix = schema.pattern?.match(/^\^([a-z]+)_/)?.[1];
      if (prefix) return newId(prefix);
      if (schema.format === 'email') return 'someone@example.test';
      return 'sample'.padEnd(schema.minLength ?? 1, 'x');
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array': {
      const count = schema.minItems ?? (schema.items?.enum ? 1 : 0);
      return Array.from({ length: count }, () => sampleOf(schema.items ?? {}));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        const prop = schema.properties?.[key];
        if (prop) out[key] = sampleOf(prop);
      }
      return out;
    }
    default:
      return 'x';
  }
}

/** The top-level fields of a zod object schema (as JSON Schema) and a sample valid object. */
export function fieldsOf(schema: z.ZodType | undefined): { fields: string[]; sample: Record<string, unknown> } {
  if (!schema) return { fields: [], sample: {} };
  const json = toSchema(schema, 'input') as JsonSchema;
  const sample = sampleOf(json);
  return {
    fields: Object.keys(json.properties ?? {}),
    sample: sample && typeof sample === 'object' && !Array.isArray(sample) ? (sample as Record<string, unknown>) : {},
  };
}
