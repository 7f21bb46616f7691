/**
 * Draws the subset of SVG that ECharts' SSR renderer emits (paths and texts with translate/matrix
 * transforms and flat colours) onto a pdfkit document as vectors, so charts stay sharp and need no
 * rasteriser. Anything else in the SVG is ignored.
 */
export interface SvgTarget {
  save(): this;
  restore(): this;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): this;
  path(d: string): this;
  fillColor(color: string, opacity?: number): this;
  strokeColor(color: string, opacity?: number): this;
  lineWidth(w: number): this;
  dash(length: number, options?: { space: number }): this;
  undash(): this;
  fill(): this;
  stroke(): this;
  fillAndStroke(): this;
  fontSize(size: number): this;
  widthOfString(text: string): number;
  text(text: string, x: number, y: number, options?: Record<string, unknown>): this;
}

function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(/([a-zA-Z_:-]+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function color(value: string | undefined): { color: string; opacity: number } | null {
  if (!value || value === 'none' || value === 'transparent') return null;
  const rgba = value.match(/^rgba?\(([^)]+)\)$/);
  if (rgba) {
    const [r, g, b, a] = rgba[1].split(',').map((x) => Number(x.trim()));
    const hex = '#' + [r, g, b].map((x) => Math.round(x).toString(16).padStart(2, '0')).join('');
    return { color: hex, opacity: a === undefined ? 1 : a };
  }
  return { color: value, opacity: 1 };
}

function applyTransform(doc: SvgTarget, transform: string | undefined): void {
  if (!transform) return;
  for (const m of transform.matchAll(/(translate|matrix|scale)\(([^)]*)\)/g)) {
    const n = m[2].split(/[\s,]+/).filter(Boolean).map(Number);
    if (m[1] === 'translate') doc.transform(1, 0, 0, 1, n[0] ?? 0, n[1] ?? 0);
    else if (m[1] === 'scale') doc.transform(n[0], 0, 0, n[1] ?? n[0], 0, 0);
    else doc.transform(n[0], n[1], n[2], n[3], n[4], n[5]);
  }
}

export function drawSvg(doc: SvgTarget, svg: string, x: number, y: number): void {
  doc.save();
  doc.transform(1, 0, 0, 1, x, y);
  for (const m of svg.matchAll(/<(path|text)\b([^>]*)>(?:([^<]*)<\/text>)?/g)) {
    const attrs = attributes(m[2]);
    const opacity = attrs.opacity === undefined ? 1 : Number(attrs.opacity);
    doc.save();
    applyTransform(doc, attrs.transform);
    if (m[1] === 'path' && attrs.d) {
      const fill = color(attrs.fill ?? 'black');
      const stroke = color(attrs.stroke);
      doc.path(attrs.d);
      if (fill) doc.fillColor(fill.color, fill.opacity * opacity * Number(attrs['fill-opacity'] ?? 1));
      if (stroke) {
        doc.strokeColor(stroke.color, stroke.opacity * opacity * Number(attrs['stroke-opacity'] ?? 1)).lineWidth(Number(attrs['stroke-width'] ?? 1));
        if (attrs['stroke-dasharray']) {
          const [on, off] = attrs['stroke-dasharray'].split(/[\s,]+/).map(Number);
          doc.dash(on, { space: off ?? on });
        }
      }
      if (fill && stroke) doc.fillAndStroke();
      else if (fill) doc.fill();
      else if (stroke) doc.stroke();
      doc.undash();
    } else if (m[1] === 'text' && m[3]) {
      const text = unescape(m[3]);
      const size = Number((attrs.style ?? '').match(/font-size:\s*([\d.]+)px/)?.[1] ?? 12);
      const fill = color(attrs.fill ?? 'black') ?? { color: 'black', opacity: 1 };
      doc.fontSize(size).fillColor(fill.color, fill.opacity * opacity);
      const width = doc.widthOfString(text);
      let tx = Number(attrs.x ?? 0);
      if (attrs['text-anchor'] === 'end') tx -= width;
      else if (attrs['text-anchor'] === 'middle') tx -= width / 2;
      // pdfkit places text by its top; SVG "central" puts the middle of the glyphs at y.
      let ty = Number(attrs.y ?? 0);
      if (attrs['dominant-baseline'] === 'central' || attrs['dominant-baseline'] === 'middle') ty -= size * 0.6;
      else if (attrs['dominant-baseline'] !== 'hanging') ty -= size * 0.9;
      doc.text(text, tx, ty, { lineBreak: false });
    }
    doc.restore();
  }
  doc.restore();
}
