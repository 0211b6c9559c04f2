import echo from './templates/echo.js?raw';
import counter from './templates/counter.js?raw';
import chatRoom from './templates/chat-room.js?raw';
import binaryProtocol from './templates/binary-protocol.js?raw';
import failsOnPurpose from './templates/fails-on-purpose.js?raw';

/** The Editor's starting points, each a whole actor a learner can run as it is. */
export const TEMPLATES = [
  { name: 'echo', title: 'Echo', source: echo },
  { name: 'counter', title: 'Counter with a JSON state', source: counter },
  { name: 'chat-room', title: 'Chat room (answers only the sender)', source: chatRoom },
  { name: 'binary-protocol', title: 'Binary protocol', source: binaryProtocol },
  { name: 'fails-on-purpose', title: 'Fails on purpose', source: failsOnPurpose },
] as const satisfies ReadonlyArray<{ name: string; title: string; source: string }>;

export type TemplateName = (typeof TEMPLATES)[number]['name'];
