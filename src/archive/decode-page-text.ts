import { sourceLines } from './source-lines.ts';
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

/**
 * Characters a page may never hold, by class, each with what it says about
 * the file and what to do. None of them can be printed text, and none may be
 * written into XML (feeds, sitemaps), so the check stops them rather than
 * the site dropping them later.
 */
const FORBIDDEN: readonly { chars: RegExp; what: (code: string) => string }[] = [
  {
    chars: /\f/u,
    what: () => 'a form feed (the page break of a PDF or print export); remove it, or split the page in two where it stands',
  },
  {
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    chars: /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/u,
    what: (code) => `not a text file: control character U+${code}; export the page as plain text`,
  },
  {
    chars: /[\u0080-\u009f]/u,
    what: (code) =>
      `control character U+${code} (C1), the mark of text decoded with the wrong encoding (Latin-1 or Windows-1252 read as UTF-8); re-export the page as UTF-8`,
  },
  {
    chars:
      /[\ufdd0-\ufdef\ufffe\uffff]|[\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{3fffe}\u{3ffff}\u{4fffe}\u{4ffff}\u{5fffe}\u{5ffff}\u{6fffe}\u{6ffff}\u{7fffe}\u{7ffff}\u{8fffe}\u{8ffff}\u{9fffe}\u{9ffff}\u{afffe}\u{affff}\u{bfffe}\u{bffff}\u{cfffe}\u{cffff}\u{dfffe}\u{dffff}\u{efffe}\u{effff}\u{ffffe}\u{fffff}\u{10fffe}\u{10ffff}]/u,
    what: (code) =>
      `noncharacter U+${code}, which no text holds (a byte-order mark read the wrong way round?); re-export the page as UTF-8`,
  },
];

/** The replacement character a lossy conversion leaves where it could not read a character. */
const REPLACEMENT = /\uFFFD/gu;

/** 1-based line of a character offset in decoded text (see source-lines.ts). */
const lineOf = (text: string, offset: number): number => sourceLines(text.slice(0, offset)).length;

/** Decoded text of a page, with what a reader of it should be warned of. */
export interface DecodedPage {
  text: string;
  /** Not problems, but worth an archivist's look: U+FFFD where a conversion lost characters. */
  warnings: ArchiveProblem[];
}

/**
 * Decodes a raw page's bytes as UTF-8 text, or says why it cannot be a page:
 * empty, not UTF-8 (GBK, say), not text at all, or holding a character no
 * text holds. A BOM is accepted and dropped by the decoder (it is not printed
 * text). U+FFFD (what a lossy conversion leaves) is accepted with a warning:
 * it may stand where the paper printed a character the export lost. The file
 * on disk is never changed.
 * @example decodePageText('a.txt', new TextEncoder().encode('潮起长江口')) // { text: '潮起长江口', warnings: [] }
 */
export function decodePageText(file: string, bytes: Uint8Array): DecodedPage | { problem: ArchiveProblem } {
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
  for (const { chars, what } of FORBIDDEN) {
    const found = chars.exec(text);
    if (!found) continue;
    const code = (found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return { problem: { file, line: lineOf(text, found.index), message: what(code) } };
  }
  if (text.replace(/^\uFEFF/u, '').trim() === '') {
    return { problem: { file, line: 1, message: 'the page is empty: export it again or remove it and its .yml file' } };
  }
  const lost = [...text.matchAll(REPLACEMENT)];
  const first = lost[0];
  const warnings: ArchiveProblem[] = first
    ? [
        {
          file,
          line: lineOf(text, first.index),
          message: `U+FFFD (�) ${lost.length === 1 ? 'stands' : `stands ${lost.length} times, first`} here: a conversion lost the character the paper printed; re-export the page from its source if it can be had`,
        },
      ]
    : [];
  return { text, warnings };
}
