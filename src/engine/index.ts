/**
 * The engine's public surface: everything the worker, the command line and the tests use.
 * Framework-free by rule (see eslint.config.js): it runs unchanged in a Worker and in Node.
 */
export { ActorSession, ACTOR_STATUSES, LOAD_STAGES, type LoadStage, type ActorStatus, type LostOutcome, type SessionOptions, type SessionSnapshot, type Started } from './session';
export type { ActorEvent, BridgeDirection, BridgeInfo, BridgeRecord, CallOutcome, ChainFormat, ChainOrigin, EventKind, JsonChainRecord, OutcomeKind, RecordedEvent, ShadowVerdict, TextChainRecord } from './events';
export { BRIDGE_DIRECTIONS, CHAIN_FORMATS, EVENT_KINDS, OUTCOME_KINDS } from './events';
export { inspect, isWasmFile, type ComponentInfo, type WorldItem } from './inspect';
export { actorIdOf } from './actorId';
export { dataUrlImporter, type ModuleImporter } from './loader';
export { MESSAGE_KINDS, makeMessage, textMessage, binaryMessage, describeMessage, type MessageKind, type WebsocketMessage, type WebsocketResponse, type MessageType } from './messages';
export { toWire, type WireFrame, type WireOutcome } from './wire';
export { isLogCall, logsOf, type HostCall } from './hostCalls';
export { hostCallText, type HostCallTextOptions } from './hostCallText';
export { PROVIDERS, PROVISIONS, type ImportedFunction, type Provider, type Provision } from './importReport';
export { isTheaterInterface } from './runtimeHost';
export { verifyChain, decodeEntry, entryHash, type ChainEntry, type ChainError } from './chain';
export { connectionsAfter, type Connection } from './connections';
export { CONNECT_DELIVERIES, DEFAULT_DELIVERY, opensConnection, type ConnectDelivery } from './connectDelivery';
export type { StateRef } from './stateStore';
export { ENGINE_ERROR_CODES, type EngineError, type EngineErrorCode } from './errors';
export type { Result } from './result';
export { toHex, fromHex, decodeUtf8, utf8, bytesEqual } from './bytes';
export { WEBSOCKET_SERVER, ACTOR, RUNTIME, THEATER_PACKAGE_ERAS, unversioned, providerOf, type ImportProvider, type TheaterPackage } from './interfaceNames';
export { replay, type History, type ReplayOptions, type ReplayResult } from './replay';
export { compareEvents, summarize, COMPARED_ASPECTS, type ComparedAspect, type Difference, type EventComparison, type ReplaySummary } from './compare';
export { readSessionFile, writeSessionFile, componentHash, SESSION_FORMAT, SESSION_VERSION, type SessionFile } from './sessionFile';
export { chainToHistory, readChain, type ChainHistory } from './chainHistory';
export { historyFileOf, HISTORY_FILES, type HistoryFile } from './historyFiles';
export { chainReadings, ENTRY_KINDS, type EntryField, type EntryKind, type EntryReading } from './chainReading';
export { StateStore } from './stateStore';
export { toBase64, fromBase64 } from './bytes';
export { waveCall, waveResult, waveMessage, waveMessageType, waveResponse, waveState, waveValue, waveString, waveBytes, waveOption, type WaveOptions } from './wave';
export { waveTranscript, type TranscriptHeader } from './waveTranscript';
export { DIFF_VIEWS, type DiffView, type DiffDetail, type StateDiff } from './diff/stateDiff';
export { DiffJobs, diffKeyOf, mirrorJob, stateMirror, type DiffJob, type DiffAnswer } from './diff/diffJob';
export { HexLayout, type HexRow, type RowSpan } from './diff/hexLayout';
export { formatJsonPath, type JsonDiff, type JsonNode, type JsonPath } from './diff/jsonDiff';
export { lastChangeOf, type StatePlace } from './diff/lastChange';
export type { ByteDiff, ByteSummary } from './diff/bytesDiff';
export type { TextDiff } from './diff/textDiff';
