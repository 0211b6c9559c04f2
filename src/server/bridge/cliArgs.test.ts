import { describe, expect, it } from 'vitest';
import { parseBridgeArgs } from './cliArgs.ts';
import { DEFAULT_ALLOWED_ORIGINS } from './origins.ts';

describe('parseBridgeArgs', () => {
  it('reads every flag, in both spellings', () => {
    expect(parseBridgeArgs(['--host', '0.0.0.0', '--port=9000', '--allow-remote', '--max-frame-bytes', '2048', '--origin', 'http://a.test', '--origin=http://b.test'])).toEqual({
      ok: true,
      value: { options: { host: '0.0.0.0', port: 9000, allowRemote: true, maxFrameBytes: 2048, allowedOrigins: ['http://a.test', 'http://b.test'] }, verbose: false, help: false },
    });
    expect(parseBridgeArgs([])).toEqual({ ok: true, value: { options: {}, verbose: false, help: false } });
  });

  it('adds the origins of THEATER_BRIDGE_ORIGINS to the --origin list, or to the defaults', () => {
    const env = { THEATER_BRIDGE_ORIGINS: 'http://localhost:5174, http://127.0.0.1:5174' };
    const origins = (argv: string[]): unknown => (parseBridgeArgs(argv, env) as { value: { options: { allowedOrigins?: string[] } } }).value.options.allowedOrigins;
    expect(origins(['--origin', 'http://a.test'])).toEqual(['http://a.test', 'http://localhost:5174', 'http://127.0.0.1:5174']);
    expect(origins([])).toEqual([...DEFAULT_ALLOWED_ORIGINS, 'http://localhost:5174', 'http://127.0.0.1:5174']);
    expect(parseBridgeArgs([], { THEATER_BRIDGE_ORIGINS: '' })).toEqual({ ok: true, value: { options: {}, verbose: false, help: false } });
  });

  it('says what is wrong with a bad command line', () => {
    const message = (argv: string[]): string => {
      const parsed = parseBridgeArgs(argv);
      return parsed.ok ? '' : parsed.error.message;
    };
    expect(message(['--port', 'x'])).toMatch(/--port needs a whole number/);
    expect(message(['--port', '70000'])).toMatch(/between 0 and 65535/);
    expect(message(['--max-frame-bytes', '0'])).toMatch(/between 1/);
    expect(message(['--host'])).toMatch(/--host needs an address/);
    expect(message(['--allow-remote=no'])).toMatch(/takes no value/);
    expect(message(['--frobnicate'])).toMatch(/unknown argument/);
  });
});
