import { usePlayground } from '../../store';
import { thrownMessage } from '../../store/alert';
import { download, exportName } from './download';
import { FileButton } from './FileButton';

/** Carrying a history between machines: session files and Theater chains, out and in. */
export function FileMenu() {
  const actorName = usePlayground((s) => s.actorName);
  const exportSession = usePlayground((s) => s.exportSession);
  const importSession = usePlayground((s) => s.importSession);
  const exportChain = usePlayground((s) => s.exportChain);
  const importChain = usePlayground((s) => s.importChain);
  const exportTranscript = usePlayground((s) => s.exportTranscript);
  const showAlert = usePlayground((s) => s.showAlert);
  /** A chosen file's text for `use`; a file the browser cannot read (gone, unreadable) is an alert, never an uncaught rejection. */
  const withText = (use: (text: string) => Promise<boolean>) => async (file: File) => {
    let text: string;
    try {
      text = await file.text();
    } catch (thrown) {
      showAlert({ code: 'read-failed', message: `Could not read ${file.name}: ${thrownMessage(thrown)}. Choose the file again.` });
      return;
    }
    await use(text);
  };
  return (
    <div className="file-menu" role="group" aria-label="Files">
      <button
        type="button"
        onClick={() => {
          const text = exportSession();
          if (text) download(exportName(actorName, 'session'), text);
        }}
      >
        Export session
      </button>
      <FileButton label="Import session" accept=".json,application/json" onFile={withText(importSession)} />
      <button
        type="button"
        onClick={async () => {
          const text = await exportChain();
          if (text) download(exportName(actorName, 'chain'), text);
        }}
      >
        Export chain
      </button>
      {/* Theater writes chains as JSON or in its text format (.chain); the file's text decides which, not its name. */}
      <FileButton label="Import chain" accept=".json,.chain,application/json,text/plain" onFile={withText(importChain)} />
      <button
        type="button"
        title="Every call and its result as WAVE text, to keep as a regression test"
        onClick={() => {
          const text = exportTranscript();
          if (text) download(exportName(actorName, 'transcript', 'wave'), text, 'text/plain');
        }}
      >
        Export transcript
      </button>
    </div>
  );
}
