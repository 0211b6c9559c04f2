/** One or more alternative keys, as keycaps. */
export function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <span className="keys">
      {keys.map((key, i) => (
        <span key={key}>
          {i > 0 && <span className="keys__or"> or </span>}
          <kbd>{key}</kbd>
        </span>
      ))}
    </span>
  );
}
