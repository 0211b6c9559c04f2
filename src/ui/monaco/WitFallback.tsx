/** The WIT as plain text while Monaco loads, so the view is readable from the first frame. */
export function WitFallback({ wit }: { wit: string }) {
  return <pre className="wit-fallback">{wit}</pre>;
}
