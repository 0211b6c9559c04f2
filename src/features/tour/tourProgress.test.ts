import { describe, expect, it } from 'vitest';
import { parseTourProgress } from './tourProgress';

describe('parseTourProgress', () => {
  it('reads what writeTourProgress stores', () => {
    expect(parseTourProgress('{"status":"left","step":"sender"}')).toEqual({ status: 'left', step: 'sender' });
  });

  it('takes anything else for a first visit', () => {
    expect(parseTourProgress(null)).toBeNull();
    expect(parseTourProgress('not json')).toBeNull();
    expect(parseTourProgress('{"status":"left","step":"no-such-step"}')).toBeNull();
    expect(parseTourProgress('{"status":"paused","step":"state"}')).toBeNull();
  });
});
