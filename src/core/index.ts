/**
 * The core's public surface: what the page, the protocols, the worker, the command line and the
 * tests use of the history, messages, chains, diffs and files. Pure by rule (see eslint.config.js
 * and ARCHITECTURE.md): no jco, DOM, React or zustand, so it runs unchanged on the page, in a
 * Worker and in Node. Running a component is the runtime's (src/runtime/index.ts).
 */
export { LOAD_STAGES, type CacheUse, type CacheUsage, type LoadStage, type LostOutcome, type SessionSnapshot } from './actorSnapshot';
export type { ActorEvent, BridgeDirection, BridgeInfo, BridgeRecord, CallOutcome, OutcomeKind, ProxyAnswerer, ProxyInfo, RecordedEvent, ShadowVerdict } from './events';
export { OUTCOME_KINDS, timesRecorded } from './events';
export { compareExchange, type ActorAnswer, type ExchangeVerdict } from './shadowCompare';
export { bridgeFrameOf, FRAME_OPCODES, switchText, type BridgeFrame, type FrameOpcode } from './bridgeFrame';
export { actorIdOf } from './actorId';
export { MESSAGE_KINDS, makeMessage, textMessage, binaryMessage, describeMessage, type MessageKind, type WebsocketMessage } from './messages';
export { toWire, type WireFrame, type WireOutcome } from './wire';
export { isLogCall, logsOf, type HostCall } from './hostCalls';
export { hostCallText, type HostCallTextOptions } from './hostCallText';
export { historyFileOf, HISTORY_FILES, NOT_A_CHAIN_BUT_A_SESSION, type HistoryFile } from './historyFiles';
export { isWasmFile } from './wasmMagic';
export { sha256Hex, type CompiledComponent } from './compiledComponent';
export { cacheKeyBytes, editorSourceOf, withEditorSource } from './editor/editorSource';
// editorModule (sucrase) is left out: the page loads it only when a source runs (features/editor).
export { thrownAt, type SourceError, type SourceLocation } from './editor/sourceLocation';
export { EDITOR_LINK_PREFIX, editorLinkValue, sourceFromEditorLink } from './editor/editorLink';
export type { ComponentInfo, ImportedFunction, WorldItem } from './componentInfo';
export { isRuntimeInternalExport, RUNTIME_INTERNAL_EXPORTS } from './componentInfo';
export { connectionsAfter, type Connection } from './connections';
export { CONNECT_DELIVERIES, DEFAULT_DELIVERY, opensConnection, type ConnectDelivery } from './connectDelivery';
export { DEFAULT_WASI_SETTINGS, MAX_SEED, parseSeed, parseStart, wasiSourceText, type WasiSettings } from './wasiSettings';
export type { StateRef } from './stateStore';
export { asReplayRefusal, noActor, NOTHING_IMPORTED, LIMIT_ERROR_CODES, PAGE_ERROR_CODES, type LimitErrorCode, type EngineError, type EngineErrorCode, type ErrorCode, type PageErrorCode, type PlaygroundError } from './errors';
export type { Result } from './result';
export { checkLimit, DEFAULT_LIMITS, isLimitValue, LIMIT_KEYS, LIMITS, limitError, limitsFrom, LOOSEST_LIMITS, parseLimit, parseWholeNumber, wholeNumberFrom, type LimitError, type LimitKey, type Limits } from './limits';
export { toHex, fromHex, decodeUtf8, utf8, utf8ByteLength, bytesEqual, isGzip } from './bytes';
export { HTTP_FRAME_KINDS, httpFrameRefusal } from './httpFrames';
export { WEBSOCKET_SERVER, ACTOR, HTTP_HANDLERS, THEATER_PACKAGE_ERAS, unversioned, isTheaterInterface, PLAYGROUND_EDITOR_SOURCE } from './interfaceNames';
export { compareEvents, type ComparedAspect, type Difference, type EventComparison, type ReplayResult } from './compare';
export { HISTORY_EDIT_KINDS, planEdit, planFork, findBranch, reduceBranches, rewriteReportOf, type Branch, type BranchAction, type EditPlan, type HistoryEdit, type HistoryEditKind, type RewriteReport } from './history/timeTravel';
export { RecordedHistory, statusOf, type HistoryRecord } from './history/recordedHistory';
export { eventsOfConnection } from './history/connectionEvents';
export { shareRepeatedParts } from './history/sharedParts';
export { packEvents, packedBuffers, unpackEvents, type PackedEvents } from './history/packedEvents';
export { readSessionFile, writeSessionFile, sessionFileLines, componentHash } from './sessionFile';
export { readSessionForImport, type ImportedSession, type LoadedComponent } from './sessionImport';
export { actorNameOf } from './actorName';
export { deltaOf, applyDelta, StateChainWriter, KEYFRAME_INTERVAL, type StateDelta, type ChainedState } from './stateDelta';
export { readChain } from './chain/chainHistory';
export type { ChainHistory } from './chain/importedHistory';
export type { ChainWriter } from './chain/chainValues';
export { loadSha1 } from './chain/sha1';
export { chainReadings, type EntryKind } from './chain/chainReading';
export { toBase64, fromBase64 } from './bytes';
export { clipText, formatSize, quotedPreview, utf8Length } from './longText';
export { waveCall, waveResult, waveMessage, waveMessageType, waveValue, waveString, waveOption, type WaveOptions } from './wave';
export { waveTranscript } from './waveTranscript';
export { DIFF_VIEWS, type DiffView, type StateDiff } from './diff/stateDiff';
export { DiffJobs, diffKeyOf, mirrorJob, stateMirror } from './diff/diffJob';
export { HexLayout, type HexRow, type RowSpan } from './diff/hexLayout';
export { formatJsonPath, type JsonDiff, type JsonNode, type JsonPath } from './diff/jsonDiff';
export { lastChangeOf, type StatePlace } from './diff/lastChange';
export type { ByteDiff, ByteSummary } from './diff/bytesDiff';
export { diffText, type TextDiff } from './diff/textDiff';
export { ACTOR_KINDS, ACTOR_KIND_LABELS, type ActorKind } from './actorKind';
export { HttpServers, type HttpServer, type HttpRoute, type WebsocketPath, type HttpConnection } from './httpServers';
export { httpServersOf } from './history/httpServersOf';
export { actorConnectionId } from './history/actorConnectionId';
export type { HttpEventInfo } from './events';
