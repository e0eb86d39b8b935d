import { escapeMrkdwn, section } from './block-kit.ts';
import { CURATE_VIEWS } from './curator-ids.ts';
import { modal, type ModalView } from './view-kit.ts';

/** A modal that only says something (the suggestion was handled meanwhile…): a Close button, nothing to submit. */
export function renderNoticeModal(title: string, text: string): ModalView {
  return modal({ callbackId: CURATE_VIEWS.notice, title, close: 'Close', blocks: [section(escapeMrkdwn(text))] });
}
