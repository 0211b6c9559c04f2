import type { Locator, Page } from '@playwright/test';

/** One rendered row of the hex diff: its cells' text per side, and the bytes marked as changed. */
export interface HexRowText {
  before: { offset: string; bytes: string; marked: string[] };
  after: { offset: string; bytes: string; marked: string[] };
}

/**
 * The Inspector region (ARCHITECTURE.md's UI contract) and the names it adds: the `Call`, `Responses`,
 * `Logs`, `Host calls` and `State` sections, the `State diff view` tabs `Hex`, `Text` and `JSON`,
 * the `Hex diff` table, `Text diff`, `Changed paths`, and `Copy …` buttons for every value.
 */
export class InspectorPanel {
  readonly region: Locator;
  readonly call: Locator;
  readonly result: Locator;
  readonly responses: Locator;
  readonly state: Locator;
  readonly summary: Locator;
  readonly hexTable: Locator;
  readonly textDiff: Locator;
  readonly changedPaths: Locator;
  /** Unfolds the hex view's long unchanged stretches. */
  readonly showUnchanged: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Inspector' });
    this.call = this.region.getByLabel('Call in WAVE');
    this.result = this.region.getByLabel('Result in WAVE');
    this.responses = this.region.getByRole('region', { name: 'Responses' });
    this.state = this.region.getByRole('region', { name: 'State' });
    this.summary = this.state.getByLabel('Change summary');
    this.hexTable = this.state.getByRole('table', { name: 'Hex diff' });
    this.textDiff = this.state.getByLabel('Text diff');
    this.changedPaths = this.state.getByRole('list', { name: 'Changed paths' });
    this.showUnchanged = this.state.getByRole('checkbox', { name: 'Show unchanged bytes' });
  }

  tab(name: 'Hex' | 'Text' | 'JSON'): Locator {
    return this.state.getByRole('tablist', { name: 'State diff view' }).getByRole('tab', { name, exact: true });
  }

  copyButton(name: string): Locator {
    return this.region.getByRole('button', { name, exact: true });
  }

  /**
   * The hex rows on screen (the table renders only those), each side's offset and bytes cells
   * (the first two cells of a side) and the bytes inside its <mark>s.
   */
  hexRows(): Promise<HexRowText[]> {
    return this.hexTable.locator('[role="rowgroup"] + [role="rowgroup"] [role="row"]').evaluateAll((rows) =>
      rows.map((row) => {
        const cells = [...row.querySelectorAll('[role="cell"]')];
        const perSide = cells.length / 2;
        const side = (first: number) => ({
          offset: cells[first]?.textContent ?? '',
          bytes: cells[first + 1]?.textContent ?? '',
          marked: [...(cells[first + 1]?.querySelectorAll('mark') ?? [])].map((mark) => mark.textContent ?? ''),
        });
        return { before: side(0), after: side(perSide) };
      }),
    );
  }
}
