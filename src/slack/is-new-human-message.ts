/**
 * Message subtypes that are still a person writing a new message (with a file; a thread reply also
 * sent to the channel). Everything else (message_changed, message_deleted, bot_message,
 * channel_join…) is not a question.
 */
const HUMAN_SUBTYPES: ReadonlySet<string> = new Set(['file_share', 'thread_broadcast']);

export function isNewHumanMessage(subtype: string | undefined): boolean {
  return subtype === undefined || HUMAN_SUBTYPES.has(subtype);
}
