import type { LineProgressDto, QuarterlyReportPayload } from '@app/quotas';

/**
 * A frozen quarter as a district officer may see it. The frozen report is the city's leadership report:
 * its line totals (target, actual, percent, evidence …) are the city's, not theirs, so they are blanked;
 * what remains is each line's frozen district splits, and (read apart, `FrozenQuarter.rows` with their districts)
 * the drill-down rows of their own district(s). Built from the snapshot only, so every download of the same view
 * is the same file.
 */
export function districtView(payload: QuarterlyReportPayload, districtCodes: string[], names: Record<string, string> = {}): QuarterlyReportPayload {
  const own = new Set(districtCodes);
  const lines = payload.lines.map(
    (line) =>
      ({
        ...line,
        target: null,
        actual: null,
        count: null,
        lackingFigures: null,
        percent: null,
        expected: null,
        status: null,
        statusLabel: '',
        evidence: null,
        splits: line.splits.filter((s) => s.kind === 'DISTRICT' && s.districtCode !== null && own.has(s.districtCode)),
      }) as unknown as LineProgressDto,
  );
  const codes = [...own].sort();
  return {
    ...linesOnly(payload),
    districtCodes: codes,
    districtNames: Object.fromEntries(codes.map((c) => [c, names[c] ?? c])),
    lines,
  };
}

/** The payload without the rows behind its lines (kept inside it by quarters frozen before issue 14; read apart). */
export function linesOnly(payload: QuarterlyReportPayload): QuarterlyReportPayload {
  const { drillDown: _rows, lackingFigures: _lacking, ...head } = payload;
  return head;
}
