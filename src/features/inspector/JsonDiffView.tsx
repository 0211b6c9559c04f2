import { formatJsonPath, type JsonDiff, type JsonNode, type JsonPath } from '../../core';
import { usePlayground } from '../../store';

/** The changed paths with their old and new values, then the merged tree with every change in place. */
export function JsonDiffView({ diff }: { diff: JsonDiff }) {
  return (
    <div className="json-diff">
      <h4>
        Changed paths <span className="count">{diff.changes.length}{diff.truncated && '+'}</span>
      </h4>
      {diff.changes.length === 0 ? (
        <p className="empty">The two documents are equal as JSON.</p>
      ) : (
        <ul className="json-diff__changes" aria-label="Changed paths">
          {diff.changes.map((change, i) => (
            <li key={i} className={`json-change json-change--${change.status}`}>
              <code className="json-change__path">{formatJsonPath(change.path)}</code> <span className="json-change__status">{change.status}</span>{' '}
              {change.before !== undefined && <del>{change.before}</del>}
              {change.before !== undefined && change.after !== undefined && ' → '}
              {change.after !== undefined && <ins>{change.after}</ins>}
            </li>
          ))}
        </ul>
      )}
      {diff.truncated && <p className="inspector__muted inspector__note">Only the first {diff.changes.length} changes are listed; the tree below has them all in place.</p>}
      <h4>Tree</h4>
      <ul className="json-tree" aria-label="JSON tree">
        <TreeNode node={diff.tree} path={[]} />
      </ul>
    </div>
  );
}

const keyText = (key: JsonNode['key']): string => (key === null ? '(root)' : typeof key === 'number' ? `[${key}]` : key);

/** Asks which event last wrote the value at `path`, and goes there. */
function TraceButton({ path }: { path: JsonPath }) {
  const traceChange = usePlayground((s) => s.traceChange);
  const label = formatJsonPath(path);
  return (
    <button
      type="button"
      className="button inspector__small json-node__trace"
      aria-label={`Find the last change to ${label}`}
      title="Select the event that last changed this value"
      onClick={(e) => {
        // Inside a <summary>, a click would also fold the node.
        e.preventDefault();
        traceChange({ kind: 'json', path }, label);
      }}
    >
      last change
    </button>
  );
}

/** A container with changes inside opens to its children; anything else is one line with its value. */
function TreeNode({ node, path }: { node: JsonNode; path: JsonPath }) {
  if (node.children) {
    const size = node.children.length + (node.hidden ?? 0);
    return (
      <li className="json-node">
        <details open>
          <summary>
            <span className="json-node__key">{keyText(node.key)}</span>{' '}
            <span className="inspector__muted">
              {node.shape === 'array' ? `[${size}]` : `{${size}}`}
            </span>{' '}
            <TraceButton path={path} />
          </summary>
          <ul>
            {node.children.map((child) => (
              <TreeNode key={String(child.key)} node={child} path={[...path, child.key!]} />
            ))}
            {(node.hidden ?? 0) > 0 && <li className="json-node inspector__muted">… {node.hidden} unchanged</li>}
          </ul>
        </details>
      </li>
    );
  }
  return (
    <li className={`json-node json-node--${node.status}`}>
      <span className="json-node__key">{keyText(node.key)}</span>: {node.before !== undefined && node.status !== 'same' && <del>{node.before}</del>}
      {node.status === 'changed' && ' → '}
      {node.after !== undefined && (node.status === 'same' ? <span className="json-node__value">{node.after}</span> : <ins>{node.after}</ins>)}
      {node.status !== 'same' && <span className="json-node__status"> {node.status}</span>} <TraceButton path={path} />
    </li>
  );
}
