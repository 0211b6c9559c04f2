import { useMemo, useState } from 'react';
import { cursorOf, usePlayground } from '../../store';
import { useTermTip } from '../../ui/term/useTermTip';
import { FileButton } from './FileButton';
import { REPLAY_SPEEDS, useReplayAnimation } from './useReplayAnimation';

/** Replay: the recorded inputs re-run against the loaded build or another one. */
export function ReplayControls() {
  const replay = usePlayground((s) => s.replay);
  const hotSwap = usePlayground((s) => s.hotSwap);
  const running = usePlayground((s) => s.replayRun?.status === 'running');
  const eventCount = usePlayground((s) => s.eventCount);
  const events = usePlayground((s) => s.events);
  // Events from an imported Theater chain are shown, not re-run: a history of nothing else has
  // nothing to replay (the scan stops at the first other event, usually the first).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- eventCount stands for the array's contents
  const replayable = useMemo(() => events.some((event) => event.kind !== 'chain'), [events, eventCount]);
  const cursor = usePlayground(cursorOf);
  const [fromSelected, setFromSelected] = useState(false);
  const [animated, setAnimated] = useState(false);
  const animation = useReplayAnimation();
  const hotSwapTip = useTermTip('hot-swap');
  const from = fromSelected ? Math.max(0, cursor) : 0;
  const disabled = running || !replayable;

  const afterReplay = () => {
    if (animated) animation.restart();
  };
  const readBuild = async (file: File) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });

  return (
    <div className="replay-controls" role="group" aria-label="Replay">
      <button
        type="button"
        className="button button--primary"
        disabled={disabled}
        title={eventCount > 0 && !replayable ? 'Nothing to replay: every event here is from an imported Theater chain, shown read-only.' : undefined}
        onClick={() => void replay(undefined, from).then(afterReplay)}
      >
        Replay
      </button>
      <label>
        <input type="checkbox" checked={fromSelected} onChange={(e) => setFromSelected(e.currentTarget.checked)} /> from selected
      </label>
      <label>
        <input type="checkbox" checked={animated} onChange={(e) => setAnimated(e.currentTarget.checked)} /> animated
      </label>
      {animated && (
        <>
          <label>
            <span className="visually-hidden">Replay speed</span>
            <select aria-label="Replay speed" value={animation.speed} onChange={(e) => animation.setSpeed(Number(e.currentTarget.value))}>
              {REPLAY_SPEEDS.map((speed) => (
                <option key={speed} value={speed}>
                  {speed}/s
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={animation.length === 0} onClick={() => animation.setPlaying(!animation.playing)}>
            {animation.playing ? 'Pause replay' : 'Play replay'}
          </button>
          <button type="button" disabled={animation.length === 0 || animation.playing} onClick={animation.stepOnce}>
            Step replay
          </button>
        </>
      )}
      <FileButton label="Replay against another build" accept=".wasm,application/wasm" onFile={async (file) => void replay(await readBuild(file), from).then(afterReplay)} />
      <FileButton label="Hot swap build" accept=".wasm,application/wasm" described={hotSwapTip.props} onFile={async (file) => { const build = await readBuild(file); await hotSwap(build.name, build.bytes); }} />
      {hotSwapTip.tip}
    </div>
  );
}
