import type { ViewOutput } from '@slack/bolt';

interface Field {
  readonly block: string;
  readonly action: string;
}

/** A text input's value, trimmed; '' when empty or absent (a forged or stale view). */
export function textValue(view: ViewOutput, field: Field): string {
  const value = view.state.values[field.block]?.[field.action]?.value;
  return typeof value === 'string' ? value.trim() : '';
}

/** A menu's chosen option value; null when none was chosen. */
export function selectedValue(view: ViewOutput, field: Field): string | null {
  const value = view.state.values[field.block]?.[field.action]?.selected_option?.value;
  return typeof value === 'string' && value !== '' ? value : null;
}
