import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const trustProxyOf = (value?: string) => loadConfig(value === undefined ? {} : { SKEIN_TRUST_PROXY: value }).trustProxy;

describe('SKEIN_TRUST_PROXY', () => {
  test('is off unless set: nobody may set forwarded headers', () => {
    expect(trustProxyOf()).toBe(false);
    expect(trustProxyOf('')).toBe(false);
  });

  test("takes the forms Fastify's trustProxy takes", () => {
    expect(trustProxyOf('true')).toBe(true);
    expect(trustProxyOf('false')).toBe(false);
    expect(trustProxyOf('2')).toBe(2);
    expect(trustProxyOf('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(trustProxyOf(' 10.0.0.1, 10.1.0.0/16 ,fd00::/8,::1, loopback')).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
      'fd00::/8',
      '::1',
      'loopback',
    ]);
  });

  test('a value that is none of them stops the boot, naming the variable and the bad entry', () => {
    for (const bad of ['yes', '10.0.0.300', '10.0.0.0/33', '10.0.0.0/8/1', '::1/129', 'proxy.internal', ',', '-1', '1000']) {
      expect(() => trustProxyOf(bad), bad).toThrow(ConfigError);
    }
    expect(() => trustProxyOf('10.0.0.1, example.com')).toThrow(/SKEIN_TRUST_PROXY: .*not understood: example\.com/);
  });
});
