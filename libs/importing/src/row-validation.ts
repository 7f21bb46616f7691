import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

import { AppException } from '@app/core';

import { BatchContext, RowError } from './import-kind';

/**
 * Runs the API's own DTO rules on one row, so a file is held to exactly what POST/PUT accept.
 * Unknown properties cannot occur (columns are mapped first), so only the field rules speak.
 */
export function validateDto<T extends object>(ctx: BatchContext, line: number, type: ClassConstructor<T>, plain: object): { dto: T; errors: RowError[] } {
  const dto = plainToInstance(type, plain);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }).flatMap((e: ValidationError) =>
    // One problem per cell is enough for a clerk: the first rule that fails.
    Object.entries(e.constraints ?? {})
      .slice(0, 1)
      .map(([rule, message]) => ({ line, column: ctx.headerOf(e.property), code: rule.toUpperCase(), message })),
  );
  return { dto, errors };
}

/** Turns an AppException carrying field errors (credit code, reference checks) into row errors. */
export function appErrors(ctx: BatchContext, line: number, error: unknown, fallbackField: string): RowError[] {
  if (!(error instanceof AppException)) throw error;
  if (error.errors?.length) return error.errors.map((e) => ({ line, column: ctx.headerOf(e.field), code: e.code, message: e.message }));
  return [{ line, column: ctx.headerOf(fallbackField), code: String(error.code), message: error.message }];
}

/** Runs a service's check of one row: an AppException it throws becomes the row's errors, anything else propagates. */
export async function checkedRow(ctx: BatchContext, line: number, fallbackField: string, check: () => Promise<unknown>): Promise<RowError[]> {
  try {
    await check();
    return [];
  } catch (error) {
    return appErrors(ctx, line, error, fallbackField);
  }
}

/** Remembers each answer (or AppException) of an async check, so 100,000 rows cost one query per distinct code. */
export class CheckCache<T> {
  private readonly answers = new Map<string, Promise<{ value?: T; error?: unknown }>>();

  async get(key: string, check: () => Promise<T>): Promise<T> {
    let answer = this.answers.get(key);
    if (!answer) {
      answer = check().then(
        (value) => ({ value }),
        (error) => ({ error }),
      );
      this.answers.set(key, answer);
    }
    const { value, error } = await answer;
    if (error) throw error;
    return value as T;
  }
}

const TRUE = new Set(['是', 'true', 'TRUE', 'True', '1', 'Y', 'y', 'yes', 'YES', '√']);
const FALSE = new Set(['否', 'false', 'FALSE', 'False', '0', 'N', 'n', 'no', 'NO', '']);

/** 是/否, true/false, 1/0 → boolean; anything else stays text so validation names it. */
export function toBoolean(text: string): boolean | string {
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return text;
}

/** Accepts the English enum value or its Chinese label. */
export function toEnum(text: string, labels: Record<string, string>): string {
  if (text in labels) return text;
  const upper = text.toUpperCase();
  if (upper in labels) return upper;
  const hit = Object.entries(labels).find(([, label]) => label === text || label.replace(/[“”"]/g, '') === text.replace(/[“”"]/g, ''));
  return hit ? hit[0] : text;
}

/** Numbers as staff type them: thousands separators removed. Non-numbers stay text for validation to name. */
export function toNumber(text: string): number | string {
  const cleaned = text.replace(/[,，\s]/g, '');
  if (cleaned === '') return text;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : text;
}

/** Dates as Excel or clerks write them: 2023/5/8 and 2023.5.8 become 2023-05-08. */
export function toDate(text: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text;
}

export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
