import type { ConnectDelivery, EngineError, Result, WebsocketMessage } from '../../core';
import type { Slice, StoreContext } from '../../store/context';
import { mirror, settledStatus, type ConnectionView } from '../../store/mirror';

/** The simulated WebSocket clients and what they send. */
export interface ConnectionsSlice {
  connections: ConnectionView[];
  delivery: ConnectDelivery;
  /** Changes how connections reach the actor, from the next event on (recorded events keep theirs). */
  setDelivery(delivery: ConnectDelivery): Promise<void>;
  openConnection(): Promise<void>;
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
  ({ client }: StoreContext): Slice<ConnectionsSlice> =>
  (set, get) => {
    /** Runs one call into the actor and brings the store up to date, whatever happened. */
    const run = async <T>(call: () => Promise<Result<T, EngineError>>): Promise<boolean> => {
      // A call goes to the live actor, whatever moment of the past is on screen: the view follows it there.
      set({ alert: null, cursor: null });
      const result = await call();
      set({ ...mirror(client), ...(result.ok ? {} : { alert: result.error }) });
      // A load in flight owns the status; otherwise the call may have stopped the actor, or, when
      // its worker died and could not be brought back, left nothing to talk to.
      if (get().status !== 'loading') {
        const crashed = !result.ok && result.error.code === 'worker-crashed';
        set({ status: crashed ? 'error' : settledStatus(client) });
      }
      return result.ok;
    };

    return {
      connections: [],
      delivery: client.delivery,
      setDelivery: async (delivery) => {
        await run(() => client.setDelivery(delivery));
      },
      openConnection: async () => {
        await run(() => client.open());
      },
      closeConnection: async (connectionId) => {
        await run(() => client.close(connectionId));
      },
      send: (connectionId, message) => run(() => client.send(connectionId, message)),
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
