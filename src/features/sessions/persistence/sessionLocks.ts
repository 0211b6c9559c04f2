/**
 * Web Locks on open sessions, held by the tab that writes them, so that a second tab of the
 * playground never restores (and then writes into) a session another tab is recording: their
 * events would interleave under the same keys. The browser lets go of a closed or crashed tab's
 * locks by itself.
 */
export class SessionLocks {
  readonly #held = new Map<string, () => void>();

  /** Takes the lock of session `id`; false when another tab holds it. */
  take(id: string): Promise<boolean> {
    const locks = globalThis.navigator?.locks;
    // Without Web Locks (an old browser) there is nothing to coordinate with: go ahead.
    if (this.#held.has(id) || !locks) return Promise.resolve(true);
    return new Promise((resolve) => {
      void locks.request(`theater-playground/session/${id}`, { ifAvailable: true }, (lock) => {
        if (!lock) return resolve(false);
        resolve(true);
        // The lock is held until this promise settles.
        return new Promise<void>((release) => this.#held.set(id, release));
      });
    });
  }

  /** Lets go of every lock but that of `id`, the session now being written (if any). */
  keepOnly(id: string | undefined): void {
    for (const [other, release] of this.#held) {
      if (other === id) continue;
      release();
      this.#held.delete(other);
    }
  }
}
