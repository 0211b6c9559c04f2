import { usePlayground } from '../../store';

/** The last failure, with the engine's own message: it says what to do about it. */
export function AlertBanner() {
  const alert = usePlayground((s) => s.alert);
  const dismiss = usePlayground((s) => s.dismissAlert);
  if (!alert) return null;
  return (
    <div role="alert" className="alert">
      <p className="alert__message">
        <span className="alert__code">{alert.code}</span> {alert.message}
      </p>
      <button type="button" className="button button--quiet" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
