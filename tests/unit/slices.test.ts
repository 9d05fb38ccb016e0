import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { buildRequest, slicesFolder } from '../../src/build/sliced-build.ts';
import {
  archiveSlices,
  buildPartOf,
  listedEditions,
  partHolds,
  packSlice,
  readSliceOutputs,
  sliceEditions,
  sliceInputs,
  sliceOfUrl,
  sliceRegistry,
} from '../../src/build/slices.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'slices-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('which slice a path belongs to', () => {
  test.each([
    ['/ntrb/2024-01-24/chao-qi-chang-jiang-kou-qiang-zhua-ji/', 'ntrb-2024'],
    ['/ntrb/2024-01-24/', 'ntrb-2024'],
    ['/ntrb/2024-01-24/A2/', 'ntrb-2024'],
    ['/ntrb/2024-01-24/source/004_ca8fbf74e0fa523e/', 'ntrb-2024'],
    ['/ntrb/2024-01-24/source/004_ca8fbf74e0fa523e.txt', 'ntrb-2024'],
    ['/jhwb/2025/', 'jhwb-2025'],
    ['/api/articles/jhwb-2025.json', 'jhwb-2025'],
    ['/sitemaps/ntrb-2024.xml', 'ntrb-2024'],
    ['/search/records/ntrb-2024h1.json', 'ntrb-2024'],
  ])('%s is of the slice %s', (url, slice) => {
    expect(sliceOfUrl(url)).toBe(slice);
  });

  test.each([
    '/',
    '/ntrb/',
    '/ntrb/feed.xml',
    '/people/许丛军/',
    '/people/许丛军/2024/',
    '/columns/看南通/2024/',
    '/api/articles.json',
    '/api/this-day/01-24.json',
    '/sitemaps/names.xml',
    '/sitemap.xml',
    '/search/',
    // A month of the newest half-year holds every paper's stories: the join indexes it.
    '/search/records/recent-2025-02.json',
  ])('%s is the join’s', (url) => {
    expect(sliceOfUrl(url)).toBeNull();
  });

  test('a slice’s build makes its own paths; the whole build and the join make every path', () => {
    const slice = buildPartOf({ ARCHIVE_SLICE: 'ntrb-2024' });
    expect(partHolds(slice, '/ntrb/2024-01-24/')).toBe(true);
    expect(partHolds(slice, '/jhwb/2025-02-06/')).toBe(false);
    expect(partHolds(slice, '/')).toBe(false);
    expect(partHolds(buildPartOf({}), '/')).toBe(true);
    expect(partHolds(buildPartOf({ ARCHIVE_JOIN_SLICES: 'slices' }), '/ntrb/2024-01-24/')).toBe(true);
  });

  test('a build is told its part by one variable, and a malformed one is refused', () => {
    expect(buildPartOf({})).toEqual({ kind: 'whole' });
    expect(buildPartOf({ ARCHIVE_JOIN_SLICES: 'dist.slices' })).toEqual({ kind: 'join', slices: 'dist.slices' });
    expect(() => buildPartOf({ ARCHIVE_SLICE: 'ntrb' })).toThrow(/named <paper>-<year>/u);
    expect(() => buildPartOf({ ARCHIVE_SLICE: 'ntrb-2024', ARCHIVE_JOIN_SLICES: 'x' })).toThrow(/not both/u);
  });
});

describe('what a slice reads', () => {
  test('the seed archive has two slices, named from its page folders', () => {
    expect(listedEditions(join(ROOT, 'content'))).toEqual([
      { paper: 'jhwb', date: '2025-02-06' },
      { paper: 'ntrb', date: '2024-01-24' },
    ]);
    expect(archiveSlices(join(ROOT, 'content'))).toEqual(['jhwb-2025', 'ntrb-2024']);
  });

  test('its own editions and its paper’s nearest on either side of its year, no other', () => {
    const listed = [
      { paper: 'jhwb', date: '2023-12-29' },
      { paper: 'jhwb', date: '2024-01-24' },
      { paper: 'ntrb', date: '2022-05-01' },
      { paper: 'ntrb', date: '2023-12-31' },
      { paper: 'ntrb', date: '2024-01-24' },
      { paper: 'ntrb', date: '2024-12-31' },
      { paper: 'ntrb', date: '2025-02-06' },
      { paper: 'ntrb', date: '2025-02-07' },
    ];
    const reads = sliceEditions('ntrb-2024', listed);
    expect(listed.filter(({ paper, date }) => reads(paper, date))).toEqual([
      { paper: 'ntrb', date: '2023-12-31' },
      { paper: 'ntrb', date: '2024-01-24' },
      { paper: 'ntrb', date: '2024-12-31' },
      { paper: 'ntrb', date: '2025-02-06' },
    ]);
    // The oldest year has nothing before it.
    const oldest = sliceEditions('ntrb-2022', listed);
    expect(listed.filter(({ paper, date }) => oldest(paper, date)).map((e) => e.date)).toEqual(['2022-05-01', '2023-12-31']);
  });

  test('its editions’ lines of the registry, every other line blanked so that each keeps its number', () => {
    const file = join(ROOT, 'content/permalinks.tsv');
    const text = readFileSync(file, 'utf8');
    const reads = sliceEditions('ntrb-2024', listedEditions(join(ROOT, 'content')));
    const sliced = sliceRegistry({ path: file, bytes: new TextEncoder().encode(text) }, reads);
    const lines = new TextDecoder().decode(sliced?.bytes).split('\n');
    const original = text.split('\n');
    expect(lines).toHaveLength(original.length);
    lines.forEach((line, i) => {
      if (original[i]?.startsWith('/jhwb/')) expect(line).toBe('');
      else expect(line).toBe(original[i]);
    });
    expect(lines.filter((l) => l.startsWith('/ntrb/2024-01-24/'))).toHaveLength(original.filter((l) => l.startsWith('/ntrb/')).length);
    expect(sliceRegistry(null, reads)).toBeNull();
  });
});

describe('when a slice is built again', () => {
  test('its inputs change with its own pages and the code, not with another slice’s pages or the registry', () => {
    const content = join(work, 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    const inputs = (salt = 'code'): string => sliceInputs(content, 'ntrb-2024', listedEditions(content), salt);
    const first = inputs();
    expect(inputs()).toBe(first);
    appendFileSync(join(content, 'permalinks.tsv'), '/ntrb/2024-01-24/ling-yi-tiao/\t004_ca8fbf74e0fa523e.txt\t90\n');
    writeFileSync(join(content, 'pages/jhwb/2025-02-06/000_29ee23daad04a246.txt'), '');
    expect(inputs()).toBe(first);
    expect(inputs('other code')).not.toBe(first);
    const page = join(content, 'pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt');
    writeFileSync(page, `${readFileSync(page, 'utf8')}\n`);
    expect(inputs()).not.toBe(first);
  });
});

describe('the slices a join takes', () => {
  const slices = join(work, 'slices');
  /** A slice's output: its tree (linked as a build leaves it, or a plain folder as an artifact is) and its keys. */
  const slice = (id: string, keys: object | null, { linked = true, tree = '1' } = {}): void => {
    const trees = join(slices, `.${id}.builds`);
    mkdirSync(join(trees, '1'), { recursive: true });
    if (linked) symlinkSync(join(`.${id}.builds`, '1'), join(slices, id));
    else mkdirSync(join(slices, id));
    mkdirSync(join(slices, `${id}.cache`), { recursive: true });
    if (keys) writeFileSync(join(slices, `${id}.cache/keys.json`), JSON.stringify({ tree, ...keys }));
  };

  test('takes each slice’s own paths, and leaves out, saying why, those it cannot trust', () => {
    const paths = { '/ntrb/2024-01-24/': 'a', '/ntrb/2024/': 'b', '/': 'c', '/jhwb/2025-02-06/': 'd' };
    slice('ntrb-2024', { code: 'C', paths });
    slice('jhwb-2025', { code: 'other', paths: {} });
    slice('hmrb-2024', null);
    slice('ntrb-2023', { code: 'C', paths: {} }, { tree: '7' });
    slice('jhwb-2024', { code: 'C', paths: { '/jhwb/2024-03-01/': 'e' } }, { linked: false, tree: '9' });
    const read = readSliceOutputs(slices, 'C');
    expect(read.slices.map((s) => [s.id, s.paths])).toEqual([
      ['jhwb-2024', { '/jhwb/2024-03-01/': 'e' }],
      // The home page a slice's build renders too is not the slice's: the join makes it.
      ['ntrb-2024', { '/ntrb/2024-01-24/': 'a', '/ntrb/2024/': 'b' }],
    ]);
    expect(read.skipped).toEqual([
      'hmrb-2024: no keys there',
      'jhwb-2025: built by other code or settings',
      'ntrb-2023: its keys describe another tree',
    ]);
  });

  test('packs what the join reads of a slice, its files as a plain folder, and no content store', () => {
    slice('ntrb-2022', { code: 'C', paths: { '/ntrb/2022-05-01/': 'a' } });
    const cache = join(slices, 'ntrb-2022.cache');
    writeFileSync(join(slices, '.ntrb-2022.builds/1/index.html'), 'page');
    mkdirSync(join(cache, 'search-words'));
    writeFileSync(join(cache, 'search-words/ntrb-2022h1.json'), '[]');
    mkdirSync(join(cache, 'astro'));
    for (const name of ['archive-pages.json', 'slice-records.json', 'data-store.json']) writeFileSync(join(cache, 'astro', name), '{}');
    const into = join(work, 'artifact');
    expect(packSlice(join(slices, 'ntrb-2022'), into)).toBe('ntrb-2022');
    const packed = readdirSync(into, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() || e.isSymbolicLink());
    expect(packed.map((e) => join(e.parentPath, e.name).slice(into.length + 1)).sort()).toEqual([
      'ntrb-2022.cache/astro/archive-pages.json',
      'ntrb-2022.cache/astro/slice-records.json',
      'ntrb-2022.cache/keys.json',
      'ntrb-2022.cache/search-words/ntrb-2022h1.json',
      'ntrb-2022/index.html',
    ]);
    expect(packed.every((e) => e.isFile())).toBe(true);
    expect(readSliceOutputs(into, 'C').slices.map((s) => [s.id, s.paths])).toEqual([['ntrb-2022', { '/ntrb/2022-05-01/': 'a' }]]);
    expect(() => packSlice(join(slices, 'ntrb-2021'), into)).toThrow(/ntrb-2021: no slice built there/u);
    expect(() => packSlice(join(slices, 'site'), into)).toThrow(/named by its slice/u);
  });

  test('a folder of slices that is not there is an error naming it', () => {
    expect(() => readSliceOutputs(join(work, 'none'), 'C')).toThrow(/none: no such folder of slices/u);
  });
});

describe('npm run build', () => {
  test.each([
    [[], { kind: 'whole', astro: [] }],
    [['--outDir', 'site'], { kind: 'whole', astro: ['--outDir', 'site'] }],
    [['--jobs', '2'], { kind: 'jobs', jobs: 2, out: 'dist', astro: [] }],
    [['--jobs', '3', '--outDir', 'site'], { kind: 'jobs', jobs: 3, out: 'site', astro: ['--outDir', 'site'] }],
    [['--slice', 'ntrb-2024', '--outDir', 's/ntrb-2024'], { kind: 'slice', id: 'ntrb-2024', astro: ['--outDir', 's/ntrb-2024'] }],
    [['--join', 'slices'], { kind: 'join', slices: 'slices', astro: [] }],
    [['--list-slices'], { kind: 'list' }],
    [['--pack', 'slices/ntrb-2024', '--into', 'artifact'], { kind: 'pack', output: 'slices/ntrb-2024', into: 'artifact' }],
  ])('%j', (args, request) => {
    expect(buildRequest(args)).toEqual(request);
  });

  test.each([
    [['--jobs', '0'], /whole number/u],
    [['--jobs'], /--jobs needs a value/u],
    [['--jobs', '2', '--join', 'x'], /give one/u],
    [['--slice', 'ntrb-2024'], /--outDir/u],
    [['--pack', 'slices/ntrb-2024'], /--into/u],
  ])('%j is refused', (args, message) => {
    expect(() => buildRequest(args)).toThrow(message);
  });

  test('slices of an output inside the project lie beside it; of one outside, inside the project', () => {
    expect(slicesFolder('dist', ROOT)).toBe(join(ROOT, 'dist.slices'));
    const outside = slicesFolder('/srv/site', ROOT);
    expect(outside.startsWith(join(ROOT, '.astro/slices/site-'))).toBe(true);
    expect(slicesFolder('/srv/other/site', ROOT)).not.toBe(outside);
  });
});

describe('the CI workflow that builds the slices on many machines', () => {
  const workflow = parse(readFileSync(join(ROOT, '.github/workflows/build-slices.yml'), 'utf8')) as {
    jobs: Record<string, { needs?: string; strategy?: { matrix: { slice: string } }; steps: { run?: string }[] }>;
  };
  const runs = (job: string): string => (workflow.jobs[job]?.steps ?? []).map((s) => s.run ?? '').join('\n');

  test('lists the slices, builds each in a job of a matrix, then joins them', () => {
    expect(runs('plan')).toContain('npm run --silent build -- --list-slices');
    expect(workflow.jobs['slice']?.strategy?.matrix.slice).toBe('${{ fromJSON(needs.plan.outputs.slices) }}');
    expect(runs('slice')).toContain('npm run build -- --slice ${{ matrix.slice }} --outDir slices/${{ matrix.slice }}');
    expect(workflow.jobs['join']?.needs).toBe('slice');
    expect(runs('join')).toContain('npm run build -- --join slices --outDir dist');
  });

  test('carries to the join what it reads of a slice, packed by the build', () => {
    expect(runs('slice')).toContain('npm run build -- --pack slices/${{ matrix.slice }} --into artifact');
    // And the links the join registers go back into the repository.
    expect(runs('join')).toContain('content/permalinks.tsv');
  });
});
