import { usePlayground } from '../../store';
import { formatSize } from '../format';

/** The example actors built into `public/actors`, one click each. */
export function ExamplePicker() {
  const examples = usePlayground((s) => s.examples);
  const loadExample = usePlayground((s) => s.loadExample);
  if (examples.length === 0) return null;
  return (
    <nav className="examples" aria-label="Examples">
      <span className="examples__label">Examples</span>
      {examples.map((example) => (
        <button
          key={example.name}
          type="button"
          className="chip"
          aria-label={`Load example ${example.name}`}
          title={`${example.description} (${example.language}, ${formatSize(example.size)})`}
          onClick={() => void loadExample(example.name)}
        >
          {example.name}
        </button>
      ))}
      <span className="examples__hint">or drop a .wasm anywhere on the page</span>
    </nav>
  );
}
