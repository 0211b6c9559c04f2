import { diffBytes, type ByteDiff } from './bytesDiff';
import { diffJson, type JsonDiff } from './jsonDiff';
import { diffText, type TextDiff } from './textDiff';
import { StateView } from './stateView';

/** The ways the inspector can show a state change. */
export const DIFF_VIEWS = ['hex', 'text', 'json'] as const;
export type DiffView = (typeof DIFF_VIEWS)[number];

export type DiffDetail = { view: 'hex' } | { view: 'text'; text: TextDiff } | { view: 'json'; json: JsonDiff };

/** Everything the inspector shows about one state change, for one chosen view. */
export interface StateDiff {
  /** Always computed: the byte summary is shown whatever the view. */
  bytes: ByteDiff;
  /** Text when both sides are UTF-8; JSON when both also parse (a missing state is neither). */
  available: Record<DiffView, boolean>;
  /** JSON, else readable text, else hex: shown until the person picks another view. */
  best: DiffView;
  detail: DiffDetail;
}

const EMPTY = new Uint8Array(0);

/**
 * The diffs of one pair of states, each computed once, when first asked for. JSON is parsed
 * only to show it or to pick the best view; otherwise its tab is offered on a look at the first
 * characters, and taken back if the parse then fails.
 */
export class StateDiffer {
  #bytes: ByteDiff | undefined;
  #text: TextDiff | undefined;
  #json: JsonDiff | undefined;
  readonly #before: StateView;
  readonly #after: StateView;

  constructor(before: StateView | Uint8Array | undefined, after: StateView | Uint8Array | undefined) {
    this.#before = before instanceof StateView ? before : new StateView(before);
    this.#after = after instanceof StateView ? after : new StateView(after);
  }

  diff(wanted: DiffView | null): StateDiff {
    const [a, b] = [this.#before, this.#after];
    const likely = a.jsonLikely() && b.jsonLikely();
    if (likely && (wanted === 'json' || wanted === null) && a.json()) b.json();
    const parsed = a.parsed === true && b.parsed === true;
    const json = a.parsed === undefined || b.parsed === undefined ? likely : parsed;
    const available = { hex: true, text: a.text() !== null && b.text() !== null, json };
    const best: DiffView = parsed && (a.present || b.present) ? 'json' : a.readable() && b.readable() ? 'text' : 'hex';
    const view = wanted !== null && available[wanted] ? wanted : best;
    return { bytes: this.#byteDiff(), available, best, detail: this.#detail(view) };
  }

  #detail(view: DiffView): DiffDetail {
    switch (view) {
      case 'hex':
        return { view };
      case 'text':
        this.#text ??= diffText(this.#before.text()!, this.#after.text()!);
        return { view, text: this.#text };
      case 'json':
        this.#json ??= diffJson(this.#before.json()!.value, this.#after.json()!.value);
        return { view, json: this.#json };
      default: {
        const exhaustive: never = view;
        return exhaustive;
      }
    }
  }

  #byteDiff(): ByteDiff {
    this.#bytes ??= diffBytes(this.#before.bytes ?? EMPTY, this.#after.bytes ?? EMPTY);
    return this.#bytes;
  }
}
