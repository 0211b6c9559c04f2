import { editorSourceOf, withEditorSource, type Result } from '../../core';
import { DEFAULT_ACTOR } from '../../store/startupActor';
import type { Slice, StoreContext } from '../../store/context';
import { reportedProblem, sourceProblem, type EditorProblem } from './editorProblem';
import { thrownMessage } from '../../store/alert';
import { readEditorDraft, writeEditorDraft } from './editorDraft';
import { buildStandalone } from './standaloneBuild';
import { TEMPLATES, type TemplateName } from './templates';

/** Where the Editor's host component is served from (built by `npm run build:actors`, left out of the gallery). */
export const EDITOR_HOST_URL = './actors/editor-host.wasm';
/** The name an Editor actor loads under: the Actor status and the saved sessions say it came from the Editor. */
export const EDITOR_ACTOR_NAME = 'editor.js';

/** The last Run actor: how long from the press to the actor ready (ms). */
export type EditorRun = { kind: 'running' } | { kind: 'ran'; ms: number } | { kind: 'failed' };

export type EditorBuild =
  | { kind: 'building' }
  | { kind: 'built'; size: number; ms: number }
  | { kind: 'unavailable' }
  | { kind: 'failed'; message: string };

export interface EditorSlice {
  /** The source in the Editor: the person's draft, kept across reloads. */
  editorText: string;
  /** The source the loaded actor carries when it is an Editor actor (null for any other actor). */
  editorLoadedSource: string | null;
  editorProblem: EditorProblem | null;
  editorRun: EditorRun | null;
  editorBuild: EditorBuild | null;
  setEditorText(text: string): void;
  applyEditorTemplate(name: TemplateName): void;
  /** Parses the source, then loads it as an Editor actor (the host component carrying it). */
  runEditorActor(): Promise<void>;
  /** Replays the current history against the Editor's source, without loading it: the divergence report. */
  replayAgainstEditor(): Promise<void>;
  /** Builds the standalone component on the dev server and hands it to the browser's downloads. */
  buildEditorActor(download: (bytes: Uint8Array) => void): Promise<void>;
  /**
   * Opens a shared Editor link's source (`?actor=editor:…`): the Editor shows it and runs it; a
   * damaged link says so and the default example loads instead.
   */
  openEditorLink(source: Result<string, string>): Promise<void>;
  /** Follows the loaded actor: an Editor actor's source becomes the Editor's text (a reopened session, an import). */
  followLoadedActor(): void;
}

/** The Editor's bytes for `source`: the host component (fetched once a page) carrying it. */
function hostLoader(fetchAsset: StoreContext['fetchAsset']) {
  let host: Promise<Uint8Array> | undefined;
  return async (source: string): Promise<Uint8Array> => {
    host ??= fetchAsset(EDITOR_HOST_URL)
      .then(async (response) => {
        if (!response.ok) throw new Error(`${EDITOR_HOST_URL} answered ${response.status}: build it with \`npm run build:actors\``);
        return new Uint8Array(await response.arrayBuffer());
      })
      .catch((thrown: unknown) => {
        host = undefined;
        throw thrown;
      });
    return withEditorSource(await host, source);
  };
}

export const createEditorSlice =
  ({ client, fetchAsset }: StoreContext): Slice<EditorSlice> =>
  (set, get) => {
    const editorBytes = hostLoader(fetchAsset);
    const draft = readEditorDraft();
    /** The component bytes the Editor last followed (undefined before the first time). */
    let followed: Uint8Array | undefined;
    /** The source parsed, or the problem shown and null. Sucrase loads with the first run, not with the page. */
    const parsed = async (): Promise<string | null> => {
      const text = get().editorText;
      const { editorModule } = await import('../../core/editor/editorModule');
      const module = editorModule(text);
      if (!module.ok) {
        set({ editorProblem: sourceProblem('parse', module.error) });
        return null;
      }
      set({ editorProblem: null });
      return text;
    };
    const bytesOr = async (source: string): Promise<Uint8Array | null> => {
      try {
        return await editorBytes(source);
      } catch (thrown) {
        get().showAlert({ code: 'fetch-failed', message: `The Editor's host component did not load: ${thrownMessage(thrown)}` });
        return null;
      }
    };
    return {
      editorText: draft?.text ?? TEMPLATES[0].source,
      editorLoadedSource: null,
      editorProblem: null,
      editorRun: null,
      editorBuild: null,
      setEditorText(text) {
        writeEditorDraft({ text, base: get().editorLoadedSource });
        set({ editorText: text });
      },
      applyEditorTemplate(name) {
        const template = TEMPLATES.find((t) => t.name === name);
        if (template) get().setEditorText(template.source);
        set({ editorProblem: null });
      },
      async runEditorActor() {
        // Running from the press: the status says so while the parser loads.
        const t0 = performance.now();
        set({ editorRun: { kind: 'running' } });
        const source = await parsed();
        if (source === null) return set({ editorRun: { kind: 'failed' } });
        const bytes = await bytesOr(source);
        if (!bytes) return set({ editorRun: { kind: 'failed' } });
        await get().loadBytes(EDITOR_ACTOR_NAME, bytes);
        // A failed load (its init threw) leaves the actor before it loaded, and says why in the alert.
        const ran = client.component?.bytes === bytes;
        const initCalls = get().alert?.initCalls;
        set({ editorRun: ran ? { kind: 'ran', ms: performance.now() - t0 } : { kind: 'failed' }, ...(!ran && initCalls && { editorProblem: reportedProblem(initCalls, 'init') }) });
        if (ran) get().followLoadedActor();
      },
      async replayAgainstEditor() {
        const source = await parsed();
        if (source === null) return;
        const bytes = await bytesOr(source);
        if (bytes) await get().replay({ name: `${EDITOR_ACTOR_NAME} (as edited)`, bytes });
      },
      async buildEditorActor(download) {
        const source = get().editorText;
        set({ editorBuild: { kind: 'building' } });
        const built = await buildStandalone(source, fetchAsset);
        if (built.ok) {
          download(built.bytes);
          return set({ editorBuild: { kind: 'built', size: built.bytes.length, ms: built.ms } });
        }
        switch (built.kind) {
          case 'unavailable':
            return set({ editorBuild: { kind: 'unavailable' } });
          case 'source':
            return set({ editorBuild: { kind: 'failed', message: built.error.message }, editorProblem: sourceProblem('build', built.error) });
          case 'failed':
            return set({ editorBuild: { kind: 'failed', message: built.message } });
          default: {
            const exhaustive: never = built;
            return exhaustive;
          }
        }
      },
      async openEditorLink(source) {
        if (!source.ok) {
          await get().loadUrl(DEFAULT_ACTOR.url, DEFAULT_ACTOR.name);
          return get().showAlert({ code: 'read-failed', message: `This link's Editor actor did not open: ${source.error}.` });
        }
        get().setEditorText(source.value);
        get().showSideTab('editor');
        await get().runEditorActor();
      },
      followLoadedActor() {
        const bytes = client.component?.bytes;
        if (bytes === followed) return;
        const first = followed === undefined;
        followed = bytes;
        const loaded = bytes && editorSourceOf(bytes);
        const source = loaded ? loaded.source : null;
        set({ editorLoadedSource: source });
        // The first time (the page opening, or the tab first shown), an edit of this very actor is
        // kept: it is newer than the actor. Any other time a new Editor actor brings its source.
        const keepDraft = first && draft !== null && draft.base === source;
        if (source !== null && source !== get().editorText && !keepDraft) get().setEditorText(source);
      },
    };
  };

declare module '../../store/playgroundState' {
  interface PlaygroundState extends EditorSlice {}
}
