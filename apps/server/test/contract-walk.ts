import { z } from 'zod';
import { buildPath, type Contract } from '../../../platform/shared/contract.js';
import { newId } from '../../../platform/shared/ids.js';
import { toSchema } from '../../../platform/server/http/openapi.js';
import { serverModules } from '../modules.js';

/** Every contract the server registers, with the id of the module that registers it. */
export function allContracts(): { module: string; contract: Contract }[] {
  return serverModules.flatMap((m) => m.routes.map((r) => ({ module: m.id, contract: r.contract })));
}

/**
 * A syntactically valid value for each path parameter, so a request reaches the auth check and
 * the use case rather than stopping at validation: `fil_…` ids are minted from the pattern the
 * schema declares, anything else gets a plain token.
 */
export function validParams(c: Contract): Record<string, string> {
  const names = [...c.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const shape = c.params instanceof z.ZodObject ? (c.params.shape as Record<string, z.ZodType>) : {};
  const out: Record<string, string> = {};
  for (const name of names) {
    const schema = shape[name];
    const pattern = schema ? (toSchema(schema, 'input').pattern as string | undefined) : undefined;
    const prefix = pattern?.match(/^\^([a-z]+)_/)?.[1];
    out[name] = prefix ? newId(prefix) : 'abcdefghijklmnop0123';
  }
  return out;
}

/** The URL of a contract with valid-looking parameters. */
export function urlOf(c: Contract): string {
  return buildPath(c.path, validParams(c));
}
