import type { ActorEvent, ConnectDelivery, EngineError, Result, WebsocketMessage } from '../../core';
import type { Slice, StoreContext } from '../../store/context';
import { mirror, settledStatus, type ConnectionView } from '../../store/mirror';
import { atNextFrame } from '../../store/nextFrame';
import { answers, enqueue, settle, type PendingCall, type PendingCallRequest } from './pendingCalls';

/** The simulated WebSocket clients and what they send. */
export interface ConnectionsSlice {
  connections: ConnectionView[];
  delivery: ConnectDelivery;
  /** Opens, sends and closes made here that have not landed yet, in the order they will run (the first is running). */
  pendingCalls: readonly PendingCall[];
  /** How long one call may run before the watchdog restarts the actor (ms). */
  callTimeoutMs: number;
  /** Changes how connections reach the actor, from the next event on (recorded events keep theirs). */
  setDelivery(delivery: ConnectDelivery): Promise<void>;
  /** `path`: the WebSocket path an http-framework actor's client connects to (default: the first it serves; other actors ignore it). */
  openConnection(path?: string): Promise<void>;
  closeConnection(connectionId: number): Promise<void>;
  /** Sends one message from a client; resolves true when the actor got it (whatever it answered). */
  send(connectionId: number, message: WebsocketMessage): Promise<boolean>;
  /**
   * Sends the same message from every open client, by connection number: one event each, in
   * order, since the actor cannot tell clients apart. Stops at the first failure, whose alert
   * stays; resolves true when at least one client's message got through.
   */
  sendToAll(message: WebsocketMessage): Promise<boolean>;
}

export const createConnectionsSlice =
  ({ client, callTimeoutMs, onRecorded }: StoreContext): Slice<ConnectionsSlice> =>
  (set, get) => {
    let lastPendingId = 0;
    // The calls in flight as they are now. The store shows a new one from the next frame on, when
    // it would be drawn anyway: a call answered before then (echo, most calls) lands with its
    // event in one render, and the page lays out and paints once for it, not twice.
    let calls: readonly PendingCall[] = [];
    // The calls to set in the store: none when it shows none and none are left (an answer before
    // its row was shown), so that nothing selecting them re-renders for an empty array.
    const callsChange = (): Partial<ConnectionsSlice> => {
      const shown = get().pendingCalls;
      return shown === calls || (shown.length === 0 && calls.length === 0) ? {} : { pendingCalls: calls };
    };
    const showCalls = atNextFrame(() => set(callsChange()));
    const settled = (id: number): Partial<ConnectionsSlice> => {
      calls = settle(calls, id, performance.now());
      return callsChange();
    };

    // The running call's event lands with the store's next render of the history, not a frame
    // after it: the pending row turns into the recorded one without a gap or a double.
    onRecorded(() => {
      const [running] = calls;
      const event = client.events.at(-1);
      if (running && event && answers(running, event)) set({ ...mirror(client), ...settled(running.id) });
      if (event) answerCloses(event);
    });

    // Connections being closed because the actor sent them a close frame, and the closes under way.
    const closing = new Set<number>();
    let closes: Promise<unknown> = Promise.resolve();
    /**
     * An http-framework actor's `close-websocket` only asks the client to close: Theater's server
     * calls the disconnect handler once the client answers with its own close frame. A simulated
     * client answers at once, as a browser's WebSocket does, with the same close `Close connection`
     * makes. Not for a real client through the bridge (its own socket answers, and the bridge
     * reports that), nor while a load or a rewrite re-records a history: its closes are recorded already.
     */
    const answerCloses = (event: ActorEvent): void => {
      if (event.kind !== 'message' || get().status === 'loading') return;
      for (const response of event.responses) {
        const to = response.to;
        if (to === undefined || response.frame?.frame !== 'close' || closing.has(to)) continue;
        if (!client.connections.some((c) => c.id === to && c.open) || get().isRealClient(to)) continue;
        closing.add(to);
        // Queued behind the call that recorded this event (the client runs one call at a time).
        const closed = run(() => client.close(to), { kind: 'close', connectionId: to, message: null }, false).finally(() => closing.delete(to));
        closes = Promise.all([closes, closed]);
      }
    };

    /**
     * Runs one call into the actor and brings the store up to date, whatever happened. A call the
     * person made (`pending`) shows as pending from the next frame until it lands.
     */
    const run = async <T>(call: () => Promise<Result<T, EngineError>>, pending?: PendingCallRequest, followCloses = true): Promise<boolean> => {
      const id = pending ? ++lastPendingId : 0;
      // A call goes to the live actor, whatever moment of the past is on screen: the view follows it there.
      set({ alert: null, cursor: null });
      if (pending) {
        calls = enqueue(calls, pending, id, performance.now());
        showCalls();
      }
      const result = await call();
      set({ ...mirror(client), ...settled(id), ...(result.ok ? {} : { alert: result.error }) });
      // A load in flight owns the status; otherwise the call may have stopped the actor, or, when
      // its worker died and could not be brought back, left nothing to talk to.
      if (get().status !== 'loading') {
        const crashed = !result.ok && result.error.code === 'worker-crashed';
        set({ status: crashed ? 'error' : settledStatus(client) });
      }
      // The clients the actor closed during this call are closed when it resolves: the next
      // message of `sendToAll` then skips them rather than failing on them.
      if (followCloses) {
        let seen: Promise<unknown> | undefined;
        while (seen !== closes) await (seen = closes);
      }
      return result.ok;
    };

    return {
      connections: [],
      delivery: client.delivery,
      pendingCalls: [],
      callTimeoutMs,
      setDelivery: async (delivery) => {
        await run(() => client.setDelivery(delivery));
      },
      openConnection: async (path) => {
        await run(() => client.open(path), { kind: 'open', connectionId: null, message: null });
      },
      closeConnection: async (connectionId) => {
        await run(() => client.close(connectionId), { kind: 'close', connectionId, message: null });
      },
      send: (connectionId, message) => run(() => client.send(connectionId, message), { kind: 'send', connectionId, message }),
      sendToAll: async (message) => {
        let delivered = false;
        for (const { id } of get().connections.filter((c) => c.open)) {
          // An earlier client's message may have made the actor close this one.
          if (!get().connections.find((c) => c.id === id)?.open) continue;
          if (!(await get().send(id, message))) break;
          delivered = true;
        }
        return delivered;
      },
    };
  };

// This slice's part of the store's state (see store/playgroundState.ts).
declare module '../../store/playgroundState' {
  interface PlaygroundState extends ConnectionsSlice {}
}
