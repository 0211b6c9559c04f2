import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from './glossary';

const wit = (file: string): string => readFileSync(new URL(`../../../wit/${file}`, import.meta.url), 'utf8').replace(/\s*\/\/\/ /g, ' ');

describe('glossary', () => {
  it('quotes the interface docs word for word where it quotes them', () => {
    const actor = wit('actor.wit');
    for (const quoted of GLOSSARY.init.match(/“[^”]+”/g)!) {
      const text = quoted.slice(1, -1).replace(/^./, (first) => first.toUpperCase());
      expect(actor, text).toContain(text.replace(/\.$/, ''));
    }
  });

  it('keeps each explanation short enough for a tooltip', () => {
    for (const [term, text] of Object.entries(GLOSSARY)) expect(text.length, term).toBeLessThan(320);
  });
});
