import fs from 'node:fs';
import path from 'node:path';
import type { App } from '@slack/bolt';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import * as actions from '../src/slack/listeners/actions/index.ts';
import * as assistant from '../src/slack/listeners/assistant/index.ts';
import * as commands from '../src/slack/listeners/commands/index.ts';
import * as events from '../src/slack/listeners/events/index.ts';
import * as functions from '../src/slack/listeners/functions/index.ts';
import * as messages from '../src/slack/listeners/messages/index.ts';
import * as shortcuts from '../src/slack/listeners/shortcuts/index.ts';
import * as views from '../src/slack/listeners/views/index.ts';
import type { ListenerDeps } from '../src/slack/listener-deps.ts';
import { InMemoryBotThreads } from '../src/slack/bot-threads.ts';
import { inMemoryVotes } from '../src/slack/votes.ts';
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
    shortcuts?: Array<{ name: string; type: 'message' | 'global'; callback_id: string; description: string }>;
    assistant_view?: { assistant_description: string };
  };
  functions?: Record<string, { title: string; input_parameters: Record<string, { type: string }>; output_parameters: Record<string, { type: string }> }>;
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
    org_deploy_enabled?: boolean;
  };
}

const manifest = parse(fs.readFileSync(MANIFEST, 'utf8')) as Manifest;

/**
 * What the listener modules actually register, recorded by calling their register() with a
 * stand-in that only notes names (Bolt's own App keeps its listeners private).
 */
function registrations() {
  const seen = {
    events: [] as string[],
    messages: 0,
    commands: [] as string[],
    actions: [] as Array<string | RegExp>,
    shortcuts: [] as string[],
    functions: [] as string[],
    views: [] as string[],
    assistants: 0,
  };
  const recorder = {
    event: (name: string) => void seen.events.push(name),
    message: () => void (seen.messages += 1),
    command: (name: string) => void seen.commands.push(name),
    action: (id: string | RegExp) => void seen.actions.push(id),
    shortcut: (id: string) => void seen.shortcuts.push(id),
    function: (id: string) => void seen.functions.push(id),
    view: (id: string) => void seen.views.push(id),
    assistant: () => void (seen.assistants += 1),
  };
  const deps: ListenerDeps = {
    getEngine: () => {
      throw new Error('not called');
    },
    seen: new RecentKeys(),
    logger: new TestLogger(),
    names: { userName: async () => null },
    botThreads: new InMemoryBotThreads(),
    recordVote: inMemoryVotes(),
  };
  for (const m of [events, messages, commands, actions, shortcuts, functions, assistant, views]) m.register(recorder as unknown as App, deps);
  return seen;
}

describe('manifest.yml and the listeners agree', () => {
  const declaredEvents = [...events.events, ...messages.events, ...assistant.events, ...functions.events];

  it('every bot event in the manifest has a listener, and every listener its event', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...declaredEvents].sort());
  });

  it('every slash command in the manifest has a listener, and the reverse', () => {
    expect((manifest.features.slash_commands ?? []).map((c) => c.command).sort()).toEqual([...commands.commands].sort());
  });

  it('the declared names are what register() really registers', () => {
    const r = registrations();
    expect(r.events.sort()).toEqual([...events.events].sort());
    // Bolt takes every message.<channel_type> through app.message() (each listener checks channel_type).
    expect(r.messages > 0).toBe(messages.events.length > 0);
    expect(messages.events.every((e) => e.startsWith('message.'))).toBe(true);
    expect(r.commands.sort()).toEqual([...commands.commands].sort());
    expect(r.actions).toEqual([...actions.actionIds]);
    expect(r.shortcuts.sort()).toEqual([...shortcuts.shortcuts].sort());
    expect(r.functions.sort()).toEqual([...functions.functions].sort());
    expect(r.views.sort()).toEqual([...views.viewCallbacks].sort());
    // Bolt's Assistant takes both assistant events (and message.im in its threads) through one registration.
    expect(r.assistants).toBe(assistant.events.length > 0 ? 1 : 0);
  });

  it('every message shortcut in the manifest has a listener, and the reverse', () => {
    expect((manifest.features.shortcuts ?? []).map((s) => s.callback_id).sort()).toEqual([...shortcuts.shortcuts].sort());
    expect((manifest.features.shortcuts ?? []).every((s) => s.type === 'message' && s.name.length <= 24)).toBe(true);
  });

  it('every workflow step (function) in the manifest has a listener, and the reverse, with its inputs and outputs', () => {
    expect(Object.keys(manifest.functions ?? {}).sort()).toEqual([...functions.functions].sort());
    const step = manifest.functions?.['answer_question'];
    expect(Object.keys(step?.input_parameters ?? {})).toEqual(['question']);
    expect(Object.keys(step?.output_parameters ?? {}).sort()).toEqual(['answer', 'quote', 'source', 'status']);
    // Slack lists custom steps in Workflow Builder only for org-ready apps.
    expect(manifest.settings.org_deploy_enabled).toBe(true);
  });

  it('declares the assistant panel exactly when the Assistant is registered', () => {
    expect(manifest.features.assistant_view !== undefined).toBe(registrations().assistants > 0);
    expect(manifest.oauth_config.scopes.bot.includes('assistant:write')).toBe(registrations().assistants > 0);
  });

  it('interactivity is on exactly when there are buttons or modals to handle', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(actions.actionIds.length + views.viewCallbacks.length > 0);
  });

  it('asks for exactly the scopes those listeners need', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read', // app_mention
      'assistant:write', // the assistant panel: suggested prompts, status, title
      'channels:history', // message.channels: follow-ups in threads of public channels
      'chat:write', // posting answers
      'commands', // /faq and the "Ask faqbot" message shortcut
      'groups:history', // message.groups: follow-ups in threads of private channels
      'im:history', // message.im: DMs and the assistant thread
      'usergroups:read', // usergroups.users.list: members of a user group named in FAQBOT_CURATORS
      'users:read', // users.info: names of people mentioned in an echoed question
    ]);
  });

  it("the README's scope table gives a reason for every scope the manifest asks for, and names no other", () => {
    const readme = fs.readFileSync(path.resolve('README.md'), 'utf8');
    const rows = [...readme.matchAll(/^ *\| `([a-z_.:]+)` \| (.+) \|$/gm)];
    expect(rows.map((r) => r[1]).sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
    for (const [, , reason] of rows) expect(reason?.trim().length).toBeGreaterThan(10);
    // The events line under the table: the same events as the manifest, both ways.
    const events = /^ *Events: (.+?)\. `org_deploy_enabled/ms.exec(readme)?.[1] ?? '';
    expect([...events.matchAll(/`([a-z_.]+)`/g)].map((m) => m[1]).sort()).toEqual([...manifest.settings.event_subscriptions.bot_events].sort());
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
