import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { groupChat } from './support/fixtures.js';
import { modelsWithStricterVersion, STRICT_MODEL } from './support/models.js';
import {
  seedCase,
  startRun,
  startWebService,
  type WebService,
  waitForRun,
} from './support/service.js';

declare const document: BrowserDocument;

interface AuditEvent {
  action: string;
  actor: { id: string | null };
  justification: string | null;
}

/**
 * The auditor's page against a real server: the chain status, the event log with filters, the
 * model versions with their cards and hashes, a replay and a comparison shown side by side, and
 * the case report with the machine's output and the people's decisions apart.
 */
describe.skipIf(SKIP_BROWSER)('the auditor page in a real browser', () => {
  let s: WebService;
  let browser: TestBrowser;
  let page: Page;
  let models: string;
  let caseId: string;
  let runId: string;

  beforeAll(async () => {
    models = await modelsWithStricterVersion(await mkdtemp(join(tmpdir(), 'chatscreen-models-')));
    [s, browser] = await Promise.all([
      startWebService({ CHATSCREEN_MODELS_DIR: models }),
      launchBrowser(),
    ]);
    const seeded = await seedCase(s, groupChat(30), 'OP-AUDIT-1');
    caseId = seeded.caseId;
    runId = await startRun(s, seeded.exportId);
    await waitForRun(s, runId);
    const flags = await s.reviewer.call<{ items: { id: string }[] }>(
      'GET',
      `/api/runs/${runId}/flags`,
      { justification: 'Reviewing flags for case OP-AUDIT-1' },
    );
    const flagId = flags.body.items[0]?.id ?? '';
    await s.reviewer.call('POST', `/api/flags/${flagId}/decisions`, {
      json: { outcome: 'relevant', reason: 'Derogatory generalisation about a group' },
    });
    page = await browser.page();
    await signIn(page, s.url, s.auditor.token);
  });
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
    await rm(models, { recursive: true, force: true });
  });

  it('shows the audit chain intact with its head hash', async () => {
    await page.getByRole('link', { name: 'Audit', exact: true }).click();
    await page.locator('[data-chain=ok]').waitFor();
    const verified = await s.auditor.call<{ events: number; headHash: string }>(
      'GET',
      '/api/audit/verify',
    );
    expect(await page.locator('.chain code.hash').textContent()).toBe(verified.body.headHash);
    await screenshot(page, 'audit-01-chain');
  }, 120_000);

  it('checks the chain against anchors written down earlier', async () => {
    const anchor = (await page.locator('.chain code.anchor').textContent()) ?? '';
    expect(anchor).toMatch(/^\d+:[0-9a-f]{64}$/);
    const input = page.getByLabel(/Anchors written down earlier/);
    await input.fill(anchor);
    await page.getByRole('button', { name: 'Verify again' }).click();
    await page.locator('[data-chain=ok]').waitFor();
    // A chain rebuilt from event 1 could verify on its own, but not hold the hash written down.
    await input.fill(`1:${'0'.repeat(64)}`);
    await page.keyboard.press('Enter');
    await page.locator('[data-chain=broken]').waitFor();
    expect(await page.locator('[data-chain=broken]').textContent()).toMatch(
      /Broken at event 1: it no longer holds a head written down earlier/,
    );
    await screenshot(page, 'audit-01b-anchor');
    await input.fill('');
    await page.keyboard.press('Enter');
    await page.locator('[data-chain=ok]').waitFor();
  }, 120_000);

  it('filters the event log', async () => {
    await page.getByRole('link', { name: 'Event log' }).click();
    await page.locator('table.log tbody tr').first().waitFor();
    await page.getByRole('combobox', { name: 'Action' }).selectOption('decision.recorded');
    await page.getByRole('combobox', { name: 'Case' }).selectOption({ label: 'OP-AUDIT-1' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('table.log tbody tr')];
      return rows.length === 1 && rows[0]?.getAttribute('data-action') === 'decision.recorded';
    });
    expect(await page.locator('table.log tbody tr td.justification').textContent()).toBe(
      'Derogatory generalisation about a group',
    );
    await screenshot(page, 'audit-02-events');
  }, 120_000);

  it('lists the model versions with their hashes and cards', async () => {
    await page.getByRole('link', { name: 'Model versions' }).click();
    const listed = await s.auditor.call<{ items: { id: string; sha256: string }[] }>(
      'GET',
      '/api/models',
    );
    expect(listed.body.items.map((m) => m.id).sort()).toEqual(['span-ngram-1', STRICT_MODEL]);
    for (const model of listed.body.items) {
      const card = page.getByRole('article', { name: `Model ${model.id}`, exact: true });
      expect(await card.locator('code.hash').textContent()).toBe(model.sha256);
    }
    const shipped = page.getByRole('article', { name: 'Model span-ngram-1', exact: true });
    await shipped.getByText('Model card', { exact: true }).click();
    await shipped.locator('pre.model-card').waitFor();
    expect((await shipped.locator('pre.model-card').textContent())?.length).toBeGreaterThan(200);
    await screenshot(page, 'audit-03-models');
  }, 120_000);

  it('replays a run with its own package: identical', async () => {
    await page.goto(`${s.url}/#/cases/${caseId}`);
    await page.getByRole('button', { name: 'Replay', exact: true }).click();
    await page.locator('.verdict[data-identical=true]').waitFor();
    expect(await page.locator('.verdict').textContent()).toMatch(/^Identical: all \d+ flags/);
    await screenshot(page, 'audit-04-replay');
  }, 120_000);

  it('compares with another model version and shows the differences side by side', async () => {
    await page.goto(`${s.url}/#/cases/${caseId}`);
    await page.getByRole('button', { name: 'Compare…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare with another model' });
    await dialog.getByRole('radio', { name: new RegExp(STRICT_MODEL) }).check();
    await dialog.getByRole('button', { name: 'Compare' }).click();
    await page.locator('.verdict[data-identical=false]').waitFor();
    const removed = page.locator('table.diff tr.diff-removed');
    expect(await removed.count()).toBeGreaterThan(0);
    // Side by side: the original run's flag on the left, nothing on the right.
    const first = removed.first();
    expect(await first.locator('td').nth(0).textContent()).toMatch(/\[\d+, \d+\)/);
    expect(await first.locator('td').nth(1).textContent()).toBe('—');
    expect(await page.locator('table.diff thead').textContent()).toContain(STRICT_MODEL);
    await screenshot(page, 'audit-05-compare');
  }, 120_000);

  it('opens the case report with the machine and the human kept apart, as an audited disclosure', async () => {
    await page.goto(`${s.url}/#/cases/${caseId}`);
    await page.getByRole('link', { name: 'Case report' }).click();
    const purpose = page.getByRole('dialog', { name: /Purpose for case OP-AUDIT-1/ });
    await purpose.waitFor();
    await purpose.getByLabel('Purpose and authorisation').fill('Annual audit of case OP-AUDIT-1');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Reviewed flags (1)' }).waitFor();
    const flag = page.locator('article.reviewed');
    expect(await flag.getByRole('region', { name: 'Machine output' }).textContent()).toMatch(
      /score/,
    );
    expect(await flag.getByRole('region', { name: 'Human decisions' }).textContent()).toContain(
      'Derogatory generalisation about a group',
    );
    await screenshot(page, 'audit-06-report');
    const events = await s.auditor.call<{ items: AuditEvent[] }>(
      'GET',
      `/api/audit/events?caseId=${caseId}&action=report.exported`,
    );
    expect(events.body.items.map((e) => [e.actor.id, e.justification])).toEqual([
      [s.auditor.id, 'Annual audit of case OP-AUDIT-1'],
    ]);
  }, 120_000);
});
