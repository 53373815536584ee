import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  SKIP_BROWSER,
  screenshot,
  signIn,
  type TestBrowser,
} from './support/browser.js';
import type { BrowserDocument, BrowserElement, BrowserWindow } from './support/dom.js';
import { COMBINING, groupChat, RTL, TRICKY } from './support/fixtures.js';
import {
  flagCount,
  layoutShift,
  selectedFlagId,
  startLayoutShiftWatch,
  waitForConversation,
  waitForFlagCount,
  waitForSelection,
  waitForText,
} from './support/page.js';
import { type GatedProxy, startGatedProxy } from './support/proxy.js';
import {
  seedCase,
  startRun,
  startWebService,
  type WebService,
  waitForRun,
} from './support/service.js';

declare const document: BrowserDocument;
declare const window: BrowserWindow;

const PURPOSE_NOTE = 'Reviewing flags for case OP-WEB-1';

/** Every kind of text the review page draws, checked for contrast against its background. */
const CONTRAST_CHECKED = [
  'body',
  '.muted',
  '.topbar .muted',
  '.topbar a',
  '.purpose-bar .label',
  '.filters label',
  '.pill',
  '.cat',
  '.vrow .score',
  '.state.relevant',
  '.state.not_relevant',
  '.state.needs_second_review',
  '.msg header',
  'mark.span',
  'mark.span.current',
  'button.decide.relevant',
  'button.decide.not_relevant',
  'button.decide.needs_second_review',
  'button.primary',
  'kbd',
  'a',
];

interface Flag {
  id: string;
  seq: number;
  messageId: string;
  start: number;
  end: number;
  text: string;
}
interface DecisionState {
  flagId: string;
  decisionId: string;
  outcome: string;
  reason: string;
  count: number;
}
interface AuditEvent {
  action: string;
  actor: { kind: string; id: string | null };
  justification: string | null;
  details: Record<string, unknown>;
}

/**
 * The reviewer's page in Debian's Chromium against a real server (child process, temporary data
 * directory, the shipped model). A gating proxy between them decides when each flag of the event
 * stream reaches the page, so "flags arrive while the reviewer watches" needs no timing.
 */
describe.skipIf(SKIP_BROWSER)('the reviewer page in a real browser', () => {
  let s: WebService;
  let browser: TestBrowser;
  let proxy: GatedProxy;
  let page: Page;
  let caseId: string;
  let runId: string;
  let total: number;
  let flags: Flag[];

  const decisions = async () =>
    (
      await s.investigator.call<{ items: DecisionState[] }>('GET', `/api/runs/${runId}/decisions`, {
        justification: 'test check',
      })
    ).body.items;

  beforeAll(async () => {
    [s, browser] = await Promise.all([
      startWebService({ CHATSCREEN_RUN_BATCH_SIZE: '4' }),
      launchBrowser(),
    ]);
    const seeded = await seedCase(s, groupChat(60));
    caseId = seeded.caseId;
    runId = await startRun(s, seeded.exportId);
    total = (await waitForRun(s, runId)).counts.flags;
    const listed = await s.investigator.call<{ items: Flag[] }>(
      'GET',
      `/api/runs/${runId}/flags?limit=1000`,
      { justification: 'test setup' },
    );
    flags = listed.body.items;
    proxy = await startGatedProxy(s.url);
  });
  afterAll(async () => {
    await proxy?.close();
    await browser?.close();
    await s?.stop();
  });

  it('signs in, states a purpose once, and shows flags as they arrive', async () => {
    expect(total).toBeGreaterThan(20);
    page = await browser.page();
    await signIn(page, proxy.url, s.reviewer.token);
    await screenshot(page, 'review-01-cases');
    await page.getByRole('link', { name: 'OP-WEB-1' }).click();
    await page.getByRole('link', { name: 'Review', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /Purpose for case OP-WEB-1/ });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Purpose and authorisation').inputValue()).toContain(
      PURPOSE_NOTE,
    );
    await screenshot(page, 'review-02-purpose');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await waitForText(page, '.purpose-bar .text', new RegExp(PURPOSE_NOTE));

    // Nothing has been let through yet: the queue waits; then flags arrive a few at a time.
    await waitForText(page, '.detail-pane .empty', 'Receiving flags…');
    proxy.release(3);
    await waitForFlagCount(page, 3);
    await waitForConversation(page);
    await screenshot(page, 'review-03-first-flags');
    proxy.release(5);
    await waitForFlagCount(page, 8);
    // Arrivals that would land among the rows on screen wait, so nothing moves; R sorts them in.
    const heldBox = page.locator('.list-head .held .figure');
    const held = (await heldBox.count()) > 0 ? Number(await heldBox.textContent()) : 0;
    expect((await page.locator('.vrow').count()) + held).toBe(8);
    await page.keyboard.press('r');
    await page.waitForFunction(() => document.querySelectorAll('.vrow').length === 8);
    expect(await page.locator('.list-head .held').count()).toBe(0);
  }, 120_000);

  it('keeps the flag being read in place while more stream in (no layout shift)', async () => {
    // Select a flag low in the score order, so that later, higher-scoring flags sort above it.
    await page.keyboard.press('k');
    for (let i = 0; i < 7; i += 1) await page.keyboard.press('j');
    await waitForConversation(page);
    const selected = await waitForSelection(page);
    const row = page.locator(`[id="row-${selected}"]`);
    const before = await row.boundingBox();
    await page.waitForTimeout(600); // let the keypresses leave the "recent input" window
    await startLayoutShiftWatch(page);
    for (const n of [4, 6, 5]) {
      const count = await flagCount(page);
      proxy.release(n);
      await waitForFlagCount(page, count + n);
    }
    expect(await selectedFlagId(page)).toBe(selected);
    const after = await row.boundingBox();
    expect(after?.y).toBe(before?.y);
    const shift = await layoutShift(page);
    expect(shift).toEqual({ value: 0, sources: [] });
  }, 120_000);

  it('resumes after a dropped stream from the last flag received, without repeats', async () => {
    const received = await flagCount(page);
    proxy.dropStreams();
    proxy.open();
    await waitForFlagCount(page, total);
    await waitForText(page, '.progress .pill', 'Screening done');
    expect(proxy.resumes()).toEqual([null, String(received)]);
    expect(await page.locator('.vrow').count()).toBeLessThan(total + 1);
    await screenshot(page, 'review-04-all-flags');
  }, 120_000);

  it('decides with the keyboard, saves on the way, and undoes within the last ten', async () => {
    await page.getByRole('listbox', { name: 'Flags' }).focus();
    await page.keyboard.press('k');
    await waitForConversation(page);
    const first = await waitForSelection(page);
    await page.keyboard.press('a');
    await page.getByRole('region', { name: 'Reason for Relevant' }).waitFor();
    await screenshot(page, 'review-05-reason');
    await page.keyboard.press('1');
    const second = await waitForSelection(page, first);
    await waitForConversation(page);
    await page.keyboard.press('x');
    await page.keyboard.press('Enter');
    const third = await waitForSelection(page, second);
    await waitForConversation(page);
    await page.keyboard.press('e');
    await page.keyboard.press('/');
    await page.keyboard.type('needs a Punjabi speaker');
    await page.keyboard.press('Enter');
    await waitForText(page, '.recent summary', 'Your recent decisions (3)');

    let states = await decisions();
    const outcome = (id: string | null) => states.find((d) => d.flagId === id);
    expect(outcome(first)).toMatchObject({
      outcome: 'relevant',
      reason: 'Slur or epithet aimed at a protected group',
    });
    expect(outcome(second)).toMatchObject({
      outcome: 'not_relevant',
      reason: 'Quoting or reporting what someone else said',
    });
    expect(outcome(third)).toMatchObject({
      outcome: 'needs_second_review',
      reason: 'needs a Punjabi speaker',
    });

    // Undo reopens the last decision; a new one supersedes it and both stay on record.
    await page.keyboard.press('z');
    await page.getByText('Reopened your decision').waitFor();
    expect(await waitForSelection(page)).toBe(third);
    await screenshot(page, 'review-06-undo');
    await page.keyboard.press('x');
    await page.keyboard.press('2');
    await page.getByText('Reopened your decision').waitFor({ state: 'hidden' });
    for (;;) {
      states = await decisions();
      if (outcome(third)?.outcome === 'not_relevant') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(outcome(third)).toMatchObject({ outcome: 'not_relevant', count: 2 });
    // Z twice goes two decisions back; Esc keeps it and returns to where the reviewer was.
    const resume = await waitForSelection(page, third);
    await page.keyboard.press('z');
    await page.keyboard.press('z');
    await page.waitForFunction(
      (id) =>
        document.querySelector('[role=listbox]')?.getAttribute('aria-activedescendant') ===
        `row-${id}`,
      second,
    );
    await page.keyboard.press('Escape');
    await page.getByText('Reopened your decision').waitFor({ state: 'hidden' });
    expect(await waitForSelection(page, second)).toBe(resume);
    expect(await page.locator(`[id="row-${first}"] .state`).textContent()).toBe('Relevant');
  }, 120_000);

  it('marks every flagged span exactly, through emoji, ZWJ, RTL and combining text', async () => {
    await page.getByLabel('Sort').selectOption('conversation');
    await page.getByRole('listbox', { name: 'Flags' }).focus();
    await page.keyboard.press('Home');
    const seen = new Set<string>();
    for (let i = 0; i < 14; i += 1) {
      await waitForConversation(page);
      const id = await waitForSelection(page);
      const flag = flags.find((f) => f.id === id);
      await page.locator('.msg.focus mark.current').first().waitFor();
      const shown = await page.locator('.msg.focus').evaluate((el) => {
        // A span overlapping another flag's is cut into pieces: together they are the span.
        const marks = [...el.querySelectorAll('mark.current')];
        return {
          text: el.querySelector('.text')?.textContent ?? '',
          mark: marks.map((m) => m.textContent ?? '').join(''),
          start: Number(marks[0]?.getAttribute('data-start')),
        };
      });
      // The page shows the message exactly, and the mark is exactly [start, end) of it.
      expect(shown.mark).toBe(flag?.text);
      expect(shown.text.slice(flag?.start, flag?.end)).toBe(flag?.text);
      expect(shown.start).toBe(flag?.start);
      seen.add(shown.text);
      await page.keyboard.press('j');
    }
    expect(seen).toContain(TRICKY);
    expect(seen).toContain(RTL);
    expect(seen).toContain(COMBINING);
  }, 120_000);

  it('masks flagged words for wellbeing and reveals them on demand', async () => {
    await waitForConversation(page);
    const word = (await page.locator('.msg.focus mark.current').textContent()) ?? '';
    await page.keyboard.press('m');
    await page.locator('.msg.focus .masked.current').waitFor();
    expect(await page.locator('.msg.focus mark').count()).toBe(0);
    expect(await page.locator('.msg.focus .text').textContent()).not.toContain(word);
    expect(await page.locator('.vrow .masked-inline').count()).toBeGreaterThan(0);
    await screenshot(page, 'review-07-masked');
    await page.keyboard.press('v');
    await page.locator('.msg.focus mark.current').waitFor();
    await page.keyboard.press('m');
    expect(await page.locator('.vrow .masked-inline').count()).toBe(0);
  }, 120_000);

  it('unmasks a sender only with a reason, and the audit log keeps it', async () => {
    await waitForConversation(page);
    await page.keyboard.press('u');
    const dialog = page.getByRole('dialog', { name: /Unmask Participant \d+/ });
    await dialog.waitFor();
    expect(await dialog.getByRole('button', { name: 'Reveal name' }).isDisabled()).toBe(true);
    await dialog
      .getByLabel(/Why do you need to know/)
      .fill('The message names a colleague as its target');
    await screenshot(page, 'review-08-unmask');
    await dialog.getByRole('button', { name: 'Reveal name' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.msg.focus .real-name').waitFor();
    expect(await page.locator('.msg.focus .real-name').textContent()).toMatch(/· (Sgt|PC) \w+/);

    const events = await s.auditor.call<{ items: AuditEvent[] }>(
      'GET',
      `/api/audit/events?caseId=${caseId}&limit=1000`,
    );
    const unmasked = events.body.items.filter((e) => e.action === 'participant.unmasked');
    expect(unmasked.map((e) => e.justification)).toEqual([
      'The message names a colleague as its target',
    ]);
    // Every content read carried the purpose stated once, not a prompt per click.
    const reads = events.body.items.filter(
      (e) =>
        e.actor.id === s.reviewer.id &&
        ['flag.read', 'flags.streamed', 'decisions.listed'].includes(e.action),
    );
    expect(reads.length).toBeGreaterThan(10);
    expect(reads.every((e) => e.justification?.startsWith(PURPOSE_NOTE))).toBe(true);
  }, 120_000);

  it('lists the keys under ?, and every control is reachable with Tab and shows its focus', async () => {
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard' });
    await help.waitFor();
    for (const action of ['Relevant', 'Not relevant', 'Needs second review', 'Skip', 'Undo']) {
      expect(await help.getByText(new RegExp(`^${action}`)).count()).toBeGreaterThan(0);
    }
    await screenshot(page, 'review-09-keys');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    await page.evaluate(() => document.activeElement?.blur());
    const reached: { label: string; outline: string }[] = [];
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const active = document.activeElement;
          const el = active === document.body ? null : active;
          const style = el === null ? null : window.getComputedStyle(el);
          return {
            label: (el === null ? '' : (el.getAttribute('aria-label') ?? el.textContent ?? ''))
              .trim()
              .slice(0, 40),
            outline: style === null ? 'none' : `${style.outlineStyle} ${style.outlineWidth}`,
          };
        }),
      );
    }
    const focused = reached.filter((r) => r.label !== '');
    const labels = focused.map((r) => r.label);
    for (const control of [
      'Flags',
      'Relevant',
      'Not relevant',
      'Second review',
      'Skip',
      'Next',
      'Previous',
    ]) {
      expect(labels.some((l) => l.startsWith(control))).toBe(true);
    }
    expect(focused.filter((r) => r.outline.startsWith('none'))).toEqual([]);
  }, 120_000);

  it('works in a narrow window', async () => {
    await page.setViewportSize({ width: 420, height: 800 });
    await waitForConversation(page);
    const fits = await page.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth,
    );
    expect(fits).toBe(true);
    for (const name of ['Relevant', 'Not relevant', 'Next']) {
      const box = await page.getByRole('button', { name: new RegExp(`^${name}`) }).boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 420).toBe(true);
      expect((box?.y ?? 900) + (box?.height ?? 0) <= 800).toBe(true);
    }
    await screenshot(page, 'review-10-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 120_000);

  it('keeps text readable: WCAG AA contrast (4.5:1) for every text style', async () => {
    await waitForConversation(page);
    const failures = await page.evaluate((selectors) => {
      const channels = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = (css: string) => {
        const [r = 0, g = 0, b = 0] = channels(css).map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const background = (el: BrowserElement | null): string => {
        for (let at = el; at !== null; at = at.parentElement) {
          const bg = window.getComputedStyle(at).backgroundColor;
          const alpha = channels(bg)[3];
          if (bg !== 'transparent' && alpha !== 0) return bg;
        }
        return 'rgb(255, 255, 255)';
      };
      const out: string[] = [];
      for (const selector of selectors) {
        for (const el of [...document.querySelectorAll(selector)].slice(0, 3)) {
          if (el.getAttribute('disabled') !== null) continue;
          const fg = window.getComputedStyle(el).color;
          const [a, b] = [luminance(fg), luminance(background(el))].sort((x, y) => y - x);
          const ratio = ((a ?? 0) + 0.05) / ((b ?? 0) + 0.05);
          if (ratio < 4.5) out.push(`${selector}: ${ratio.toFixed(2)}`);
        }
      }
      return out;
    }, CONTRAST_CHECKED);
    expect(failures).toEqual([]);
  }, 120_000);

  it('runs a blind second review: the second reviewer never receives the first decision', async () => {
    const firsts = await decisions();
    expect(firsts.length).toBe(3);

    // The investigator draws the sample from the case page.
    const lead = await browser.page();
    await signIn(lead, s.url, s.investigator.token);
    await lead.getByRole('link', { name: 'OP-WEB-1' }).click();
    await lead.getByRole('button', { name: 'Draw QC sample' }).click();
    const setup = lead.getByRole('dialog', { name: 'Draw a blind second-review sample' });
    await setup.getByLabel('Share of decided flags (%)').fill('100');
    await setup.getByLabel('Unflagged messages').fill('4');
    await setup.getByLabel('Seed (optional)').fill('web-seed');
    await screenshot(lead, 'qc-01-draw');
    await setup.getByRole('button', { name: 'Draw sample' }).click();
    await setup.waitFor({ state: 'hidden' });
    await lead.getByText(/0 of 7 second-review items decided/).waitFor();

    // The second reviewer works through their items; every answer the page receives is recorded.
    const qc = await browser.page();
    const bodies: string[] = [];
    qc.on('response', async (response) => {
      if (response.url().includes('/api/')) bodies.push(await response.text().catch(() => ''));
    });
    await signIn(qc, s.url, s.second.token);
    await qc.getByRole('link', { name: 'OP-WEB-1' }).click();
    await qc.getByRole('link', { name: 'Second review' }).click();
    await qc.getByRole('dialog', { name: /Purpose/ }).waitFor();
    await qc.keyboard.press('Enter');
    const items = qc.getByRole('listbox', { name: 'Second-review items' });
    await items.waitFor();
    const mine = await s.second.call<{ items: { kind: string }[] }>(
      'GET',
      `/api/runs/${runId}/qc/items`,
    );
    const count = mine.body.items.length;
    // Every decided flag goes to the second reviewer (the first decided them); messages are shared.
    expect(mine.body.items.filter((i) => i.kind === 'flag')).toHaveLength(3);
    await qc.waitForFunction((n) => document.querySelectorAll('.vrow').length === n, count);
    for (let i = 0; i < count; i += 1) {
      await qc.locator('.conversation .msg.focus').waitFor();
      const question = (await qc.locator('.question').textContent()) ?? '';
      const before = await items.getAttribute('aria-activedescendant');
      if (i === 0) await screenshot(qc, 'qc-02-blind-item');
      await qc.keyboard.press(question.includes('unflagged') ? 'x' : 'a');
      await qc.keyboard.press('1');
      if (i < count - 1) {
        await qc.waitForFunction(
          (id) =>
            document.querySelector('[role=listbox]')?.getAttribute('aria-activedescendant') !== id,
          before,
        );
      }
    }
    // The sample's own line also reads "... : n of n decided" once it has loaded: match exactly.
    await qc.getByText(`${count} of ${count} decided`, { exact: true }).waitFor();
    await qc
      .locator('[data-stat=overturn]')
      .getByText(/95% CI/)
      .waitFor();
    await screenshot(qc, 'qc-03-figures');

    const seen = bodies.join('\n');
    for (const first of firsts) expect(seen).not.toContain(first.decisionId);
    expect(seen).not.toContain('needs a Punjabi speaker');
    const summary = await s.auditor.call<{
      stats: {
        flags: {
          agreement: { count: number; total: number };
          overturn: { count: number; total: number; rate: number };
        };
      };
    }>('GET', `/api/runs/${runId}/qc`);
    // The first reviewer said relevant once and not relevant twice; the second said relevant.
    expect(summary.body.stats.flags.agreement).toMatchObject({ count: 1, total: 3 });
    expect(summary.body.stats.flags.overturn).toMatchObject({ count: 2, total: 3 });
    expect(await qc.locator('[data-stat=overturn] .stat-value').textContent()).toBe('67%');
    expect(await qc.locator('[data-stat=overturn] .stat-ci').textContent()).toMatch(
      /^95% CI \d+%–\d+%$/,
    );

    // In the ordinary queue the sampled flags show no decision to the second reviewer.
    await qc.goto(`${s.url}/#/runs/${runId}`);
    await qc.locator('.vrow').first().waitFor();
    await qc.getByRole('combobox', { name: 'Decision' }).selectOption('decided');
    await qc.waitForFunction(() => document.querySelectorAll('.vrow').length === 0);
    await lead.close();
    await qc.close();
  }, 180_000);
});
