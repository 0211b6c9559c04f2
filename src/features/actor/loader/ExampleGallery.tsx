import { useRef } from 'react';
import { usePlayground } from '../../../store';
import { ExampleCard } from './ExampleCard';
import { useScrollEdges } from './useScrollEdges';

/** Every example actor built into `public/actors`: what it shows, its source, one click to load. */
export function ExampleGallery() {
  const count = usePlayground((s) => s.examples.length);
  return count === 0 ? null : <GalleryStrip />;
}

/** The cards in a sideways strip; a fade and a note mark the side where more cards hide. */
function GalleryStrip() {
  const examples = usePlayground((s) => s.examples);
  const list = useRef<HTMLUListElement>(null);
  const edges = useScrollEdges(list);
  return (
    <section className="gallery" aria-labelledby="gallery-heading">
      <h2 id="gallery-heading" className="gallery__heading">
        Examples <span className="gallery__hint">or drop a .wasm anywhere</span>
        {(edges.before || edges.after) && (
          <span className="gallery__more">
            {examples.length} examples: scroll sideways for more <span aria-hidden="true">{edges.after ? '→' : '←'}</span>
          </span>
        )}
      </h2>
      <ul ref={list} className={`gallery__list${edges.before ? ' gallery__list--before' : ''}${edges.after ? ' gallery__list--after' : ''}`} aria-label="Example actors">
        {examples.map((example) => (
          <ExampleCard key={example.name} example={example} />
        ))}
      </ul>
    </section>
  );
}
