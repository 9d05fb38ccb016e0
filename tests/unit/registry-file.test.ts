import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { REGISTRY_HEADER } from '../../src/archive/permalink-registry.ts';
import { registerLinks, RegistryWriteError } from '../../src/build/registry-file.ts';

/**
 * Writing a content folder's permalink registry (src/build/registry-file.ts):
 * under its own lock, whole (a flushed temporary file renamed over it), and
 * never half: a registry that cannot be written is an error that says so.
 */

let content: string;
const LINE = '/ntrb/2024-01-24/fen-xiang-gong-zuo-jing-li-chang-tan/\t004_ca8fbf74e0fa523e.txt\t57\n';
const OTHER = '/ntrb/2024-01-24/yi-zheng-jian-yan-mou-wei-lai-ning-xu/\t004_ca8fbf74e0fa523e.txt\t67\n';
beforeEach(() => {
  content = mkdtempSync(join(tmpdir(), 'registry-file-'));
});
afterEach(() => rmSync(content, { recursive: true, force: true }));

describe('registerLinks', () => {
  test('starts a registry with its header, and leaves neither lock nor temporary file', () => {
    const { added, path } = registerLinks(content, LINE, '');
    expect(added).toEqual([LINE.trimEnd()]);
    expect(readFileSync(path, 'utf8')).toBe(`${REGISTRY_HEADER}${LINE}`);
    expect(readdirSync(content)).toEqual(['permalinks.tsv']);
  });

  test('leaves out what another build registered meanwhile, and appends the rest', () => {
    writeFileSync(join(content, 'permalinks.tsv'), `${REGISTRY_HEADER}${LINE}`);
    const { added } = registerLinks(content, `${LINE}${OTHER}`, REGISTRY_HEADER);
    expect(added).toEqual([OTHER.trimEnd()]);
    expect(readFileSync(join(content, 'permalinks.tsv'), 'utf8')).toBe(`${REGISTRY_HEADER}${LINE}${OTHER}`);
  });

  test('writes through a link to the file it names, which stays a link', () => {
    const elsewhere = join(content, 'kept');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'permalinks.tsv'), `${REGISTRY_HEADER}`);
    symlinkSync(join(elsewhere, 'permalinks.tsv'), join(content, 'permalinks.tsv'));
    registerLinks(content, LINE, REGISTRY_HEADER);
    expect(readFileSync(join(elsewhere, 'permalinks.tsv'), 'utf8')).toBe(`${REGISTRY_HEADER}${LINE}`);
    expect(readdirSync(content).sort()).toEqual(['kept', 'permalinks.tsv']);
  });

  test('a registry it cannot replace is an error naming it, and nothing is left half written', () => {
    // A folder where the temporary file would go: it cannot be written, as a read-only or immutable registry cannot be replaced.
    writeFileSync(join(content, 'permalinks.tsv'), REGISTRY_HEADER);
    mkdirSync(join(content, `.permalinks.tsv.${process.pid}.tmp`));
    writeFileSync(join(content, `.permalinks.tsv.${process.pid}.tmp`, 'x'), '');
    expect(() => registerLinks(content, LINE, REGISTRY_HEADER)).toThrow(RegistryWriteError);
    expect(() => registerLinks(content, LINE, REGISTRY_HEADER)).toThrow(
      /^Could not write .*permalinks\.tsv \(.*\), so .*nothing is published/u,
    );
    expect(readFileSync(join(content, 'permalinks.tsv'), 'utf8')).toBe(REGISTRY_HEADER);
    expect(readdirSync(content).sort()).toEqual([`.permalinks.tsv.${process.pid}.tmp`, 'permalinks.tsv']);
  });
});
