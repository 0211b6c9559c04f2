import type { ActorEvent, ChainFormat } from '../events';
import type { StateStore } from '../stateStore';

/** A chain brought in as a history: every entry is in some event. */
export interface ChainHistory {
  format: ChainFormat;
  /** How many entries the chain holds. */
  entries: number;
  events: ActorEvent[];
  states: StateStore;
  /** Events that are calls the playground can replay (`init`, `message`); the rest are `chain` events. */
  replayable: number;
  /**
   * The actor id the chain's init was given (its params `["<id>"]`, as Theater wrote them for an
   * init taking `(actor-id,)`), when the first init or handle-message call in it is such an init: a
   * replay, or a session adopting this history, gives init the same id. Absent for the text format.
   */
  actorId?: string;
}
