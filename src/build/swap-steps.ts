/**
 * The steps of putting a build's output in place (publish in
 * ./archive-build.ts, ./versioned-output.ts, ./output-tree.ts), in the order
 * a build takes them, each named by what happens next. They are listed here once so that the fault-injection test
 * (tests/integration/atomic-swap.test.ts) can kill a build at each of them.
 * Until `switch`, the published output is the last one, untouched; from
 * `switch` on, it is the new one, whole.
 */
export const SWAP_STEPS = [
  /** As a build starts: before each leftover of a killed build (a tree never published, a link never renamed) is removed. */
  'remove-leftover',
  /** Before the new tree is begun beside the output: its folder made, or the tree kept before the published one renamed to it. */
  'start-tree',
  /** In an incremental build, before each file of the published tree is hard-linked (or copied) into the new one, or removed from a recycled one. */
  'link-file',
  /** Before each new file, search shard or removal is laid into the new tree, or the fresh output is moved or copied there whole. */
  'lay-file',
  /** Before the symlink to the new tree is made, under a name of its own. */
  'make-link',
  /** Before that symlink is renamed over the output: the one atomic step that publishes the new tree. */
  'switch',
  /** Before `<out>.cache/changes.json` is written. */
  'record-changes',
  /** Before `<out>.cache/keys.json` is written. */
  'record-keys',
  /** Before each tree older than the one kept is removed. */
  'remove-old-tree',
] as const;

/** A step of the swap. */
export type SwapStep = (typeof SWAP_STEPS)[number];

/**
 * For tests only: `ARCHIVE_TEST_KILL_AT=<step>` or `<step>#<n>` kills the
 * build with SIGKILL when it reaches that step for the first (or n-th) time,
 * as a power cut or `kill -9` would. Read once, when the build starts.
 */
const KILL_AT = /^([a-z-]+)(?:#(\d+))?$/u.exec(process.env['ARCHIVE_TEST_KILL_AT'] ?? '');
const reached = new Map<SwapStep, number>();

/**
 * Marks that the build reached `step`; kills the process there when the
 * test asked for it.
 * @example reachSwapStep('switch') // with ARCHIVE_TEST_KILL_AT=switch, the build dies here
 */
export function reachSwapStep(step: SwapStep): void {
  if (!KILL_AT || KILL_AT[1] !== step) return;
  const count = (reached.get(step) ?? 0) + 1;
  reached.set(step, count);
  if (count === Number(KILL_AT[2] ?? 1)) process.kill(process.pid, 'SIGKILL');
}
