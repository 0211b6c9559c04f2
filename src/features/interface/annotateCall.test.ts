import { describe, expect, it } from 'vitest';
import { toWire, utf8, type ActorEvent, type WebsocketMessage } from '../../core';
import { annotateCall, type AnnotatedField } from './annotateCall';

const states: Record<string, Uint8Array> = { before: utf8('{"n":1}'), after: utf8('{"n":2}') };
const stateBytes = (ref: string | null) => (ref === null ? undefined : states[ref]);

const event = (input: WebsocketMessage | null, outcome: ActorEvent['outcome'], responses: WebsocketMessage[] = []): ActorEvent => ({
  seq: 3,
  kind: input ? 'message' : 'init',
  connectionId: input ? 1 : null,
  startedAt: 0,
  durationMs: 1,
  input,
  stateBefore: 'before',
  stateAfter: outcome.kind === 'ok' ? 'after' : 'before',
  outcome,
  responses: responses.map(toWire),
  hostCalls: [],
  shutdown: false,
});

const byPath = (fields: AnnotatedField[]) => Object.fromEntries(fields.map((field) => [field.path, field]));

describe('annotateCall', () => {
  it('places every argument and result field of handle-message on its WIT type', () => {
    const call = annotateCall(event({ ty: { tag: 'text' }, text: 'hi' }, { kind: 'ok' }, [{ ty: { tag: 'text' } }]), stateBytes);
    const params = byPath(call.params);
    expect(params.state).toEqual({ path: 'state', type: 'option<list<u8>>', value: 'some(7 bytes)', preview: '{"n":1}' });
    expect(params['params.0.ty']!.value).toBe('text');
    expect(params['params.0.data']!.value).toBe('none');
    expect(params['params.0.text']).toMatchObject({ type: 'option<string>', value: 'some("hi")' });

    const result = byPath(call.result);
    expect(result['result.ok.0']).toMatchObject({ value: 'some(7 bytes)', preview: '{"n":2}' });
    expect(result['result.ok.1.0.messages']!.value).toBe('[…] (1 message)');
    // A text response without `text` is what Theater drops: the annotation says so.
    expect(result['result.ok.1.0.messages[0]']!.note).toMatch(/^dropped/);
    expect(result['result.ok.1.0.messages[0].text']!.value).toBe('none');
  });

  it('writes an err as the string it carried, and a trap as no result at all', () => {
    expect(annotateCall(event({ ty: { tag: 'close' } }, { kind: 'err', message: 'no "way"' }), stateBytes).result).toEqual([
      { path: 'result.err', type: 'string', value: '"no \\"way\\""', note: 'the state stays as it was' },
    ]);
    const trapped = annotateCall(event({ ty: { tag: 'other', val: 'x' } }, { kind: 'trap', message: 'unreachable' }), stateBytes);
    expect(byPath(trapped.params)['params.0.ty']!.value).toBe('other("x")');
    expect(trapped.result).toEqual([]);
    expect(trapped.noResult).toContain('unreachable');
  });

  it('annotates init against theater:simple/actor', () => {
    const call = annotateCall(event(null, { kind: 'ok' }), stateBytes);
    expect(call.func).toBe('init');
    expect(call.params.map((field) => field.path)).toEqual(['state']);
    expect(call.result.map((field) => field.path)).toEqual(['result.ok.0']);
  });

  it('previews bytes that are not text as hex', () => {
    const binary = annotateCall(event({ ty: { tag: 'binary' }, data: new Uint8Array([0, 255, 16]) }, { kind: 'ok' }), stateBytes);
    expect(byPath(binary.params)['params.0.data']).toMatchObject({ value: 'some(3 bytes)', preview: '00 ff 10' });
  });
});
