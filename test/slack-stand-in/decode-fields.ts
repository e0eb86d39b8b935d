/**
 * web-api 8 posts `application/x-www-form-urlencoded` bodies with object fields (`blocks`,
 * `metadata`, `view`) JSON-encoded: the fields as the bot meant them, JSON ones decoded.
 */
export function decodeFields(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) out[key] = typeof value === 'string' && /^[[{]/.test(value) ? tryJson(value) : value;
  return out;
}

/** A form body (string) or an already parsed one, decoded as `decodeFields`. */
export function decodeForm(body: unknown): Record<string, unknown> {
  return decodeFields(typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : ((body ?? {}) as Record<string, unknown>));
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
