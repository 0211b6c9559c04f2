import { usePlayground } from '../../store';
import type { TourStepId } from './tourSteps';

/** The steps describe echo's answers: with another actor loaded, the tour offers echo first. */
function EchoLoaded() {
  const actorName = usePlayground((s) => s.actorName);
  const loadExample = usePlayground((s) => s.loadExample);
  if (actorName === 'echo') return null;
  return (
    <p>
      {actorName ?? 'Another actor'} is loaded, and its answers differ from the ones these steps describe.{' '}
      <button type="button" className="button button--quiet" onClick={() => void loadExample('echo')}>
        Load echo
      </button>
    </p>
  );
}

/** What a step explains: short, since the person reads it beside the real thing. */
export function TourStepText({ step }: { step: TourStepId }) {
  switch (step) {
    case 'connection':
      return (
        <>
          <p>A short tour of the real page, with the echo actor the page opens on. Each step waits for you to do it; leave whenever you like and resume from Help.</p>
          <EchoLoaded />
          <p>
            Each connection is a simulated WebSocket client. Opening one calls the actor's <code>handle-message</code> with a <code>connect</code> message.
          </p>
        </>
      );
    case 'messages':
      return (
        <>
          <p>
            <strong>Message type</strong> picks what the client sends: <code>text</code> carries text, <code>binary</code> carries bytes, <code>ping</code> and <code>pong</code> are
            the WebSocket heartbeat, <code>close</code> ends the connection, and <code>connect</code> is what the host hands the actor when a client opens a connection. Echo sends text and binary back and
            answers a ping with a pong.
          </p>
        </>
      );
    case 'state':
      return (
        <p>
          The actor keeps no memory between calls: the host passes the state in (<em>state before</em>) and takes the state it returns (<em>state after</em>), every time. The
          Inspector shows both for the event you pick. Echo never changes its state, so it stays <code>none</code>; a counter's would grow.
        </p>
      );
    case 'failures':
      return (
        <p>
          When <code>handle-message</code> returns <code>err</code> or traps, nothing is committed: the next call gets the state as it was before the failed one. The Timeline marks such
          events. To see one, load the faulty example and send <code>err</code> or <code>trap</code>; or go on.
        </p>
      );
    case 'sender':
      return (
        <p>
          The message carries no connection id, so the actor cannot tell clients apart, and its responses go back only to the connection whose message produced them: there is no
          broadcast. Open a second connection, send from one, and see that the other got nothing.
        </p>
      );
    case 'time-travel':
      return (
        <p>
          Every event is kept with its states. <strong>Step back</strong> shows the page as it was after an earlier event; <strong>Replay</strong> runs the recorded messages again
          and checks that the actor answers the same way, as WebAssembly is deterministic.
        </p>
      );
    case 'next':
      return (
        <>
          <p>
            The <strong>Interface</strong> tab explains each part of <code>handle-message</code> with the selected call's real values. In the{' '}
            <strong>Editor</strong> tab, write an actor of your own from a template and run it with <strong>Run actor</strong>.
          </p>
          <p>
            Load your own actor with <strong>Load actor</strong>, or try the other examples. Help (<kbd>?</kbd>) lists the keys and starts this tour again.
          </p>
        </>
      );
  }
}
