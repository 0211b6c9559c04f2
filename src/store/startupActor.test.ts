import { describe, expect, it } from 'vitest';
import { DEFAULT_ACTOR, startupActor } from './startupActor';

describe('the actor the page starts with', () => {
  it('is the default example unless the address names one', () => {
    expect(startupActor('')).toEqual({ ...DEFAULT_ACTOR, linked: false });
    expect(startupActor('?actor=')).toEqual({ ...DEFAULT_ACTOR, linked: false });
  });

  it('is named after the file the address names, relative or absolute', () => {
    expect(startupActor('?actor=./actors/counter.wasm')).toEqual({ url: './actors/counter.wasm', name: 'counter', linked: true });
    expect(startupActor(`?actor=${encodeURIComponent('https://example.com/builds/my%20actor.wasm?v=2#x')}`)).toMatchObject({ name: 'my actor', linked: true });
    expect(startupActor('?actor=https://example.com/').name).toBe('example.com');
    expect(startupActor('?actor=%2F').name).toBe('actor');
  });
});
