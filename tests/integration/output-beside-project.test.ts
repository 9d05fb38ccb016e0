import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildArgs, printed, PROJECT, runScript } from '../support/build-command.ts';

// A deployer's layout: the project in /srv/archive, the site in /srv/archive-site. Astro 7 takes
// any folder whose path begins with the project's letters for one inside it; the build must
// still work there, and refuse clearly where it cannot.
const tag = `${process.pid}`;
const beside = `${PROJECT}-site-${tag}`;
const www = `${PROJECT}-www-${tag}`;

afterAll(() => {
  for (const path of [beside, `${beside}.cache`, `${beside}.lock`, join(dirname(beside), `.${basename(beside)}.builds`), www])
    rmSync(path, { recursive: true, force: true });
});

describe('an output beside the project, named after it', () => {
  test('builds the seed archive into /srv/archive-site from /srv/archive', () => {
    const result = runScript(buildArgs(beside));
    expect(result.status, printed(result)).toBe(0);
    expect(readFileSync(`${beside}/index.html`, 'utf8')).toContain('南通日报');
  });

  test('refuses up front, naming both paths, a folder that only begins like the project', () => {
    mkdirSync(www);
    const result = runScript(buildArgs(`${www}/site`));
    expect(result.status).toBe(78);
    expect(result.stderr).toContain(`Cannot build into ${www}/site`);
    expect(result.stderr).toContain(`whose path does not begin with ${PROJECT}`);
    expect(existsSync(`${www}/site`)).toBe(false);
  });
});
