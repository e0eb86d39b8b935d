import { ensureFreshBuild } from '../../bin/fresh-build.js';

/**
 * vitest's globalSetup: the tests that start the bot as a child process run bin/faqbot.js, which
 * runs dist/. Building here, once and before any test, means they always run the sources under
 * test (and no two test files start a rebuild at the same time). A no-op when dist/ is fresh.
 */
export default function setup(): void {
  ensureFreshBuild({ announce: false });
}
