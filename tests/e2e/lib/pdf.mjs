// Text out of a PDF Chromium printed (page.pdf), for asserting what is on paper. Shared by the report specs.
import { inflateSync } from 'node:zlib';

/** The text of every page of a PDF Chromium printed (its fonts map glyphs back to text with ToUnicode CMaps). */
export function pdfText(buf) {
  const raw = buf.toString('latin1');
  const objects = new Map();
  for (const m of raw.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(m[1], m[2]);
  const streamOf = (body) => {
    const m = /stream\r?\n([\s\S]*?)\r?\nendstream/.exec(body);
    if (!m) return '';
    const bytes = Buffer.from(m[1], 'latin1');
    try {
      return /FlateDecode/.test(body) ? inflateSync(bytes).toString('latin1') : m[1];
    } catch {
      return '';
    }
  };
  // Font resource names → glyph maps.
  const cmapOf = (fontObj) => {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontObj) ?? '');
    const map = new Map();
    if (!ref) return map;
    const text = streamOf(objects.get(ref[1]) ?? '');
    const hex = (h) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(m[1], 16), hex(m[2]));
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const [lo, hi, start] = [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
        for (let g = lo; g <= hi; g++) map.set(g, String.fromCodePoint(start + g - lo));
      }
    return map;
  };
  let out = '';
  for (const [, body] of objects) {
    if (!/\/Type\s*\/Page[^s]/.test(body)) continue;
    const contents = /\/Contents (\d+) 0 R/.exec(body);
    const resources = /\/Resources (\d+) 0 R/.exec(body);
    const resBody = resources ? objects.get(resources[1]) ?? '' : body;
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resBody)?.[1] ?? '';
    const fonts = new Map([...fontDict.matchAll(/\/(\S+?) (\d+) 0 R/g)].map((m) => [m[1], cmapOf(m[2])]));
    const content = contents ? streamOf(objects.get(contents[1]) ?? '') : '';
    let cmap = new Map();
    for (const m of content.matchAll(/\/(\S+) [\d.]+ Tf|<([0-9A-Fa-f]*)>|(T\*|Td|TD|Tm|ET)/g)) {
      if (m[1]) cmap = fonts.get(m[1]) ?? new Map();
      else if (m[2] !== undefined) for (const g of m[2].match(/.{4}/g) ?? []) out += cmap.get(parseInt(g, 16)) ?? '';
      else out += ' ';
    }
    out += '\n';
  }
  return out.replace(/\s+/g, ' ');
}
