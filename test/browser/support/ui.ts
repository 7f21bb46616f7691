import { Locator, Page } from 'playwright-core';

/** Opens an antd Select (found by its form label, or a locator) and picks the option with this Chinese text. */
export async function choose(page: Page, select: string | Locator, option: string): Promise<void> {
  const field = typeof select === 'string' ? page.getByLabel(select, { exact: true }) : select;
  await field.click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
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

/** The visible modal dialog with this title. */
export function dialog(page: Page, title: string | RegExp): Locator {
  return page.getByRole('dialog').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
}

/** YYYY-MM-DD in Beijing, `days` from today. */
export function beijingDate(days = 0, years = 0): string {
  const d = new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}
