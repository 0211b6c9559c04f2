import { usePlayground, type CatalogEntry } from '../../../store';
import { exampleUrl } from '../catalogSlice';
import { formatSize } from '../../../ui/format';

/** One example: its name, what it demonstrates, and links to load it or read its source. */
export function ExampleCard({ example }: { example: CatalogEntry }) {
  const loadExample = usePlayground((s) => s.loadExample);
  const url = exampleUrl(example.name);
  // The loaded actor came from this example (not a file of the same name, nor a reopened session).
  const current = usePlayground((s) => s.loaded !== null && s.loaded.source === url && s.loaded.info === s.info);
  return (
    <li className={`example${current ? ' example--current' : ''}`}>
      <div className="example__head">
        {/* Spaced, so the card reads as words when read aloud or copied, not only as laid out. */}
        <span className="example__name">{example.name}</span>{' '}
        <span className="example__meta">
          {example.language} · {formatSize(example.size)}
        </span>
      </div>{' '}
      <p className="example__description" title={example.description}>
        {example.description}
      </p>{' '}
      <div className="example__actions">
        <button type="button" className="example__load" aria-label={`Load example ${example.name}`} onClick={() => void loadExample(example.name)}>
          {current ? 'Reload' : 'Load'}
        </button>{' '}
        {example.sourceUrl && (
          <a className="example__source" href={example.sourceUrl} target="_blank" rel="noopener noreferrer">
            Source<span className="visually-hidden"> of {example.name}</span>
            <span aria-hidden="true"> ↗</span>
          </a>
        )}
        {current && <span className="example__loaded"> loaded</span>}
      </div>
    </li>
  );
}
