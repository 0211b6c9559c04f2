import { describe, expect, it } from 'vitest';
import { makeMessage, toWire } from '../../../core';
import { Fifo } from './fifo';
import { framesJson, messageFromBridge } from './wireJson';

describe('the control channel as the actor sees it', () => {
  it('turns relayed frames into messages: text carries text; binary, ping and pong carry bytes', () => {
    expect(messageFromBridge({ ty: { tag: 'text' }, text: 'hi' })).toEqual(makeMessage('text', { text: 'hi' }));
    expect(messageFromBridge({ ty: { tag: 'binary' }, dataBase64: 'AQL/' })).toEqual(makeMessage('binary', { data: new Uint8Array([1, 2, 255]) }));
    expect(messageFromBridge({ ty: { tag: 'ping' }, dataBase64: '' })).toEqual(makeMessage('ping', { data: new Uint8Array(0) }));
    expect(messageFromBridge({ ty: { tag: 'binary' }, dataBase64: '!!' })).toBeNull();
    expect(messageFromBridge({ ty: { tag: 'connect' } })).toBeNull();
  });

  it('writes back the frames Theater sends and none of those it drops', () => {
    const responses = [makeMessage('text', { text: 'a' }), makeMessage('text'), makeMessage('binary', { data: new Uint8Array([255]) }), makeMessage('other', { other: 'x' }), makeMessage('pong'), makeMessage('close')].map(toWire);
    expect(framesJson(responses)).toEqual([{ frame: 'text', text: 'a' }, { frame: 'binary', dataBase64: '/w==' }, { frame: 'pong', dataBase64: '' }, { frame: 'close' }]);
  });
});

describe('Fifo', () => {
  it('keeps order through long runs and takes runs from the front', () => {
    const queue = new Fifo<number>();
    for (let i = 0; i < 5000; i++) queue.push(i);
    const taken: number[] = [];
    while (queue.length > 10) taken.push(queue.shift()!);
    expect(taken).toEqual(Array.from({ length: 4990 }, (_, i) => i));
    expect(queue.shiftWhile((n): n is number => n < 4995, 3)).toEqual([4990, 4991, 4992]);
    expect(queue.shiftWhile((n): n is number => n < 4995, 100)).toEqual([4993, 4994]);
    expect(queue.peek()).toBe(4995);
    expect(queue.length).toBe(5);
  });
});
