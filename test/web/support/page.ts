import type { Page } from 'playwright-core';
import type { BrowserDocument, LayoutShiftEntry } from './dom.js';

declare const document: BrowserDocument;
declare const window: { __shift: number; __shifts: string[] };
declare const PerformanceObserver: new (
  callback: (list: { getEntries(): LayoutShiftEntry[] }) => void,
) => { observe(options: { type: string }): void };

/** Waits (no time assertion: only the file's timeout bounds it) until the text matches. */
export async function waitForText(
  page: Page,
  selector: string,
  expected: string | RegExp,
): Promise<void> {
  await page.waitForFunction(
    ([sel, source, flags, literal]) => {
      const text = document.querySelector(sel)?.textContent ?? '';
      return literal !== null ? text.trim() === literal : new RegExp(source, flags).test(text);
    },
    [
      selector,
      expected instanceof RegExp ? expected.source : '',
      expected instanceof RegExp ? expected.flags : '',
      typeof expected === 'string' ? expected : null,
    ] as const,
  );
}

/** The number of flags the queue holds, as it says. */
export async function flagCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('flag-count').textContent()) ?? '';
  return Number(text.replace(/[^0-9]/g, ''));
}

export async function waitForFlagCount(page: Page, n: number): Promise<void> {
  await waitForText(page, '[data-testid=flag-count]', n.toLocaleString('en-US'));
}

/** The flag selected in the queue (the listbox's active descendant). */
export async function selectedFlagId(page: Page): Promise<string | null> {
  const active = await page
    .getByRole('listbox', { name: 'Flags' })
    .getAttribute('aria-activedescendant');
  return active === null ? null : active.replace(/^row-/, '');
}

/**
 * Waits until the listbox has an active row other than `previous` (any, with null) and returns
 * its flag id. Keys move the selection a frame before the row is drawn, so read it this way.
 */
export async function waitForSelection(
  page: Page,
  previous: string | null = null,
): Promise<string> {
  const handle = await page.waitForFunction((id) => {
    const active = document.querySelector('[role=listbox]')?.getAttribute('aria-activedescendant');
    if (active === null || active === undefined || active === `row-${id}`) return false;
    return active.replace(/^row-/, '');
  }, previous);
  return String(await handle.jsonValue());
}

/** Waits until the conversation of the selected flag is shown. */
export async function waitForConversation(page: Page): Promise<void> {
  await page.locator('.conversation .msg.focus').waitFor();
}

/** Sum of layout shifts not caused by recent input, since `startLayoutShiftWatch`. */
export async function startLayoutShiftWatch(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__shift = 0;
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.__shift += entry.value;
        for (const source of entry.sources ?? []) {
          const node = source.node;
          const where = `${Math.round(source.previousRect.y)}->${Math.round(source.currentRect.y)}`;
          const what = node?.tagName === undefined ? 'text' : `${node.tagName}.${node.className}`;
          window.__shifts.push(`${what} ${where} ${(node?.textContent ?? '').slice(0, 20)}`);
        }
      }
    }).observe({ type: 'layout-shift' });
  });
}

/** Sum of layout shifts not caused by recent input since the watch started, and what moved. */
export async function layoutShift(page: Page): Promise<{ value: number; sources: string[] }> {
  return page.evaluate(() => ({ value: window.__shift, sources: window.__shifts }));
}
