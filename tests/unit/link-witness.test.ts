import { describe, expect, test } from 'vitest';
import { manifestText, parseManifest, restoreRegistry, type Manifest } from '../../src/archive/link-manifest.ts';
import { REGISTRY_HEADER, parseRegistry } from '../../src/archive/permalink-registry.ts';
import { planArchive } from '../../src/archive/plan-archive.ts';
import { readArchive, type RawArchive } from '../../src/archive/read-archive.ts';
import { changedLines } from '../../src/archive/registered-text.ts';
import { appendLines } from '../../src/archive/registry-append.ts';

/**
 * The published site as the witness of its links (src/archive/link-manifest.ts,
 * link-witness.ts): the manifest a build of the seed archive writes, read back
 * by the next build, which refuses to lose a link it names; the registry put
 * back from it; new lines appended to a registry another build appended to.
 */

const REGISTRY = 'content/permalinks.tsv';
const SEED_REGISTRY = new TextDecoder().decode(readArchive('content').registry?.bytes);
const TAB = '\t';
const FEN_XIANG = '/ntrb/2024-01-24/fen-xiang-gong-zuo-jing-li-chang-tan/';

/** The seed archive with its registry replaced. */
function seed(registry: string): RawArchive {
  return { ...readArchive('content'), registry: { path: REGISTRY, bytes: new TextEncoder().encode(registry) } };
}

/** The manifest a build of the seed with `registry` writes, read back from `path`. */
function manifestOf(registry: string, path = 'dist/permalinks.json'): Manifest {
  const plan = planArchive(seed(registry));
  expect(plan.problems).toEqual([]);
  const read = parseManifest(path, manifestText(plan.links, parseRegistry(REGISTRY, registry)));
  if (!('links' in read)) throw new Error(read.message);
  return read;
}

const witnessOf = (manifest: Manifest) => ({ out: 'dist', manifests: [manifest], problems: [] });

describe('the manifest', () => {
  test('lists every link, one a line, with what it answers and the registry lines that decide it', () => {
    const retired = `${SEED_REGISTRY}${FEN_XIANG}${TAB}retired${TAB}2026-11-26${TAB}撤稿\n`;
    const manifest = manifestOf(retired);
    expect(manifest.links.map((l) => [l.at, l.answers])).toEqual([
      [2, 'story'],
      [3, 'story'],
      [4, 'story'],
      [5, 'retired'],
      [6, 'story'],
      [7, 'story'],
      [8, 'story'],
      [9, 'story'],
      [10, 'story'],
    ]);
    expect(manifest.links[3]).toEqual({
      url: FEN_XIANG,
      answers: 'retired',
      file: '004_ca8fbf74e0fa523e.txt',
      line: 57,
      seal: expect.stringMatching(/^57-65:[0-9a-f]{16}$/u),
      registry: [`${FEN_XIANG}${TAB}004_ca8fbf74e0fa523e.txt${TAB}57`, `${FEN_XIANG}${TAB}retired${TAB}2026-11-26${TAB}撤稿`],
      at: 5,
    });
  });

  test('that cannot be read is a problem at its first line, not a witness of nothing', () => {
    expect(parseManifest('dist/permalinks.json', '{"links":[')).toEqual({
      file: 'dist/permalinks.json',
      line: 1,
      message: expect.stringContaining('the manifest of the published links cannot be read'),
    });
  });
});

describe('the next build, held to the manifest', () => {
  const manifest = manifestOf(SEED_REGISTRY);

  test('refuses an emptied registry at every link’s line of the manifest, and says how to put it back', () => {
    const plan = planArchive(seed(''), { witness: witnessOf(manifest) });
    const atManifest = plan.problems.filter((p) => p.file === 'dist/permalinks.json');
    expect(atManifest.map((p) => p.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Without its line the story 分享工作经历… would come back under another link: this one would no longer answer.
    expect(atManifest[3]?.message).toBe(
      `${FEN_XIANG} was published into dist as the story of 004_ca8fbf74e0fa523e.txt line 57, by the registry line "${FEN_XIANG}<TAB>004_ca8fbf74e0fa523e.txt<TAB>57", which ${REGISTRY} no longer holds; without it the link would no longer answer`,
    );
    expect(plan.problems.find((p) => p.file === REGISTRY)?.message).toContain(
      '`npm run permalinks -- --restore dist` puts back every line',
    );
  });

  test('takes a link retired or moved since: it still answers', () => {
    const retired = `${SEED_REGISTRY}${FEN_XIANG}${TAB}retired${TAB}2026-11-26${TAB}撤稿\n`;
    expect(planArchive(seed(retired), { witness: witnessOf(manifest) }).problems).toEqual([]);
  });

  test('holds an older line without a seal to the seal the manifest recorded', () => {
    const edited: RawArchive = {
      ...seed(SEED_REGISTRY),
      pageFiles: readArchive('content').pageFiles.map((f) =>
        f.path.endsWith('004_ca8fbf74e0fa523e.txt')
          ? { ...f, bytes: new TextEncoder().encode(new TextDecoder().decode(f.bytes).replace('协同创新我先行', '协同创新我领先')) }
          : f,
      ),
    };
    expect(planArchive(edited).problems).toEqual([]);
    expect(planArchive(edited, { witness: witnessOf(manifest) }).problems.map((p) => [p.file, p.line])).toEqual([
      ['content/pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt', 1],
      [REGISTRY, 5],
    ]);
  });
});

describe('restoreRegistry', () => {
  const manifest = manifestOf(SEED_REGISTRY);

  test('puts back every line of an emptied registry, under a header', () => {
    const { text, restored } = restoreRegistry('', [manifest], REGISTRY_HEADER);
    const links = SEED_REGISTRY.split('\n').filter((l) => l.startsWith('/'));
    expect([...restored].sort()).toEqual([...links].sort());
    expect(text).toBe(`${REGISTRY_HEADER}${restored.map((l) => `${l}\n`).join('')}`);
  });

  test('puts a cut last line back whole', () => {
    const cut = SEED_REGISTRY.slice(0, -2);
    expect(restoreRegistry(cut, [manifest], REGISTRY_HEADER)).toEqual({
      text: SEED_REGISTRY,
      restored: [SEED_REGISTRY.split('\n').at(-2)],
    });
  });
});

describe('appendLines', () => {
  const line = `/ntrb/2024-01-24/x/${TAB}a.txt${TAB}3`;

  test('leaves out a line another build appended meanwhile, and appends the rest', () => {
    const other = `/ntrb/2024-01-24/y/${TAB}a.txt${TAB}9`;
    expect(appendLines(REGISTRY, `${SEED_REGISTRY}${line}\n`, SEED_REGISTRY, `${line}\n${other}\n`)).toEqual({
      text: `${SEED_REGISTRY}${line}\n${other}\n`,
      added: [other],
    });
  });

  test('refuses a registry that changed otherwise under the build: a link given to another item, lines gone, a cut line', () => {
    expect(() => appendLines(REGISTRY, `${SEED_REGISTRY}${line}\n`, SEED_REGISTRY, `/ntrb/2024-01-24/z/${TAB}a.txt${TAB}3\n`)).toThrow(
      /changed while this build ran: line 11 gives/u,
    );
    expect(() => appendLines(REGISTRY, '', SEED_REGISTRY, `${line}\n`)).toThrow(/no longer begins with the lines the build read/u);
    expect(() => appendLines(REGISTRY, `${SEED_REGISTRY}${line}`, SEED_REGISTRY, `${line}\n`)).toThrow(/its last line has no line break/u);
  });
});

describe('changedLines', () => {
  test('names the lines removed, added or changed between the published page and this one', () => {
    expect(changedLines(['a', 'b', 'c', 'd'], ['a', 'd'])).toEqual({ was: [2, 3], now: null, at: 2 });
    expect(changedLines(['a', 'd'], ['a', 'b', 'd'])).toEqual({ was: null, now: [2, 2], at: 2 });
    expect(changedLines(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual({ was: [2, 2], now: [2, 2], at: 2 });
    expect(changedLines(['a', 'b '], ['a', 'b'])).toBeNull();
  });
});
