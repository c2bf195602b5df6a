/** What every cron sweep (src/scheduled.ts) reports besides its own counts. */
export interface SweepProgress {
  /** Statements it ran (each bounded, far below the sessions' statement_timeout). */
  batches: number;
  /** False when it stopped at its time budget (or bound) with work possibly left: the next minute's run goes on. */
  complete: boolean;
}
