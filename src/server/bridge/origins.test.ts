import { describe, expect, it } from 'vitest';
import { checkBindHost, isLoopbackHost, wsAddress } from './bindAddress.ts';
import { DEFAULT_ALLOWED_ORIGINS, OriginAllowList, loopbackOrigins, normalizeOrigin } from './origins.ts';

describe('origin allow-list', () => {
  it('matches origins in canonical form only', () => {
    const list = new OriginAllowList(DEFAULT_ALLOWED_ORIGINS);
    expect(list.match('http://localhost:5173')).toBe('http://localhost:5173');
    expect(list.match('HTTP://LOCALHOST:5173')).toBe('http://localhost:5173');
    expect(list.match('http://localhost:5173/')).toBe('http://localhost:5173');
    for (const foreign of ['http://localhost', 'https://localhost:5173', 'http://localhost.evil.example:5173', 'null', '', undefined, ['http://localhost:5173']])
      expect(list.match(foreign), String(foreign)).toBeNull();
    expect(normalizeOrigin('https://example.com:443/path?q')).toBe('https://example.com');
    expect(normalizeOrigin('file:///tmp/x.html')).toBeNull();
  });

  it('names a page served on a port under every loopback name', () => {
    expect(loopbackOrigins(5174)).toEqual(['http://localhost:5174', 'http://127.0.0.1:5174', 'http://[::1]:5174']);
    expect(new OriginAllowList(loopbackOrigins(8443, 'https')).match('https://[::1]:8443')).toBe('https://[::1]:8443');
  });

  it('rejects a configuration entry that is not an http(s) origin', () => {
    expect(() => new OriginAllowList(['localhost:5173'])).toThrow(/not an http\(s\) origin/);
  });
});

describe('bind address', () => {
  it('knows loopback from the rest', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.2', '10.0.0.1', 'example.com', '::ffff:10.0.0.1', '']) expect(isLoopbackHost(host), host).toBe(false);
  });

  it('needs allowRemote for anything else', () => {
    expect(checkBindHost('127.0.0.1', false)).toEqual({ ok: true, remote: false });
    expect(checkBindHost('0.0.0.0', true)).toEqual({ ok: true, remote: true });
    expect(checkBindHost('0.0.0.0', false)).toMatchObject({ ok: false, error: { code: 'remote-not-allowed' } });
    expect(wsAddress('::1', 8765)).toBe('ws://[::1]:8765');
    expect(wsAddress('127.0.0.1', 8765)).toBe('ws://127.0.0.1:8765');
  });
});
