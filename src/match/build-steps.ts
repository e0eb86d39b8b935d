/**
 * A build that may stop between its steps: a generator that yields wherever the work can be
 * interrupted (between passages, between words…), so one code path serves a build done at once
 * (start-up, the CLI, tests) and one spread over the event loop (the bot's reloads, which must not
 * hold up acks). Nothing here knows about threads or timers: the caller decides when to pause.
 *
 *   runToEnd(PassageIndex.build(passages, terms))          // at once
 *   await runPaced(PassageIndex.build(passages, terms), pause)   // pausing when `pause` says so
 */
export type BuildSteps<T> = Generator<void, T, undefined>;

/**
 * Asked after every step: returns a promise to wait for before the next step (other work runs
 * meanwhile), or nothing to go on at once.
 */
export type Pause = () => Promise<void> | undefined;

/** Runs a build's steps without pausing. */
export function runToEnd<T>(steps: BuildSteps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs a build's steps, waiting wherever `pause` asks to. */
export async function runPaced<T>(steps: BuildSteps<T>, pause: Pause): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    const wait = pause();
    if (wait) await wait;
  }
}
