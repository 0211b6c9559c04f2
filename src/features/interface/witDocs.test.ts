import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWitDocs } from './witDocs';

const wit = readFileSync(new URL('../../../wit/websocket-server.wit', import.meta.url), 'utf8');

describe('readWitDocs on the websocket-server interface', () => {
  const docs = readWitDocs(wit);

  it('takes the block standing apart at the top as the documentation of the whole file', () => {
    expect(docs.intro.split('\n')[0]).toBe('# WebSocket Server Interface');
    expect(docs.intro).toContain('## Purpose');
    expect(docs.intro).not.toContain('Interface for handling WebSocket connections and messages');
  });

  it('gives each declaration the comment written above it', () => {
    expect(docs.items.map((item) => `${item.kind} ${item.name}`)).toEqual(['interface websocket-server', 'variant message-type', 'record websocket-message', 'record websocket-response', 'func handle-message']);
    expect(docs.items[0]!.docs).toBe('Interface for handling WebSocket connections and messages');
    const func = docs.items.at(-1)!;
    expect(func.declaration).toMatch(/^handle-message: func\(state: option<list<u8>>, params: tuple<websocket-message>\) -> result<.*>;$/);
    expect(func.docs).toContain('## Parameters');
  });

  it('keeps the indentation inside code blocks', () => {
    expect(docs.items.at(-1)!.docs).toContain('\n    let message = &params.0;');
  });

  it('lists variant cases with their payloads and record fields with their types', () => {
    const variant = docs.items.find((item) => item.name === 'message-type')!;
    expect(variant.members.map((m) => [m.name, m.type])).toEqual([['text', null], ['binary', null], ['connect', null], ['close', null], ['ping', null], ['pong', null], ['other', 'string']]);
    expect(variant.members[2]!.docs).toBe('A new connection was established');
    const record = docs.items.find((item) => item.name === 'websocket-message')!;
    expect(record.members.map((m) => [m.name, m.type])).toEqual([['ty', 'message-type'], ['data', 'option<list<u8>>'], ['text', 'option<string>']]);
  });
});
