import { drawSvg, SvgTarget } from './svg-to-pdfkit';

/** Records the drawing calls instead of writing a PDF. */
function recorder() {
  const calls: string[] = [];
  const target = new Proxy({} as Record<string, unknown>, {
    get(_, name: string) {
      if (name === 'widthOfString') return (text: string) => text.length * 10;
      return (...args: unknown[]) => {
        calls.push(`${name}(${args.map((a) => JSON.stringify(a)).join(',')})`);
        return target;
      };
    },
  });
  return { calls, target: target as unknown as SvgTarget };
}

describe('drawSvg', () => {
  it('replays ECharts paths as filled vectors and texts at their anchors', () => {
    const { calls, target } = recorder();
    drawSvg(
      target,
      `<svg><path d="M120 31.6l272 0l0 51.8l-272 0Z" fill="#5070dd"></path>
       <text dominant-baseline="central" text-anchor="end" style="font-size:12px;" transform="translate(112 57.5)" fill="#54555a">链核</text></svg>`,
      40,
      100,
    );
    expect(calls).toContain('transform(1,0,0,1,40,100)');
    expect(calls).toContain('path("M120 31.6l272 0l0 51.8l-272 0Z")');
    expect(calls).toContain('fillColor("#5070dd",1)');
    expect(calls).toContain('fill()');
    // Right-aligned: moved left by its width (2 chars × 10), raised from the middle to the top.
    expect(calls).toContain('transform(1,0,0,1,112,57.5)');
    expect(calls).toContain(`text("链核",-20,${-12 * 0.6},{"lineBreak":false})`);
  });

  it('turns rgba colours into hex with opacity and skips unfilled paths', () => {
    const { calls, target } = recorder();
    drawSvg(target, `<path d="M0 0L1 1" fill="none" stroke="rgba(255,0,0,0.5)" stroke-width="2"></path>`, 0, 0);
    expect(calls).toContain('strokeColor("#ff0000",0.5)');
    expect(calls).toContain('stroke()');
    expect(calls).not.toContain('fill()');
  });
});
