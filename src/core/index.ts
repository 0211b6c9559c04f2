/**
 * The core's public surface: what the page, the protocols, the worker, the command line and the
 * tests use of the history, messages, chains, diffs and files. Pure by rule (see eslint.config.js
 * and ARCHITECTURE.md): no jco, DOM, React or zustand, so it runs unchanged on the page, in a
 * Worker and in Node. Running a component is the runtime's (src/runtime/index.ts).
 */
export { ACTOR_STATUSES, LOAD_STAGES, type LoadStage, type ActorStatus, type LostOutcome, type SessionSnapshot } from './actorSnapshot';
export type { ActorEvent, BridgeDirection, BridgeInfo, BridgeRecord, CallOutcome, ChainFormat, ChainOrigin, EventKind, JsonChainRecord, OutcomeKind, RecordedEvent, ShadowVerdict, TextChainRecord } from './events';
export { BRIDGE_DIRECTIONS, CHAIN_FORMATS, EVENT_KINDS, OUTCOME_KINDS } from './events';
export { actorIdOf } from './actorId';
export { MESSAGE_KINDS, makeMessage, textMessage, binaryMessage, describeMessage, type MessageKind, type WebsocketMessage, type WebsocketResponse, type MessageType } from './messages';
export { toWire, type WireFrame, type WireOutcome } from './wire';
export { isLogCall, logsOf, type HostCall } from './hostCalls';
export { PROVIDERS, PROVISIONS, type ComponentInfo, type ImportedFunction, type Provider, type Provision, type WorldItem } from './componentInfo';
export { verifyChain, decodeEntry, entryHash, type ChainEntry, type ChainError } from './chain/chain';
export { connectionsAfter, type Connection } from './connections';
export { CONNECT_DELIVERIES, DEFAULT_DELIVERY, opensConnection, type ConnectDelivery } from './connectDelivery';
export type { StateRef } from './stateStore';
export { ENGINE_ERROR_CODES, type EngineError, type EngineErrorCode } from './errors';
export type { Result } from './result';
export { toHex, fromHex, decodeUtf8, utf8, bytesEqual } from './bytes';
export { WEBSOCKET_SERVER, ACTOR, RUNTIME, THEATER_PACKAGE_ERAS, unversioned, providerOf, isTheaterInterface, type ImportProvider, type TheaterPackage } from './interfaceNames';
export { compareEvents, summarize, COMPARED_ASPECTS, type ComparedAspect, type Difference, type EventComparison, type ReplayResult, type ReplaySummary } from './compare';
export { readSessionFile, writeSessionFile, componentHash, SESSION_FORMAT, SESSION_VERSION, type SessionFile } from './sessionFile';
export { chainToHistory, readChain, type ChainHistory } from './chain/chainHistory';
export { chainReadings, ENTRY_KINDS, type EntryField, type EntryKind, type EntryReading } from './chain/chainReading';
export { StateStore } from './stateStore';
export { toBase64, fromBase64 } from './bytes';
export { waveCall, waveResult, waveMessage, waveMessageType, waveResponse, waveState, waveValue, waveString, waveBytes, waveOption, type WaveOptions } from './wave';
export { waveTranscript, type TranscriptHeader } from './waveTranscript';
export { DIFF_VIEWS, type DiffView, type DiffDetail, type StateDiff } from './diff/stateDiff';
export { DiffJobs, diffKeyOf, mirrorJob, stateMirror } from './diff/diffJob';
export { HexLayout, type HexRow, type RowSpan } from './diff/hexLayout';
export { formatJsonPath, type JsonDiff, type JsonNode, type JsonPath } from './diff/jsonDiff';
export { lastChangeOf, type StatePlace } from './diff/lastChange';
export type { ByteDiff, ByteSummary } from './diff/bytesDiff';
export type { TextDiff } from './diff/textDiff';
