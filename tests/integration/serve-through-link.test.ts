import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildArgs, buildEnv, printed, PROJECT, runScript } from '../support/build-command.ts';
import { sealAgain } from '../support/link-witness.ts';
import { serveStatic, type StaticServer } from '../../src/tools/static-server.ts';

/**
 * The output is a symlink switched to a new tree by each build (issue 22).
 * `npm run preview` (astro preview, Vite's static server) and the tests'
 * static server look each request's file up through the link, so after a
 * rebuild they serve the new site without a restart.
 */
const work = mkdtempSync(join(tmpdir(), 'serve-through-link-'));
const content = join(work, 'content');
const site = join(work, 'site');
const NTRB_PAGE = join(content, 'pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt');
const STORY = '/ntrb/2024-01-24/chao-qi-chang-jiang-kou-qiang-zhua-ji/';
const OLD_TEXT = '正蹄疾步稳地从设想迈向现实';
const NEW_TEXT = '正一步一个脚印地从设想迈向现实';

let preview: ChildProcess | null = null;
let previewUrl = '';
let server: StaticServer | null = null;

function build(): void {
  const result = runScript(buildArgs(site), { ARCHIVE_CONTENT_DIR: content });
  expect(result.status, printed(result)).toBe(0);
}

/** Starts `astro preview` of the output on a free port; resolves with its address once it listens. */
function startPreview(): Promise<string> {
  const child = spawn(
    process.execPath,
    [join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'preview', '--outDir', site, '--host', '127.0.0.1', '--port', '0'],
    { cwd: PROJECT, env: buildEnv() },
  );
  preview = child;
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (data: Buffer) => {
      output += data.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+/u.exec(output)?.[0];
      if (url) resolve(url);
    });
    child.on('exit', (status) => reject(new Error(`astro preview ended (${String(status)}) before it listened:\n${output}`)));
  });
}

/**
 * The page at `path` from a server, with its status, on a connection of its
 * own: a kept-alive one may be closed by the server while the rebuild runs.
 */
function fetchPage(base: string, path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    get(`${base}${path}`, { agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    }).on('error', reject);
  });
}

beforeAll(async () => {
  cpSync(join(PROJECT, 'content'), content, { recursive: true });
  build();
  previewUrl = await startPreview();
  server = await serveStatic(site);
});

afterAll(async () => {
  preview?.kill();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('serving the output through its link', () => {
  test('astro preview and the static server serve the new site once a rebuild switched the link, without a restart', async () => {
    const servers = [previewUrl, server?.url ?? ''];
    for (const base of servers) {
      const page = await fetchPage(base, STORY);
      expect(page.status).toBe(200);
      expect(page.text).toContain(OLD_TEXT);
    }
    writeFileSync(NTRB_PAGE, readFileSync(NTRB_PAGE, 'utf8').replace(OLD_TEXT, NEW_TEXT));
    // The page is registered: the build refuses until the edited story's lines are sealed again.
    sealAgain(runScript(buildArgs(site), { ARCHIVE_CONTENT_DIR: content }), join(content, 'permalinks.tsv'));
    build();
    for (const base of servers) {
      const page = await fetchPage(base, STORY);
      expect(page.status).toBe(200);
      expect(page.text).toContain(NEW_TEXT);
      expect((await fetchPage(base, '/no-such-page/')).status).toBe(404);
    }
  });
});
