// The counter after a change that slipped in: a bare `inc` now adds 2. Everything else is the
// counter itself (imported, not copied), so replaying a counter session against this build
// diverges exactly at the first bare `inc`: the playground's "replay against a new build" demo.
import { actor, websocketServer as counter } from '../counter/counter.js';

export { actor };

export const websocketServer = {
  handleMessage(state, [message]) {
    const bareInc = message.ty.tag === 'text' && message.text?.trim() === 'inc';
    return counter.handleMessage(state, [bareInc ? { ...message, text: 'inc 2' } : message]);
  },
};
