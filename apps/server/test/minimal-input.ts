import type { z } from 'zod';
import { newId } from '../../../platform/shared/ids.js';
import { toSchema } from '../../../platform/server/http/openapi.js';

type JsonSchema = Record<string, unknown>;

/**
 * The smallest value a zod schema accepts, built from its JSON Schema: required properties only,
 * defaults where declared, the first enum member, the shortest string (ids minted from their
 * pattern's prefix), the minimum number. A walk over every contract uses it so that a request
 * passes validation and reaches the use case's own rules.
 */
export function minimalInput(schema: z.ZodType | undefined): Record<string, unknown> {
  if (!schema) return {};
  const value = minimal(toSchema(schema, 'input'));
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function minimal(s: JsonSchema): unknown {
  if ('default' in s) return s.default;
  if (Array.isArray(s.enum)) return s.enum[0];
  if ('const' in s) return s.const;
  const alternatives = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (alternatives?.length) return minimal(alternatives.find((a) => a.type !== 'null') ?? alternatives[0]);
  switch (s.type) {
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((s.required ?? []) as string[]);
      return Object.fromEntries(
        Object.entries(props)
          .filter(([k]) => required.has(k))
          .map(([k, p]) => [k, minimal(p)]),
      );
    }
    case 'array':
      return Array.from({ length: (s.minItems as number | undefined) ?? 0 }, () => minimal((s.items ?? {}) as JsonSchema));
    case 'integer':
    case 'number':
      return (s.minimum as number | undefined) ?? 1;
    case 'boolean':
      return false;
    case 'string': {
      const prefix = (s.pattern as string | undefined)?.match(/^\^([a-z]+)_/)?.[1];
      if (prefix) return newId(prefix);
      if (s.format === 'email') return 'someone@example.test';
      return 'sample'.padEnd((s.minLength as number | undefined) ?? 1, 'x');
    }
    default:
      return 'x';
  }
}
