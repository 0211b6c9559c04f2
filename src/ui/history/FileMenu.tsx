import { usePlayground } from '../../store';
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
      <FileButton label="Import session" accept=".json,application/json" onFile={async (file) => void importSession(await file.text())} />
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
      <FileButton label="Import chain" accept=".json,.chain,application/json,text/plain" onFile={async (file) => void importChain(await file.text())} />
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
