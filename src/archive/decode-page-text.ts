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
 * Characters no text may hold, by class, each with what it says about the
 * file and what to do: in a raw page (`page`) and in a text field of the
 * metadata (`field`: a .yml file, or a value a YAML escape such as "\x07"
 * wrote). None of them can be printed text, and none may be written into
 * XML (feeds, sitemaps), so the check stops them rather than the site
 * dropping them later.
 */
const FORBIDDEN: readonly { chars: RegExp; page: (code: string) => string; field: (code: string) => string }[] = [
  {
    chars: /\f/u,
    page: () => 'a form feed (the page break of a PDF or print export); remove it, or split the page in two where it stands',
    field: () => 'a form feed, which no text holds; remove it',
  },
  {
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    chars: /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/u,
    page: (code) => `not a text file: control character U+${code}; export the page as plain text`,
    field: (code) => `control character U+${code}, which no text holds; remove it`,
  },
  {
    chars: /[\u0080-\u009f]/u,
    page: (code) =>
      `control character U+${code} (C1), the mark of text decoded with the wrong encoding (Latin-1 or Windows-1252 read as UTF-8); re-export the page as UTF-8`,
    field: (code) =>
      `control character U+${code} (C1), the mark of text decoded with the wrong encoding (Latin-1 or Windows-1252 read as UTF-8); type the text again`,
  },
  {
    chars:
      /[\ufdd0-\ufdef\ufffe\uffff]|[\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{3fffe}\u{3ffff}\u{4fffe}\u{4ffff}\u{5fffe}\u{5ffff}\u{6fffe}\u{6ffff}\u{7fffe}\u{7ffff}\u{8fffe}\u{8ffff}\u{9fffe}\u{9ffff}\u{afffe}\u{affff}\u{bfffe}\u{bffff}\u{cfffe}\u{cffff}\u{dfffe}\u{dffff}\u{efffe}\u{effff}\u{ffffe}\u{fffff}\u{10fffe}\u{10ffff}]/u,
    page: (code) =>
      `noncharacter U+${code}, which no text holds (a byte-order mark read the wrong way round?); re-export the page as UTF-8`,
    field: (code) => `noncharacter U+${code}, which no text holds; remove it`,
  },
];

/** What kind of text is read: a raw page, or a text field of the metadata. */
type TextKind = 'page' | 'field';

/**
 * The first character no text may hold (see FORBIDDEN), with what to say of
 * it, or null when there is none.
 * @example forbiddenCharacter('看\u0007南通', 'field') // { index: 1, message: 'control character U+0007, which no text holds; remove it' }
 */
export function forbiddenCharacter(text: string, kind: TextKind): { index: number; message: string } | null {
  for (const { chars, page, field } of FORBIDDEN) {
    const found = chars.exec(text);
    if (!found) continue;
    const code = (found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return { index: found.index, message: (kind === 'page' ? page : field)(code) };
  }
  return null;
}

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

/** What to say, by kind of text, of bytes that are not UTF-8 and of U+FFFD. */
const ADVICE: Record<TextKind, { notUtf8: string; lost: string }> = {
  page: { notUtf8: '(a GBK export?); re-export the page as UTF-8', lost: 're-export the page from its source if it can be had' },
  field: { notUtf8: '(saved as GBK?); save the file as UTF-8', lost: 'type the character again if it can be known' },
};

/** Decodes UTF-8 bytes, refusing what no text holds (see decodePageText), warning of U+FFFD. */
function decodeText(file: string, bytes: Uint8Array, kind: TextKind): DecodedPage | { problem: ArchiveProblem } {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const hex = (bytes[bad] as number).toString(16).toUpperCase().padStart(2, '0');
    return {
      problem: {
        file,
        line: lineAt(bytes, bad),
        message: `not UTF-8: byte 0x${hex} at offset ${bad} is not valid UTF-8 ${ADVICE[kind].notUtf8}`,
      },
    };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  const forbidden = forbiddenCharacter(text, kind);
  if (forbidden) return { problem: { file, line: lineOf(text, forbidden.index), message: forbidden.message } };
  if (kind === 'page' && text.replace(/^\uFEFF/u, '').trim() === '') {
    return { problem: { file, line: 1, message: 'the page is empty: export it again or remove it and its .yml file' } };
  }
  const lost = [...text.matchAll(REPLACEMENT)];
  const first = lost[0];
  const warnings: ArchiveProblem[] = first
    ? [
        {
          file,
          line: lineOf(text, first.index),
          message: `U+FFFD (�) ${lost.length === 1 ? 'stands' : `stands ${lost.length} times, first`} here: a conversion lost the character the paper printed; ${ADVICE[kind].lost}`,
        },
      ]
    : [];
  return { text, warnings };
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
  return decodeText(file, bytes, 'page');
}

/**
 * Decodes a YAML file of the archive (papers.yml, a page's .yml) with the
 * checks of raw text: UTF-8 (a .yml saved as GBK is refused, not published
 * as mojibake), no character no text holds, U+FFFD warned of. An empty file
 * is left to the schema, which says what is missing.
 * @example decodeMetaText('a.yml', new TextEncoder().encode('pageName: 看南通\n')) // { text: 'pageName: 看南通\n', warnings: [] }
 */
export function decodeMetaText(file: string, bytes: Uint8Array): DecodedPage | { problem: ArchiveProblem } {
  return decodeText(file, bytes, 'field');
}
