import fs from 'node:fs';
import path from 'node:path';
import type { App } from '@slack/bolt';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import * as actions from '../src/slack/listeners/actions/index.ts';
import * as commands from '../src/slack/listeners/commands/index.ts';
import * as events from '../src/slack/listeners/events/index.ts';
import * as messages from '../src/slack/listeners/messages/index.ts';
import type { ListenerDeps } from '../src/slack/listener-deps.ts';
import { RecentKeys } from '../src/slack/recent-keys.ts';
import { TestLogger } from './helpers/test-logger.ts';

const MANIFEST = path.resolve('manifest.yml');
const SCHEMA = path.resolve('..', 'shared', 'slack', 'manifest.schema.1.0.0.json');

interface Manifest {
  display_information: { name: string };
  features: {
    app_home?: { home_tab_enabled?: boolean; messages_tab_enabled?: boolean; messages_tab_read_only_enabled?: boolean };
    bot_user?: { display_name: string };
    slash_commands?: Array<{ command: string; usage_hint?: string; description: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
}

const manifest = parse(fs.readFileSync(MANIFEST, 'utf8')) as Manifest;

/**
 * What the listener modules actually register, recorded by calling their register() with a
 * stand-in that only notes names (Bolt's own App keeps its listeners private).
 */
function registrations(): { events: string[]; messages: number; commands: string[]; actions: Array<string | RegExp> } {
  const seen = { events: [] as string[], messages: 0, commands: [] as string[], actions: [] as Array<string | RegExp> };
  const recorder = {
    event: (name: string) => void seen.events.push(name),
    message: () => void (seen.messages += 1),
    command: (name: string) => void seen.commands.push(name),
    action: (id: string | RegExp) => void seen.actions.push(id),
  };
  const deps: ListenerDeps = {
    getEngine: () => {
      throw new Error('not called');
    },
    seen: new RecentKeys(),
    logger: new TestLogger(),
    names: { userName: async () => null },
  };
  for (const m of [events, messages, commands, actions]) m.register(recorder as unknown as App, deps);
  return seen;
}

describe('manifest.yml and the listeners agree', () => {
  const declaredEvents = [...events.events, ...messages.events];

  it('every bot event in the manifest has a listener, and every listener its event', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...declaredEvents].sort());
  });

  it('every slash command in the manifest has a listener, and the reverse', () => {
    expect((manifest.features.slash_commands ?? []).map((c) => c.command).sort()).toEqual([...commands.commands].sort());
  });

  it('the declared names are what register() really registers', () => {
    const r = registrations();
    expect(r.events.sort()).toEqual([...events.events].sort());
    // Bolt takes every message.<channel_type> through app.message(): one registration per module.
    expect(r.messages).toBe(messages.events.length > 0 ? 1 : 0);
    expect(messages.events.every((e) => e.startsWith('message.'))).toBe(true);
    expect(r.commands.sort()).toEqual([...commands.commands].sort());
    expect(r.actions).toEqual([...actions.actionIds]);
  });

  it('interactivity is on exactly when there are buttons to handle', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(actions.actionIds.length > 0);
  });

  it('asks for exactly the scopes those listeners need', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read', // app_mention
      'chat:write', // posting answers
      'commands', // /faq
      'im:history', // message.im: DMs
      'users:read', // users.info: names of people mentioned in an echoed question
    ]);
  });

  it('has the bot user, /faq with a usage hint, App Home with the Messages tab, and Socket Mode', () => {
    expect(manifest.display_information.name).toBe('faqbot');
    expect(manifest.features.bot_user?.display_name).toBe('faqbot');
    expect(manifest.features.slash_commands?.[0]?.usage_hint).toBeTruthy();
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});

describe("manifest.yml against Slack's published v1 schema", () => {
  const present = fs.existsSync(SCHEMA);
  if (!present) {
    // Visible in the run's output, so a skipped check is never mistaken for a passed one.
    console.warn(`manifest schema check skipped: ${SCHEMA} is not present (it is in CI)`);
  }

  it.skipIf(!present)('is valid (ajv, draft-07, strict: false)', () => {
    const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>;
    // No format plugin: the only format in the schema is `uri` on `$schema`, which the manifest omits.
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.skipIf(!present)('would catch a broken manifest (the check is not vacuous)', () => {
    const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>;
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);
    const broken = structuredClone(manifest) as unknown as { features: { slash_commands: Array<Record<string, unknown>> } };
    broken.features.slash_commands[0]!.command = 'faq-without-slash';
    expect(validate(broken)).toBe(false);
  });
});
