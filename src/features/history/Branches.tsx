import { usePlayground } from '../../store';

/** Histories kept aside by forks and edits: switch to one and the current one is kept in its place. */
export function Branches() {
  const branches = usePlayground((s) => s.branches);
  const switchBranch = usePlayground((s) => s.switchBranch);
  if (branches.length === 0) return null;
  return (
    <section className="branches" aria-label="Branches">
      <h3>Branches</h3>
      <ul>
        {branches.map((branch) => (
          <li key={branch.id}>
            <span>
              {branch.label} ({branch.snapshot.events.length} events)
            </span>{' '}
            <button type="button" onClick={() => void switchBranch(branch.id)} aria-label={`Switch to branch ${branch.id}`}>
              Switch
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
