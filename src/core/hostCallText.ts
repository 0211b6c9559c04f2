import type { HostCall } from './hostCalls';
import { clipText as clip } from './longText';
import { waveValue, type WaveOptions } from './wave';

/** `maxChars` also cuts each argument and the result as a whole, ending in `…`. */
export type HostCallTextOptions = WaveOptions;

/**
 * A host call on one line, `interface.function(args) → result` (no arrow without a result), as
 * the timeline and the Inspector show it. A call the playground recorded is written in WAVE, as
 * the Inspector writes every value: `none`, bytes as a byte list (`[98, 121, 101]`, shortened past
 * `maxBytes`). A call read from a Theater chain is written as the chain wrote it (`written`): its
 * input and output, each one JSON value, so a Pack value such as `{"Tuple":[]}` or `{"U64":1}` reads
 * as the tagged value it is, and `null` (no arguments, or none) leaves the parentheses empty.
 */
export function hostCallText(call: HostCall, options: HostCallTextOptions = {}): string {
  const name = `${call.interface}.${call.function}`;
  if (call.written) {
    const { input, output } = call.written;
    return `${name}(${input === 'null' ? '' : clip(input, options.maxChars)})${output === 'null' ? '' : ` → ${clip(output, options.maxChars)}`}`;
  }
  const args = call.args.map((arg) => clip(waveValue(arg, options), options.maxChars)).join(', ');
  return `${name}(${args})${call.result === undefined ? '' : ` → ${clip(waveValue(call.result, options), options.maxChars)}`}`;
}
