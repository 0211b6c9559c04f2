import { usePlayground } from '../../../store';
import { ExampleCard } from './ExampleCard';

/** Every example actor built into `public/actors`: what it shows, its source, one click to load. */
export function ExampleGallery() {
  const examples = usePlayground((s) => s.examples);
  if (examples.length === 0) return null;
  return (
    <section className="gallery" aria-labelledby="gallery-heading">
      <h2 id="gallery-heading" className="gallery__heading">
        Examples <span className="gallery__hint">or drop a .wasm anywhere</span>
      </h2>
      <ul className="gallery__list" aria-label="Example actors">
        {examples.map((example) => (
          <ExampleCard key={example.name} example={example} />
        ))}
      </ul>
    </section>
  );
}
