import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { buildEnv, PROJECT } from './build-command.ts';

/** A running `astro dev` and its base URL (no trailing slash). */
export interface DevServer {
  url: string;
  /** Everything it printed so far, for an assertion's message. */
  output: () => string;
  stop: () => Promise<void>;
}

/** A TCP port free on this machine right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The environment of `npm run dev` in a test: the build's (./build-command.ts)
 * without what vitest sets for its own workers. Astro's dev server serves
 * nothing when it sees VITEST, taking itself for a server vitest runs.
 */
function devEnv(extraEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = buildEnv(extraEnv);
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'NODE_ENV') delete env[key];
  return env;
}

/** Ends the server this module started, and waits until it has exited. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Starts `astro dev` in the project with the running Node (the pinned one
 * under `npm test`) on a free port, as `npm run dev` does, with `extraEnv` on
 * top (ARCHIVE_CONTENT_DIR, say); resolves once it says where it listens.
 * Astro takes the next port when the one asked for was taken meanwhile, so
 * the address is read from what it prints.
 * @example const dev = await startDevServer({ ARCHIVE_CONTENT_DIR: folder }); await fetch(`${dev.url}/review/`); await dev.stop();
 */
export async function startDevServer(extraEnv: NodeJS.ProcessEnv = {}, timeoutMs = 60_000): Promise<DevServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port)], {
    cwd: PROJECT,
    env: devEnv(extraEnv),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const output = (): string => printed;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start in ${timeoutMs} ms:\n${printed}`)), timeoutMs);
    const read = (chunk: Buffer): void => {
      printed += chunk.toString('utf8');
      // eslint-disable-next-line no-control-regex -- the colour codes a terminal would get
      const local = /Local\s+(http:\/\/\S+?)\/?\s/u.exec(printed.replace(/\u001b\[[0-9;]*m/gu, ''));
      if (local?.[1]) {
        clearTimeout(timer);
        resolve(local[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`astro dev exited (${code}) before it listened:\n${printed}`));
    });
  }).catch(async (error: unknown) => {
    await stopChild(child);
    throw error;
  });
  return { url, output, stop: () => stopChild(child) };
}
