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
 * A plausible value for a JSON Schema, so a fuzzer can change one field of an otherwise valid
 * body and reach the use case rather than stopping at the first missing field. Ids come from the
 * pattern's prefix (`^dep_…` → a fresh `dep_` id); optional fields are left out.
 */
export function sampleOf(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return sampleOf(options.find((o) => o.type !== 'null') ?? options[0]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      const prefix = schema.pattern?.match(/^\^([a-z]+)_/)?.[1];
      if (prefix) return newId(prefix);
      if (schema.format === 'email') return 'fuzz@example.com';
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
    }
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'array':
      return schema.items?.enum ? [schema.items.enum[0]] : [];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        const prop = schema.properties?.[key];
        if (prop) out[key] = sampleOf(prop);
      }
      return out;
    }
    default:
      return {};
  }
}

/** The top-level fields of a zod object schema (as JSON Schema) and a sample valid object. */
export function fieldsOf(schema: z.ZodType | undefined): { fields: string[]; sample: Record<string, unknown> } {
  if (!schema) return { fields: [], sample: {} };
  const json = toSchema(schema, 'input') as JsonSchema;
  return { fields: Object.keys(json.properties ?? {}), sample: (sampleOf(json) ?? {}) as Record<string, unknown> };
}
