/**
 * Reads phase times out of an `astro build` log, so the benchmark can split
 * Astro's share of a build into content sync (our loader: read, check, parse,
 * render bodies; then the data store is written), Vite bundling and page
 * rendering without instrumenting Astro.
 */

/** Seconds of each phase; null when the log does not say. */
export interface AstroPhases {
  sync: number | null;
  bundle: number | null;
  render: number | null;
  pages: number | null;
}

/** Seconds in an Astro duration: "15.75s", "3m 23s", "812ms". */
export function parseDuration(text: string): number | null {
  const match = /^(?:(\d+)m\s*)?(?:([\d.]+)s)?(?:(\d+)ms)?$/u.exec(text.trim());
  if (!match || text.trim() === '') return null;
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0) + Number(match[3] ?? 0) / 1000;
}

/**
 * The phases of one build log.
 * @example astroPhases('[types] Generated 4.25s\n[vite] ✓ built in 3.51s\n generating static routes \n✓ Completed in 15.75s.').render // 15.75
 */
export function astroPhases(log: string): AstroPhases {
  const lines = log.split('\n');
  const after = (pattern: RegExp): string | undefined => lines.map((line) => pattern.exec(line)?.[1]).find((found) => found !== undefined);
  const generating = lines.findIndex((line) => line.includes('generating static routes'));
  const render =
    generating < 0
      ? undefined
      : lines
          .slice(generating)
          .map((line) => /^(?:\S+ )?✓ Completed in (.+?)\.?$/u.exec(line.trim())?.[1])
          .find(Boolean);
  const bundles = lines.map((line) => /\[vite\] ✓ built in (.+)$/u.exec(line)?.[1]).filter((found): found is string => found !== undefined);
  const pages = after(/\[build\] (\d+) page\(s\) built/u);
  return {
    sync: parseDuration(after(/\[types\] Generated (.+)$/u) ?? ''),
    bundle: bundles.length > 0 ? Math.round(bundles.reduce((sum, found) => sum + (parseDuration(found) ?? 0), 0) * 1000) / 1000 : null,
    render: parseDuration(render ?? ''),
    pages: pages === undefined ? null : Number(pages),
  };
}
