import { AppError, platformErrors } from '../../shared/errors.js';

/**
 * PostgreSQL text cannot hold U+0000: an insert or even a `where` comparison with one fails,
 * which would surface as a 500 on Postgres only. No field of ours has a use for it, so every
 * string of the parsed input is checked once here, at the one door all input passes.
 */
export function refuseNulCharacters(input: Record<string, unknown>): void {
  // Iterative: a free-form field (message content) may nest deeply; recursion could overflow.
  const stack: [value: unknown, path: (string | number)[]][] = [[input, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop() as [unknown, (string | number)[]];
    if (typeof value === 'string') {
      if (value.includes('\u0000')) {
        throw new AppError(platformErrors['request.validation_failed'], {
          details: [{ path: path.join('.'), message: 'Text must not contain the NUL character', code: 'nul_character' }],
        });
      }
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push([value[i], [...path, i]]);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) stack.push([item, [...path, key]]);
    }
  }
}
