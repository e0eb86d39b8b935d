import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createJsonLogger, createRedactor } from '../src/json-logger.ts';
import { Capture } from './runtime/helpers/capture.ts';

const BOT = 'xoxb-123-456-leakybot';
const SIGNING = 'a1b2c3d4e5f6signingleak';

describe('createRedactor', () => {
  it('removes known secrets, their JSON-escaped forms and anything shaped like a Slack token', () => {
    const redact = createRedactor([SIGNING, 'quo"te\\secret']);
    expect(redact(`sig=${SIGNING} other xoxp-9-9-userleak xapp-1-A-2-appleak`)).toBe('sig=[REDACTED] other [REDACTED] [REDACTED]');
    expect(redact(JSON.stringify({ s: 'quo"te\\secret' }))).toBe('{"s":"[REDACTED]"}');
  });
});

describe('createJsonLogger', () => {
  it('writes one JSON line per entry and implements Bolt’s Logger', () => {
    const out = new Capture();
    const logger = createJsonLogger({ stream: out, now: () => new Date(0) });
    logger.info('hello', { port: 3000 });
    logger.setName('bolt');
    logger.error('boom', Object.assign(new Error('an API error occurred: not_in_channel'), { code: 'slack_webapi_platform_error', data: { error: 'not_in_channel' } }));
    expect(out.entries).toEqual([
      { time: '1970-01-01T00:00:00.000Z', level: 'info', name: 'faqbot', msg: 'hello', port: 3000 },
      {
        time: '1970-01-01T00:00:00.000Z',
        level: 'error',
        name: 'bolt',
        msg: 'boom',
        error: { name: 'Error', message: 'an API error occurred: not_in_channel', code: 'slack_webapi_platform_error', detail: 'not_in_channel', slackError: 'not_in_channel' },
      },
    ]);
  });

  it('filters by level, settable the way Bolt sets it', () => {
    const out = new Capture();
    const logger = createJsonLogger({ stream: out, level: 'warn' });
    logger.info('dropped');
    logger.warn('kept');
    logger.setLevel(LogLevel.DEBUG);
    expect(logger.getLevel()).toBe(LogLevel.DEBUG);
    logger.debug('kept too');
    expect(out.entries.map((e) => e['msg'])).toEqual(['kept', 'kept too']);
  });

  it('redacts secrets wherever they appear in a line: message, fields, nested errors', () => {
    const out = new Capture();
    const logger = createJsonLogger({ stream: out, secrets: [BOT, SIGNING] });
    logger.info(`token ${BOT}`);
    logger.log('warn', 'fields', { headers: { authorization: `Bearer ${BOT}` }, secret: SIGNING });
    logger.error(new Error(`bad signature with ${SIGNING}`));
    logger.debug('never shown, level is info', BOT);
    expect(out.text).not.toContain('leaky');
    expect(out.text).not.toContain('signingleak');
    const [message, fields, error] = out.entries;
    expect(message?.['msg']).toBe('token [REDACTED]');
    expect(fields).toMatchObject({ headers: { authorization: 'Bearer [REDACTED]' }, secret: '[REDACTED]' });
    expect(error).toMatchObject({ msg: 'bad signature with [REDACTED]', error: { message: 'bad signature with [REDACTED]' } });
    expect(out.entries).toHaveLength(3);
  });

  it('survives cycles, bigints and a stream that throws', () => {
    const cyclic: Record<string, unknown> = { n: 1n };
    cyclic['self'] = cyclic;
    const out = new Capture();
    createJsonLogger({ stream: out }).info('cyclic', cyclic);
    expect(out.entries[0]).toMatchObject({ msg: 'cyclic', n: '1', self: { n: '1', self: '[Circular]' } });
    const broken = new Capture();
    broken.write = () => {
      throw new Error('EPIPE');
    };
    expect(() => createJsonLogger({ stream: broken }).info('x')).not.toThrow();
  });
});
