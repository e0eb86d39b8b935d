import type { CurationService } from '../curate/curation-service.ts';
import type { Curators } from './curators.ts';

/** What the curator's App Home, buttons and modals need (issue 10); absent when nobody curates. */
export interface CurationDeps {
  readonly service: CurationService;
  /** FAQBOT_CURATORS, checked on every action: the buttons' visibility is no protection. */
  readonly curators: Curators;
}
