import { PLAYGROUND_EDITOR_SOURCE, thrownAt, type ActorEvent, type HostCall, type SourceError, type SourceLocation } from '../../core';
import { cursorOf } from '../../store/cursor';

/**
 * What went wrong with the Editor's source, and where when that is known: a syntax error found
 * before running (`parse`), the standalone build's complaint (`build`), the source failing while it
 * loads or in its init (`init`: the load fails and the running actor stays), or a call that threw
 * or returned a value of the wrong shape (`call`, with its event).
 */
export interface EditorProblem {
  by: 'parse' | 'build' | 'init' | 'call';
  message: string;
  /** 1-based, as the editor counts; absent when the host could not tell (a wrong returned shape). */
  at?: SourceLocation;
  /** `call`: the event that threw. */
  seq?: number;
}

/** A syntax error or a build's complaint, at its place. */
export const sourceProblem = (by: 'parse' | 'build', error: SourceError): EditorProblem => ({ by, message: error.message, at: { line: error.line, column: error.column } });

/** The problem the Editor's host reported among `calls` (runtime/editorHost.ts: `report-error`), if any. */
export function reportedProblem(calls: readonly HostCall[], by: 'init' | 'call'): EditorProblem | null {
  const report = calls.find((call) => call.interface === PLAYGROUND_EDITOR_SOURCE && call.function === 'report-error');
  if (!report) return null;
  const [name, message, stack] = report.args.map(String);
  const at = thrownAt(stack ?? '');
  return { by, message: `${name}: ${message}`, ...(at && { at }) };
}

/** Where an event's call went wrong, from the host's report of it. */
export function thrownIn(event: ActorEvent | null): EditorProblem | null {
  const problem = event && reportedProblem(event.hostCalls, 'call');
  return problem && event ? { ...problem, seq: event.seq } : null;
}

/**
 * The event whose problem the Editor shows: the selected one, else the newest, when the host
 * reported one on it and the Editor's source is the loaded actor's (another source's error would
 * point at the wrong lines). A selector: it returns the event itself, so the store's answer stays
 * the same object until another event takes its place.
 */
export function editorErrorEvent(state: { events: readonly ActorEvent[]; cursor: number | null; eventCount: number; editorText: string; editorLoadedSource: string | null }): ActorEvent | null {
  if (state.editorLoadedSource === null || state.editorLoadedSource !== state.editorText) return null;
  const reported = (event: ActorEvent | undefined) => (event && reportedProblem(event.hostCalls, 'call') ? event : undefined);
  return reported(state.events[cursorOf(state)]) ?? reported(state.events[state.eventCount - 1]) ?? null;
}
