import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  SKIP_BROWSER,
  screenshot,
  signIn,
  type TestBrowser,
} from './support/browser.js';
import type { BrowserDocument } from './support/dom.js';
import { csv } from './support/fixtures.js';
import {
  flagCount,
  selectedFlagId,
  waitForConversation,
  waitForSelection,
  waitForText,
} from './support/page.js';
import {
  seedCase,
  startRun,
  startWebService,
  type WebService,
  waitForRun,
} from './support/service.js';

declare const document: BrowserDocument;

const ABUSE = [
  'you are a stupid idiot',
  'shut up you moron',
  'what a stupid idiot that was',
  'idiot',
  'you moron',
];

/**
 * A run of more than 20,000 flags in the page: the list keeps only a window of rows in the DOM
 * whatever its length, and the keyboard still moves through it. No timing is asserted.
 */
describe.skipIf(SKIP_BROWSER)('the review queue with 20,000 flags', () => {
  let s: WebService;
  let browser: TestBrowser;
  let page: Page;
  let total: number;

  const rowsInDom = () => page.locator('.vrow').count();

  beforeAll(async () => {
    [s, browser] = await Promise.all([
      startWebService({ CHATSCREEN_RUN_BATCH_SIZE: '512', CHATSCREEN_WORKERS: '2' }),
      launchBrowser(),
    ]);
    // The shipped model flags each of these lines once (adjacent insults merge into one span),
    // so 21,000 lines carry more than 20,000 flags.
    const rows = Array.from({ length: 21_000 }, (_, i) => ({
      text: `${ABUSE[i % ABUSE.length]} ${i}`,
      sender: `PC ${i % 40}`,
    }));
    const { exportId } = await seedCase(s, csv(rows), 'OP-SCALE-1');
    const runId = await startRun(s, exportId);
    total = (await waitForRun(s, runId)).counts.flags;
    page = await browser.page();
    await signIn(page, s.url, s.reviewer.token);
    await page.goto(`${s.url}/#/runs/${runId}`);
    await page.getByRole('dialog', { name: /Purpose/ }).waitFor();
    await page.keyboard.press('Enter');
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  it('holds every flag but only a window of rows in the DOM', async () => {
    expect(total).toBeGreaterThanOrEqual(20_000);
    await waitForText(page, '[data-testid=flag-count]', total.toLocaleString('en-US'));
    await waitForText(page, '.progress .pill', 'Screening done');
    expect(await flagCount(page)).toBe(total);
    expect(await rowsInDom()).toBeLessThan(40);
    await screenshot(page, 'scale-01-20k');
  }, 300_000);

  it('moves through the list with the keyboard, to the end and back', async () => {
    await page.getByRole('listbox', { name: 'Flags' }).focus();
    await page.keyboard.press('Home');
    await waitForConversation(page);
    const first = await waitForSelection(page);
    for (let i = 0; i < 25; i += 1) await page.keyboard.press('j');
    const moved = await waitForSelection(page, first);
    // The selected row is among the few rows in the DOM, and marked selected.
    expect(await page.locator(`[id="row-${moved}"]`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('End');
    const last = await waitForSelection(page, moved);
    await page.locator(`[id="row-${last}"]`).waitFor();
    expect(await rowsInDom()).toBeLessThan(40);
    await waitForConversation(page);
    await screenshot(page, 'scale-02-end');
    await page.keyboard.press('k');
    await waitForSelection(page, last);
    expect(await page.locator('.vrow.selected').count()).toBe(1);
  }, 300_000);

  it('scrolls to the middle, selects a row there, and re-sorts without growing the DOM', async () => {
    const list = page.getByRole('listbox', { name: 'Flags' });
    const middle = await list.evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
      return el.scrollTop;
    });
    // Wait until the window has moved to the middle: every row in the DOM sits around the new
    // scroll position (the rows at the end, where the last test left the list, are also far down).
    await page.waitForFunction((top) => {
      const rows = [...document.querySelectorAll('.vrow')];
      return (
        rows.length > 0 &&
        rows.every((r) => Math.abs(Number.parseInt(r.style.top ?? '0', 10) - top) < 2_000)
      );
    }, middle);
    const id = (await page.locator('.vrow').nth(10).getAttribute('id'))?.replace(/^row-/, '');
    await page.locator(`[id="row-${id}"]`).click();
    expect(await selectedFlagId(page)).toBe(id);
    await page.keyboard.press('j');
    expect(await selectedFlagId(page)).not.toBe(id);
    await page.getByLabel('Sort').selectOption('conversation');
    await page.getByRole('combobox', { name: 'Category' }).selectOption('insult');
    await page.waitForFunction(() => {
      const shown = document.querySelector('.list-head')?.textContent ?? '';
      return /^[\d,]+ shown/.test(shown.trim());
    });
    expect(await rowsInDom()).toBeLessThan(40);
    await page.getByRole('listbox', { name: 'Flags' }).focus();
    await page.keyboard.press('Home');
    await waitForConversation(page);
    expect(await page.locator('.msg.focus mark.current').first().textContent()).toMatch(
      /idiot|moron/,
    );
  }, 300_000);
});
