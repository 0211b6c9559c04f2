/** Hands text or a file to the browser as a download (the page's only way to write a file). */
export function download(fileName: string, content: string | Blob, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from the actor's name and the time, so exports sort and never overwrite. */
export const exportName = (actor: string | null, kind: string, extension = 'json') =>
  `${actor ?? 'actor'}-${kind}-${new Date().toISOString().replace(/[:.]/g, '-')}.${extension}`;
