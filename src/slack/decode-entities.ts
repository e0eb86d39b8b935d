/**
 * Undoes Slack's escaping of what a person typed: Slack sends `&`, `<` and `>` as `&amp;`, `&lt;`
 * and `&gt;` (and nothing else). Decoded exactly once, in one pass, so a person who typed `&amp;`
 * gets `&amp;` back, not `&`:
 *
 * ```ts
 * decodeEntities('AT&amp;T &lt;2011&gt;') // 'AT&T <2011>'
 * decodeEntities('&amp;lt;')              // '&lt;'
 * ```
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => ENTITIES[name] ?? '');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>' };
