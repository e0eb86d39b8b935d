/**
 * Polls `probe` until it returns something other than undefined/false, or fails after `timeoutMs`
 * with `what` in the message. For effects that happen after Bolt has already acknowledged a request.
 * The default is long (15 s) because it only bounds a failure: a loaded machine must not fail a
 * test whose effect is merely slow to arrive.
 */
export async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Lets pending work run for `ms`: only to show that something did NOT happen. */
export function settle(ms = 150): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
