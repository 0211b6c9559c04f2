import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPONENT_CORPUS } from './componentCorpus';
import { FRAME_CORPUS } from './frameCorpus';
import { HISTORY_CORPUS } from './historyCorpus';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Bad input'));

describe("the README's Bad input section", () => {
  it('names every kind of the corpus, and counts them right', () => {
    const kinds = [...COMPONENT_CORPUS.map((c) => c.kind), ...HISTORY_CORPUS.map((c) => c.kind.replace(/^(session|chain): /, '')), ...FRAME_CORPUS.map((c) => c.kind.replace(/^(oversized|fragmented|control): /, ''))];
    expect(kinds.filter((kind) => !section.includes(kind))).toEqual([]);
    const sessions = HISTORY_CORPUS.filter((c) => c.surface === 'session').length;
    expect(section).toContain(`${kinds.length} kinds,\n${COMPONENT_CORPUS.length} components, ${sessions} session files, ${HISTORY_CORPUS.length - sessions} chains, ${FRAME_CORPUS.length} bridge frames`);
  });
});
