import { createHmac, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { parse as parseQuery } from 'node:querystring';

/** What reading and verifying a request to /slack/events gave. */
export type SignedBody = { readonly ok: true; readonly body: Buffer } | { readonly ok: false; readonly status: 401 | 413; readonly reason: string };

/**
 * Reads a request's body (refusing one over `limitBytes` with 413, a declared length at once) and
 * checks Slack's signature over it: `v0=` HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing
 * secret, compared in constant time. The timestamp's freshness is checked before, by the receiver.
 *
 * Why here and not in Bolt: Bolt's check compares with `tsscmp`, which draws random bytes and
 * computes two more HMACs per request to compare two strings; on the ack path of every event
 * that was a tenth of the receiver's time. `crypto.timingSafeEqual` is the constant-time
 * comparison Node has built in. Like Bolt, an `ssl_check=1` form (Slack's TLS probe) needs no
 * signature and is passed on as that alone, so nothing can ride along with it unsigned.
 */
export async function readSignedBody(req: http.IncomingMessage, options: { readonly signingSecret: string; readonly limitBytes: number }): Promise<SignedBody> {
  const declared = Number(req.headers['content-length']);
  if (declared > options.limitBytes) return { ok: false, status: 413, reason: `the body declares ${declared} bytes, over the limit of ${options.limitBytes}` };
  const body = await readBody(req, options.limitBytes);
  if (body === null) return { ok: false, status: 413, reason: `the body is over the limit of ${options.limitBytes} bytes` };
  if (req.headers['content-type'] === 'application/x-www-form-urlencoded' && parseQuery(body.toString()).ssl_check === '1') {
    return { ok: true, body: Buffer.from('ssl_check=1') };
  }
  const timestamp = req.headers['x-slack-request-timestamp'];
  const signature = req.headers['x-slack-signature'];
  if (typeof timestamp !== 'string' || !/^\d+$/.test(timestamp)) return { ok: false, status: 401, reason: 'missing or malformed x-slack-request-timestamp' };
  if (typeof signature !== 'string' || !signature.startsWith('v0=')) return { ok: false, status: 401, reason: 'missing x-slack-signature, or not a v0 signature' };
  const expected = Buffer.from(`v0=${createHmac('sha256', options.signingSecret).update(`v0:${timestamp}:`).update(body).digest('hex')}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, status: 401, reason: 'signature mismatch' };
  return { ok: true, body };
}

/** The whole body, or null once it passes `limitBytes` (the rest is then not read). */
function readBody(req: http.IncomingMessage, limitBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) {
        req.off('data', onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
    req.once('error', reject);
    req.once('aborted', () => reject(new Error('the request was aborted')));
  });
}
