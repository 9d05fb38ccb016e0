import type { ArchiveProblem } from './problems.ts';

/** 1-based line of a byte offset: one more than the newlines before it. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/** Offset of the first byte that breaks UTF-8, or -1 when all of it is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong forms, surrogates and code points past U+10FFFF.
    const c1 = bytes[i + 1] as number;
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return i;
    i += need + 1;
  }
  return -1;
}

/** Control characters that never occur in exported text; tab, LF, CR and FF may. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/u;

/**
 * Decodes a raw page's bytes as UTF-8 text, or says why it cannot be a page:
 * empty, not UTF-8 (GBK, say), or not text at all. A BOM is accepted and
 * dropped by the decoder (it is not printed text); CRLF line ends are kept
 * and the parser treats the CR as whitespace. The file on disk is never changed.
 * @example decodePageText('a.txt', new TextEncoder().encode('潮起长江口')) // { text: '潮起长江口' }
 */
export function decodePageText(file: string, bytes: Uint8Array): { text: string } | { problem: ArchiveProblem } {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const hex = (bytes[bad] as number).toString(16).toUpperCase().padStart(2, '0');
    return {
      problem: {
        file,
        line: lineAt(bytes, bad),
        message: `not UTF-8: byte 0x${hex} at offset ${bad} is not valid UTF-8 (a GBK export?); re-export the page as UTF-8`,
      },
    };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  const control = CONTROL.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split('\n').length;
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return { problem: { file, line, message: `not a text file: control character U+${code}; export the page as plain text` } };
  }
  if (text.replace(/^\uFEFF/u, '').trim() === '') {
    return { problem: { file, line: 1, message: 'the page is empty: export it again or remove it and its .yml file' } };
  }
  return { text };
}
