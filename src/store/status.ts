import type { PlaygroundState } from './playgroundState';

/** What the `Actor status` element says about the actor (ARCHITECTURE.md, UI contract). */
export const ACTOR_UI_STATUSES = ['loading', 'ready', 'stopped', 'error'] as const;
export type ActorUiStatus = (typeof ACTOR_UI_STATUSES)[number];

/** What the page says: the actor's status, or `running` while a ready actor has a call of the person's in flight. */
export type ShownStatus = ActorUiStatus | 'running';

export const shownStatusOf = (s: Pick<PlaygroundState, 'status' | 'pendingCalls'>): ShownStatus => (s.status === 'ready' && s.pendingCalls.length > 0 ? 'running' : s.status);
