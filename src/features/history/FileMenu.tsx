import { historyFileOf, NOT_A_CHAIN_BUT_A_SESSION } from '../../core';
import { usePlayground } from '../../store';
import { thrownMessage } from '../../store/alert';
import { MenuButton } from '../../ui/menu/MenuButton';
import { download, exportName } from '../../ui/download';
import { useFilePicker } from './FileButton';

/**
 * Carrying a history between machines: session files, Theater chains and the WAVE transcript, out
 * and in, under one `Files` menu so the header stays one row.
 */
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
  // Version 2 session files are gzip (.json.gz); version 1 files are JSON. The file is read as it streams in.
  const sessionPicker = useFilePicker('.gz,.json,application/gzip,application/json', (file) => void importSession(file));
  // Theater writes chains as JSON or in its text format (.chain); the file's text decides which, not its name.
  // A session file chosen here is named for what it is, not parsed as a chain (a compressed one reads as binary noise).
  const notAChain = () => showAlert({ code: 'invalid-chain', message: NOT_A_CHAIN_BUT_A_SESSION });
  const chainPicker = useFilePicker(
    '.json,.chain,application/json,text/plain',
    withText(async (text) => {
      // gzip's magic (1f 8b) read as UTF-8 text: a version 2 session file; chains are never compressed.
      if (text.startsWith('\u001f\ufffd') || historyFileOf(text) === 'session') {
        notAChain();
        return false;
      }
      return importChain(text);
    }),
  );
  return (
    <>
      <MenuButton
        label="Files"
        actions={[
          {
            label: 'Export session',
            title: 'The whole history with its component, to import here or replay in CI',
            onSelect: () => void exportSession().then((file) => file && download(exportName(actorName, 'session', 'json.gz'), file, file.type)),
          },
          { label: 'Import session', title: 'Open a session file; the current session stays in Saved sessions', onSelect: sessionPicker.open },
          {
            label: 'Export chain',
            title: "The history as Theater's hash chain",
            onSelect: () => void exportChain().then((text) => text && download(exportName(actorName, 'chain'), text)),
          },
          { label: 'Import chain', title: "Read a Theater chain (JSON or .chain text) into the loaded actor's timeline", onSelect: chainPicker.open },
          {
            label: 'Export transcript',
            title: 'Every call and its result as WAVE text, to keep as a regression test',
            onSelect: () => {
              const text = exportTranscript();
              if (text) download(exportName(actorName, 'transcript', 'wave'), text, 'text/plain');
            },
          },
        ]}
      />
      {sessionPicker.input}
      {chainPicker.input}
    </>
  );
}
