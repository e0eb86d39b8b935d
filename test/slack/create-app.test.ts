import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/slack/create-app.ts';
import { loadEngine } from '../../src/load-engine.ts';
import { testConfig } from '../helpers/http-test-app.ts';
import { TestLogger } from '../helpers/test-logger.ts';

const engine = await loadEngine('seeds');
const base = { getEngine: () => engine, logger: new TestLogger(), botId: 'B0BOT', botUserId: 'U0BOT', retryConfig: { retries: 0 } };

describe('createApp', () => {
  it('builds an HTTP-mode app without starting it or calling Slack', () => {
    // Nothing is mocked here: any Web API call (auth.test) would fail against the bogus URL and
    // surface as a log line.
    const logger = new TestLogger();
    const app = createApp({ ...base, logger, config: testConfig({ slackApiUrl: 'http://127.0.0.1:9/api/' }) });
    expect(app).toBeDefined();
    expect(logger.find('error', /./)).toEqual([]);
  });
});
