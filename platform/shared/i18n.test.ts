import { describe, expect, test } from 'vitest';
import { translate } from './i18n.js';

describe('translate', () => {
  const catalog = { greeting: { hello: 'Hello {{name}}' } };

  test('fills placeholders of a nested key', () => {
    expect(translate(catalog, 'greeting.hello', { name: 'Wei' })).toBe('Hello Wei');
  });

  test('keys named like Object.prototype members are missing, not the prototype’s values', () => {
    for (const key of [
      'constructor',
      'constructor.name',
      '__proto__',
      'toString',
      'greeting.constructor.name',
      'hasOwnProperty.name',
    ]) {
      expect(translate(catalog, key), key).toBeUndefined();
    }
  });
});
