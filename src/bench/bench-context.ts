import { join } from 'node:path';
import type { BenchReport } from './bench-report.ts';

/** The settings of a bench run that every part reads. */
export interface BenchSettings {
  /** The project folder (its node_modules and scripts are used). */
  root: string;
  seed: number;
  /** Queries for the search bench, comma-separated. */
  queries: string;
  /** Keep each size's work folder and logs. */
  keep: boolean;
  /** Build the plain reference site too. */
  reference: boolean;
  /** Above this many stories the reference site's default Pagefind is skipped. */
  referencePagefindMax: number;
  /** Where each size's work folder goes; a fresh temporary folder when unset. */
  work: string | undefined;
  /** Build one slice at its real size (a daily's year) before the sizes. */
  paperYear: boolean;
}

/** What the real-size slice took (./bench-paper-year.ts), for the projections of the sliced bench. */
export interface PaperYearFigures {
  /** Stories of the slice's own year. */
  stories: number;
  seconds: number;
  treePeakBytes: number;
}

/** What every part of a bench run shares: its settings, the environment of its commands, and the report it fills. */
export interface BenchContext extends BenchSettings {
  /** The environment of every command: telemetry off, the pinned node first. */
  env: NodeJS.ProcessEnv;
  report: BenchReport;
  /** The real-size slice's figures, once measured: the sliced bench projects from them. */
  realSlice?: PaperYearFigures | undefined;
}

/** The environment a bench command runs in, for the project at `root`. */
export const benchEnv = (root: string): NodeJS.ProcessEnv => ({
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  PATH: `${join(root, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
});
