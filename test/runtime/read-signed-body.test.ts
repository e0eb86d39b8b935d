import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readSignedBody, type SignedBody } from '../../src/runtime/read-signed-body.ts';
import { nowSeconds, slackSignature } from '../slack-stand-in/slack-signing.ts';

const SECRET = 'read-signed-body-secret-0123456789';
const LIMIT = 1024;

let server: http.Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A real server that answers each request with what readSignedBody made of it. */
async function serve(): Promise<number> {
  server = http.createServer((req, res) => {
    void readSignedBody(req, { signingSecret: SECRET, limitBytes: LIMIT }).then((signed: SignedBody) => {
      res.writeHead(signed.ok ? 200 : signed.status, signed.ok ? {} : { connection: 'close' });
      res.end(signed.ok ? signed.body : signed.reason);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return (server?.address() as AddressInfo).port;
}

function send(port: number, body: string | string[], headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/slack/events', headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on('error', reject);
    // An array is sent in chunks, with no Content-Length (as a chunked upload is).
    if (Array.isArray(body)) for (const part of body) request.write(part);
    request.end(Array.isArray(body) ? undefined : body);
  });
}

function signed(body: string, options: { secret?: string; timestamp?: number; contentType?: string } = {}): Record<string, string> {
  const timestamp = options.timestamp ?? nowSeconds();
  return {
    'content-type': options.contentType ?? 'application/json',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(options.secret ?? SECRET, timestamp, body),
  };
}

describe('readSignedBody', () => {
  it('passes on the body of a request Slack signed, byte for byte (also multi-byte text)', async () => {
    const port = await serve();
    const body = JSON.stringify({ type: 'event_callback', event: { text: 'Qu’est-ce que Hyper-V ? 🚀' } });
    expect(await send(port, body, signed(body))).toEqual({ status: 200, text: body });
  });

  it('refuses (401) a signature by another secret, over another body, of another length or version, and a missing one', async () => {
    const port = await serve();
    const body = '{"type":"event_callback"}';
    const refused = async (headers: Record<string, string>): Promise<number> => (await send(port, body, headers)).status;
    expect(await refused(signed(body, { secret: 'another-secret' }))).toBe(401);
    expect(await refused(signed('{"type":"event_callback","x":1}'))).toBe(401);
    expect(await refused({ ...signed(body), 'x-slack-signature': 'v0=00' })).toBe(401);
    expect(await refused({ ...signed(body), 'x-slack-signature': signed(body)['x-slack-signature']!.replace('v0=', 'v1=') })).toBe(401);
    const { 'x-slack-signature': _signature, ...unsigned } = signed(body);
    expect(await refused(unsigned)).toBe(401);
    expect(await refused({ ...signed(body), 'x-slack-request-timestamp': 'soon' })).toBe(401);
  });

  it('refuses (413) a body over the limit, declared or sent in chunks without a length', async () => {
    const port = await serve();
    const big = 'x'.repeat(LIMIT + 1);
    expect((await send(port, big, signed(big))).status).toBe(413);
    expect((await send(port, ['x'.repeat(600), 'x'.repeat(600)], signed(big))).status).toBe(413);
  });

  it('takes Slack’s unsigned ssl_check probe as that alone: nothing riding along with it gets through', async () => {
    const port = await serve();
    const probe = new URLSearchParams({ ssl_check: '1', payload: JSON.stringify({ type: 'block_actions', user: { id: 'UEVIL' } }) }).toString();
    expect(await send(port, probe, { 'content-type': 'application/x-www-form-urlencoded' })).toEqual({ status: 200, text: 'ssl_check=1' });
  });
});
