// GB 32100-2015 统一社会信用代码: 18 characters over a 31-symbol alphabet (no I, O, S, V, Z),
// the last one a check character computed from the first 17.

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_LENGTH = 18;
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem =
  | { kind: 'EMPTY' }
  | { kind: 'LENGTH'; actual: number }
  | { kind: 'ILLEGAL_CHARACTER'; character: string; position: number }
  | { kind: 'CHECK_CHARACTER'; expected: string; actual: string };

export interface CreditCodeCheck {
  normalized: string;
  problem?: CreditCodeProblem;
}

/** Trims, removes inner spaces, folds full-width forms to half-width and upper-cases. */
export function normalizeCreditCode(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}

/** The check character for the first 17 characters, or undefined when one is outside the alphabet. */
export function computeCheckCharacter(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[check];
}

export function checkCreditCode(input: string): CreditCodeCheck {
  const normalized = normalizeCreditCode(input ?? '');
  if (normalized.length === 0) return { normalized, problem: { kind: 'EMPTY' } };
  if (normalized.length !== CREDIT_CODE_LENGTH) {
    return { normalized, problem: { kind: 'LENGTH', actual: normalized.length } };
  }
  for (let i = 0; i < CREDIT_CODE_LENGTH; i++) {
    if (!CREDIT_CODE_ALPHABET.includes(normalized[i])) {
      return { normalized, problem: { kind: 'ILLEGAL_CHARACTER', character: normalized[i], position: i + 1 } };
    }
  }
  const expected = computeCheckCharacter(normalized.slice(0, 17))!;
  const actual = normalized[17];
  if (expected !== actual) return { normalized, problem: { kind: 'CHECK_CHARACTER', expected, actual } };
  return { normalized };
}

/** A clerk-readable sentence (zh-CN first, English after) for a problem. */
export function describeCreditCodeProblem(problem: CreditCodeProblem): string {
  switch (problem.kind) {
    case 'EMPTY':
      return '统一社会信用代码不能为空 (credit code is required)';
    case 'LENGTH':
      return `统一社会信用代码应为 18 位,实际为 ${problem.actual} 位 (must be 18 characters, got ${problem.actual})`;
    case 'ILLEGAL_CHARACTER':
      return `第 ${problem.position} 位字符“${problem.character}”不允许(不得含 I、O、S、V、Z 及符号) (illegal character '${problem.character}' at position ${problem.position})`;
    case 'CHECK_CHARACTER':
      return `校验位错误:应为“${problem.expected}”,实际为“${problem.actual}” (wrong check character: expected '${problem.expected}', got '${problem.actual}')`;
  }
}

/** Builds a valid code from its first 17 characters (used by demo and synthetic data). */
export function withCheckCharacter(first17: string): string {
  const check = computeCheckCharacter(first17);
  if (!check) throw new Error(`not a credit-code prefix: ${first17}`);
  return first17 + check;
}
