import { utf8ByteLength } from '../core/bytes';
import { checkLimit, type LimitError, type Limits } from '../core/limits';
import type { WebsocketResponse } from '../core/messages';

/** One response's payload bytes: its text's UTF-8 bytes and its data's. */
const payloadBytes = ({ text, data }: WebsocketResponse['messages'][number]): number => (text ? utf8ByteLength(text) : 0) + (data?.length ?? 0);

/**
 * The limit an answered call went past, if any: how many responses it sent, each one's bytes, the
 * size of the state it would commit. (Host calls and log lines are stopped as they happen, by the
 * recorder; memory is weighed after every call, `pastMemoryLimit`.)
 */
export function pastAnswerLimit(limits: Limits, state: Uint8Array | undefined, response: WebsocketResponse): LimitError | undefined {
  const count = checkLimit('responsesPerCall', response.messages.length, limits);
  if (!count.ok) return count.error;
  for (const message of response.messages) {
    const bytes = checkLimit('responseBytes', payloadBytes(message), limits);
    if (!bytes.ok) return bytes.error;
  }
  const size = checkLimit('stateBytes', state?.length ?? 0, limits);
  return size.ok ? undefined : size.error;
}

/**
 * Whether the instance's linear memories together are past the memory limit. They are weighed
 * after the call (the glue gives no hook as they grow); memory never shrinks, so an instance past
 * it is replaced.
 */
export function pastMemoryLimit(limits: Limits, memoryBytes: number): LimitError | undefined {
  const memory = checkLimit('memoryBytes', memoryBytes, limits);
  return memory.ok ? undefined : memory.error;
}
