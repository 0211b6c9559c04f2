/**
 * The engine's public surface: everything the worker, the command line and the tests use.
 * Framework-free by rule (see eslint.config.js): it runs unchanged in a Worker and in Node.
 */
export { ActorSession, ACTOR_STATUSES, LOAD_STAGES, type LoadStage, type ActorStatus, type LostOutcome, type SessionOptions, type SessionSnapshot, type Started } from './session';
export type { ActorEvent, CallOutcome, EventKind, OutcomeKind, RecordedEvent } from './events';
export { EVENT_KINDS, OUTCOME_KINDS } from './events';
export { inspect, type ComponentInfo, type WorldItem } from './inspect';
export { dataUrlImporter, type ModuleImporter } from './loader';
export { MESSAGE_KINDS, makeMessage, textMessage, binaryMessage, describeMessage, type MessageKind, type WebsocketMessage, type WebsocketResponse, type MessageType } from './messages';
export { toWire, type WireFrame, type WireOutcome } from './wire';
export { logsOf, type HostCall } from './hostCalls';
export { verifyChain, decodeEntry, entryHash, type ChainEntry, type ChainError } from './chain';
export { connectionsAfter, type Connection } from './connections';
export type { StateRef } from './stateStore';
export { ENGINE_ERROR_CODES, type EngineError, type EngineErrorCode } from './errors';
export type { Result } from './result';
export { toHex, fromHex, decodeUtf8, utf8, bytesEqual } from './bytes';
export { WEBSOCKET_SERVER, ACTOR, RUNTIME, unversioned, providerOf, type ImportProvider } from './interfaceNames';
export { replay, type History, type ReplayOptions, type ReplayResult } from './replay';
export { compareEvents, summarize, COMPARED_ASPECTS, type ComparedAspect, type Difference, type EventComparison, type ReplaySummary } from './compare';
export { readSessionFile, writeSessionFile, componentHash, SESSION_FORMAT, SESSION_VERSION, type SessionFile } from './sessionFile';
export { chainToHistory, type ChainHistory } from './chainHistory';
export { StateStore } from './stateStore';
export { toBase64, fromBase64 } from './bytes';
