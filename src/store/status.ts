/** What the `Actor status` element says about the actor (ARCHITECTURE.md, UI contract). */
export const ACTOR_UI_STATUSES = ['loading', 'ready', 'stopped', 'error'] as const;
export type ActorUiStatus = (typeof ACTOR_UI_STATUSES)[number];
