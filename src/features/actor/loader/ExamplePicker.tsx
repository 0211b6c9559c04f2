import { useState } from 'react';
import { usePlayground } from '../../../store';
import { ExampleGallery } from './ExampleGallery';
import { readGalleryFolded, writeGalleryFolded } from './galleryFolded';
import { LoadReport } from './LoadReport';
import './loader.css';

/**
 * The strip under the header: the examples to pick from, and how the last load went. Once an
 * actor runs it can fold to one line (`Examples`, with `aria-expanded`), so the workspace gets
 * the height. Until the person chooses (remembered across visits) it folds by itself when the
 * first connection opens: from then on the conversation is the work. A failed load opens it again
 * to show which stage failed, and so does a load whose cached copy could not be used, to show the
 * note saying so.
 */
export function ExamplePicker() {
  const running = usePlayground((s) => s.info !== null);
  const failed = usePlayground((s) => s.loadProgress?.outcome === 'failed' || s.loadProgress?.cache?.kind === 'fallback');
  const talking = usePlayground((s) => s.connections.length > 0);
  const actorName = usePlayground((s) => s.actorName);
  const [choice, setChoice] = useState(readGalleryFolded);
  // Both stick for the visit: a fork, an import or a restart that briefly clears the actor or the
  // connections must not pop the strip open under the person.
  const [hasRun, setHasRun] = useState(false);
  const [autoFolded, setAutoFolded] = useState(false);
  if (running && !hasRun) setHasRun(true);
  if (talking && !autoFolded) setAutoFolded(true);
  const folded = choice ?? autoFolded;
  const foldable = hasRun && !failed;
  const open = !foldable || !folded;
  const toggle = () => {
    writeGalleryFolded(!folded);
    setChoice(!folded);
  };
  return (
    <div className={`loader${open ? '' : ' loader--folded'}`}>
      {foldable && (
        <button type="button" className="loader__toggle" aria-expanded={open} aria-controls="loader-content" onClick={toggle} title={open ? 'Fold the examples away' : 'Show the examples and the load report'}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> Examples
        </button>
      )}
      {!open && actorName && <span className="loader__folded-note">{actorName} is loaded; open to load another example or see how loading went</span>}
      <div id="loader-content" className="loader__content" hidden={!open}>
        <ExampleGallery />
        <LoadReport />
      </div>
    </div>
  );
}
