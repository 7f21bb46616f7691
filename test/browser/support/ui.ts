import { Locator, Page } from 'playwright-core';

/**
 * Opens an antd Select (found by its form label, or a locator) and picks the option with this
 * Chinese text with the keyboard, as a user can: a click on an option races the dropdown's opening
 * animation inside a modal on a busy machine.
 */
export async function choose(page: Page, select: string | Locator, option: string): Promise<void> {
  const field = typeof select === 'string' ? page.getByLabel(select, { exact: true }) : select;
  // The Select around the field (or the field itself): where the chosen option shows once taken.
  const box = field.locator('xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  for (let attempt = 0; attempt < 3; attempt++) {
    await field.click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
    await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().waitFor({ state: 'attached' });
    let pressed = false;
    for (let step = 0; step < 50 && !pressed; step++) {
      const active = (await dropdown.locator('.ant-select-item-option-active').first().textContent()) ?? '';
      if (active.includes(option)) {
        await page.keyboard.press('Enter');
        pressed = true;
      } else {
        await page.keyboard.press('ArrowDown');
      }
    }
    if (!pressed) throw new Error(`no option "${option}" in the select`);
    // On a busy machine the Enter can reach the list before its active option is the one read: check
    // that the Select now shows the option, and choose again when it does not.
    if (!(await box.count())) return;
    const shown = box.first().locator('.ant-select-selection-item').filter({ hasText: option }).first();
    if (await shown.waitFor({ state: 'attached', timeout: 5_000 }).then(() => true, () => false)) return;
  }
  throw new Error(`the select did not take "${option}"`);
}

/** Types a date into an antd DatePicker found by its form label. */
export async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Searches the enterprise picker and picks the first match. */
export async function pickEnterprise(page: Page, label: string, text: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(text);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first().click();
}

// antd's modals, drawers and pop-confirms zoom or slide in; while they move, a click aimed at a button can land beside it
const MOTION = '[class*="zoom-appear"], [class*="zoom-enter"], [class*="zoom-big-appear"], [class*="zoom-big-enter"], [class*="motion-right-appear"], [class*="motion-right-enter"]';

/** Waits until no antd modal, drawer or pop-confirm is still zooming or sliding in (before a click inside it, or a screenshot). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction((selector) => !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector(selector), MOTION);
}

/** The visible modal dialog with this title. */
export function dialog(page: Page, title: string | RegExp): Locator {
  return page.getByRole('dialog').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
}

/**
 * The modal with this title once it is open and no longer zooming in. On a busy machine antd's zoom can
 * take over a second; typing and clicking into it meanwhile raced the motion (a CI run's 保存 left the
 * modal open).
 */
export async function openedDialog(page: Page, title: string | RegExp): Promise<Locator> {
  const modal = dialog(page, title);
  await modal.waitFor();
  await settled(page);
  return modal;
}

/**
 * Clicks a modal's button once nothing is in motion and waits for the modal to close, as it does when
 * the save succeeds. When the console shows an error instead, fails with the message the user read.
 */
export async function submitDialog(modal: Locator, button: RegExp): Promise<void> {
  const page = modal.page();
  const errors = page.locator('.ant-message-error');
  const before = await errors.count();
  await settled(page);
  await modal.getByRole('button', { name: button }).click();
  const closed = modal.waitFor({ state: 'hidden' }).then(() => undefined);
  const failed = errors.nth(before).waitFor().then(async () => (await errors.nth(before).textContent()) ?? '');
  // the loser of the race goes on waiting until its timeout: let it end quietly
  closed.catch(() => undefined);
  failed.catch(() => undefined);
  const error = await Promise.race([closed, failed]);
  if (error !== undefined) throw new Error(`the dialog stayed open and the console said: ${error}`);
}

/** YYYY-MM-DD in Beijing, `days` from today. */
export function beijingDate(days = 0, years = 0): string {
  const d = new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}
