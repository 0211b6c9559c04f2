import type { EndpointOptions } from './client/endpointConnection';
import { fetchBridgeInfo } from './client/bridgeInfo';
import { PageBridge, type BridgeActor, type BridgeView } from './client/pageBridge';
import type { ProxyAnswerer, WebsocketMessage } from '../../core';
import type { Slice, StoreContext } from '../../store/context';
import { mirror } from '../../store/mirror';

/** Bridge mode: real endpoints the page connects to ("out"), real clients that reach the actor ("in"). */
export interface BridgeSlice {
  bridge: BridgeView;
  connectEndpoint(options: EndpointOptions): void;
  /** Sends a text or binary message to an endpoint; false when its socket is not open. */
  sendToEndpoint(id: number, message: WebsocketMessage): boolean;
  reconnectEndpoint(id: number): void;
  disconnectEndpoint(id: number): void;
  dismissBridgeError(): void;
  /** Attaches to the bridge server at `address` (host:port), or at the one last used. */
  attachBridge(address?: string): Promise<void>;
  startBridge(): Promise<void>;
  stopBridge(): void;
  /** Proxy mode: proxies real clients that arrive from now on to `upstream`, shadowed by the actor or not. */
  startProxy(upstream: string, shadow: boolean): Promise<void>;
  stopProxy(): void;
  /** Whether clients that connect from now on are shadowed by the actor (those already there keep theirs). */
  setProxyShadow(shadow: boolean): void;
  /** Who answers a proxied client (its bridge connection id), or every one (null). */
  routeProxied(id: number | null, to: ProxyAnswerer): void;
  /** Whether a connection is a real client's through the bridge (it answers an actor's close frame itself), as of now, not as last shown. */
  isRealClient(connectionId: number): boolean;
}

/**
 * `127.0.0.1:8765`, where `npm run dev` and `npm run bridge` listen, unless the page's URL says
 * `?bridge=host:port`. A page served with a bridge beside it takes that bridge's address instead.
 */
export function defaultBridgeAddress(): string {
  const asked = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('bridge');
  return asked ?? '127.0.0.1:8765';
}

/**
 * How often the bridge's view is copied into the store at most: real clients can send thousands
 * of messages a second, and the counters they move must not re-render the page per message.
 */
const VIEW_EVERY_MS = 100;

export const createBridgeSlice =
  ({ client, onRecorded, fetchAsset }: StoreContext): Slice<BridgeSlice> =>
  (set, _get, api) => {
    let refresh: ReturnType<typeof setTimeout> | undefined;
    const showView = (): void => {
      clearTimeout(refresh);
      refresh = undefined;
      set({ bridge: bridge.view() });
    };
    const changed = (): void => {
      refresh ??= setTimeout(showView, VIEW_EVERY_MS);
    };
    // Connections the bridge opens and closes itself must show up like those opened by hand.
    const actor: BridgeActor = {
      get events() {
        return client.events;
      },
      get connections() {
        return client.connections;
      },
      // A real client's URL path: an http-framework actor serves WebSockets per path.
      open: async (path) => {
        const opened = await client.open(path);
        set(mirror(client));
        return opened;
      },
      close: async (connectionId) => {
        const closed = await client.close(connectionId);
        set(mirror(client));
        return closed;
      },
      drop: async (connectionId) => {
        const dropped = await client.drop(connectionId);
        set(mirror(client));
        return dropped;
      },
      send: (connectionId, message) => client.send(connectionId, message),
      sendMany: (items) => client.sendMany(items),
      recordBridge: (records) => client.recordBridge(records),
    };
    const bridge = new PageBridge(actor, changed, defaultBridgeAddress());
    // Served by `vite` or `vite preview`, the page attaches to the bridge beside them by itself.
    // An address in the page's URL (`?bridge=`) is the user's choice: it is not overridden.
    if (typeof location === 'undefined' || !new URLSearchParams(location.search).has('bridge'))
      void fetchBridgeInfo(fetchAsset).then((info) => {
        if (info !== null && bridge.view().control.kind === 'detached') return bridge.autoAttach(info);
      });
    // Real clients are answered from the history, whoever made it grow: as soon as an event is
    // recorded (not when the page next renders). A replaced history (a load, an import, a
    // rewrite) records nothing, so the store says when that happens.
    onRecorded(() => bridge.observe(client.events));
    api.subscribe((state, previous) => {
      if (state.events !== previous.events) bridge.observe(state.events);
      // A changed view waiting for its turn is shown with the batch of events that changed it,
      // in the same render, rather than in a render (and a layout of the page) of its own.
      if (refresh !== undefined && state.eventCount !== previous.eventCount) showView();
    });

    return {
      bridge: bridge.view(),
      connectEndpoint: (options) => void bridge.connectEndpoint(options),
      sendToEndpoint: (id, message) => bridge.sendToEndpoint(id, message),
      reconnectEndpoint: (id) => bridge.reconnectEndpoint(id),
      disconnectEndpoint: (id) => bridge.disconnectEndpoint(id),
      dismissBridgeError: () => bridge.dismissError(),
      attachBridge: (address) => bridge.attach(address),
      startBridge: () => bridge.start(),
      stopBridge: () => bridge.stop(),
      startProxy: (upstream, shadow) => bridge.startProxy(upstream, shadow),
      stopProxy: () => bridge.stopProxy(),
      setProxyShadow: (shadow) => {
        bridge.setProxyShadow(shadow);
        // A checkbox shows its new state at once, not at the next batched view.
        showView();
      },
      routeProxied: (id, to) => bridge.routeProxied(id, to),
      isRealClient: (connectionId) => bridge.servesRealClient(connectionId),
    };
  };

// This slice's part of the store's state (see store/playgroundState.ts).
declare module '../../store/playgroundState' {
  interface PlaygroundState extends BridgeSlice {}
}
