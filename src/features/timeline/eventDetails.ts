import { clipText, describeMessage, hostCallText, logsOf, type ActorEvent, type HostCall } from '../../core';
import { responseBody } from '../../ui/format';
import { chainDetailCount, chainDetailLines } from './chainRow';
import type { DetailLine } from './detailLine';

/**
 * Lines a row shows under its head. Rows have a height fixed by their line count (that is what
 * keeps 100,000 of them cheap to lay out), so a busy event shows the first few and how many more
 * the Inspector has.
 */
export const MAX_DETAILS = 4;

const failed = (event: ActorEvent): boolean => event.outcome.kind !== 'ok';

/** How many lines `detailLines` returns, without building them: layout asks this of every event. */
export const detailCount = (event: ActorEvent): number =>
  event.kind === 'chain' ? chainDetailCount(event, MAX_DETAILS) : Math.min(MAX_DETAILS, (failed(event) ? 1 : 0) + event.responses.length + event.hostCalls.length);

/** A row's line is short: a few bytes, and no value past one line's worth. The Inspector shows more. */
const ROW_TEXT = { maxBytes: 8, maxChars: 80 };

function hostCallLine(call: HostCall): DetailLine {
  // The engine's own rule for what a log is, asked of one call.
  const [log] = logsOf([call]);
  if (log !== undefined) return { tone: 'log', mark: 'log', text: clipText(log, ROW_TEXT.maxChars) };
  return { tone: 'call', mark: 'call', text: hostCallText(call, ROW_TEXT), tag: call.stubbed ? 'stub' : undefined };
}

/**
 * The failure, then what came out, then what the actor asked the host (logs included), in order;
 * for a read-only event from a chain, its entries.
 */
export function detailLines(event: ActorEvent): DetailLine[] {
  const lines = event.kind === 'chain' ? chainDetailLines(event) : callLines(event);
  if (lines.length <= MAX_DETAILS) return lines;
  const hidden = lines.length - MAX_DETAILS + 1;
  return [...lines.slice(0, MAX_DETAILS - 1), { tone: 'more', mark: '…', text: `${hidden} more: the Inspector shows them all` }];
}

function callLines(event: ActorEvent): DetailLine[] {
  const lines: DetailLine[] = [];
  const { outcome } = event;
  if (outcome.kind === 'err' || outcome.kind === 'trap') lines.push({ tone: 'failed', mark: '✕', text: clipText(outcome.message, ROW_TEXT.maxChars) });
  if (outcome.kind === 'timeout') lines.push({ tone: 'failed', mark: '✕', text: `no answer within ${outcome.afterMs} ms: the worker was restarted` });
  for (const response of event.responses) {
    lines.push(
      response.frame
        ? { tone: 'response', mark: '→', text: describeMessage(response.message, ROW_TEXT) }
        : { tone: 'warning', mark: '⚠', text: `${response.warning}: ${responseBody(response, ROW_TEXT.maxChars)}` },
    );
  }
  lines.push(...event.hostCalls.map(hostCallLine));
  return lines;
}
