import { checkCreditCode, describeCreditCodeProblem, normalizeCreditCode, withCheckCharacter } from './credit-code';

describe('credit code (GB 32100-2015)', () => {
  it.each(['91330100799655058B', '91110000101623741K'])('accepts the published valid code %s', (code) => {
    expect(checkCreditCode(code).problem).toBeUndefined();
  });

  it('rejects 91310115MA1H8R7C6D with the expected check character', () => {
    const { problem } = checkCreditCode('91310115MA1H8R7C6D');
    expect(problem).toEqual({ kind: 'CHECK_CHARACTER', expected: expect.any(String), actual: 'D' });
    expect(problem?.kind === 'CHECK_CHARACTER' && problem.expected).not.toBe('D');
  });

  it('normalises spaces, lower case and full-width characters before checking', () => {
    expect(normalizeCreditCode(' ９１３３０１００７９９６５５０５８ｂ ')).toBe('91330100799655058B');
    expect(checkCreditCode('91330100 7996 5505 8b').problem).toBeUndefined();
  });

  it('reports the length when it is not 18', () => {
    expect(checkCreditCode('9133010079965505').problem).toEqual({ kind: 'LENGTH', actual: 16 });
  });

  it('reports an empty input', () => {
    expect(checkCreditCode('   ').problem).toEqual({ kind: 'EMPTY' });
  });

  it.each([
    ['I', 9],
    ['O', 1],
    ['-', 18],
  ])('reports the illegal character %s at its 1-based position', (ch, position) => {
    const code = '91330100799655058B'.split('');
    code[position - 1] = ch;
    expect(checkCreditCode(code.join('')).problem).toEqual({ kind: 'ILLEGAL_CHARACTER', character: ch, position });
  });

  it('maps a remainder of 0 to the check character 0', () => {
    // Find a prefix whose weighted sum is a multiple of 31 by varying position 17.
    const built = withCheckCharacter('9133020000000000' + '0');
    expect(checkCreditCode(built).problem).toBeUndefined();
    const zeroCase = Array.from('0123456789ABCDEFGHJKLMNPQRTUWXY')
      .map((c) => withCheckCharacter('913302000000000' + '0' + c))
      .find((code) => code.endsWith('0'));
    expect(zeroCase).toBeDefined();
    expect(checkCreditCode(zeroCase!).problem).toBeUndefined();
  });

  it('describes a wrong check character with the expected one', () => {
    const message = describeCreditCodeProblem({ kind: 'CHECK_CHARACTER', expected: 'B', actual: 'C' });
    expect(message).toContain('应为“B”');
    expect(message).toContain("expected 'B'");
  });
});
