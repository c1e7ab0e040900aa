import { boundedText } from '../../aspirations/domain/aspiration.guards';
import { Actor } from '../../platform/domain/decider';
import { managesAnnouncement } from '../announcement-access';
import { announcementErrors as errors } from './announcement.errors';
import { AnnouncementState, PublishedAnnouncement } from './announcement.state';

// Checks run in one order everywhere: exists (404), may act (403), status (409), input (400).

export const TITLE_MIN = 5;
export const TITLE_MAX = 200;
export const BODY_MIN = 10;
export const BODY_MAX = 10000;
export const LINK_MAX = 500;
export const QUESTION_MAX = 2000;
export const MAX_GROUPS = 20;

export function existing(state: AnnouncementState): PublishedAnnouncement {
  if (state.status === 'none') throw errors.notFound();
  return state;
}

export function requireManager(state: PublishedAnnouncement, actor: Actor, action: string): void {
  if (!managesAnnouncement(actor, state)) throw errors.publisherOnly(action);
}

export function requirePublished(state: PublishedAnnouncement): void {
  if (state.status === 'withdrawn') throw errors.withdrawn();
}

export interface AnnouncementText {
  readonly title: string;
  readonly body: string;
  readonly link: string | null;
}

function validLink(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || [...value].length > LINK_MAX) throw errors.invalidLink();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw errors.invalidLink();
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw errors.invalidLink();
  return url.toString();
}

export function validText(data: { title: unknown; body: unknown; link?: unknown }): AnnouncementText {
  const title = boundedText(data.title, TITLE_MIN, TITLE_MAX, () =>
    errors.invalidLength('invalid_title', 'title', TITLE_MIN, TITLE_MAX),
  );
  const body = boundedText(data.body, BODY_MIN, BODY_MAX, () =>
    errors.invalidLength('invalid_body', 'body', BODY_MIN, BODY_MAX),
  );
  return { title, body, link: validLink(data.link) };
}

export const questionText = (value: unknown): string =>
  boundedText(value, 1, QUESTION_MAX, () => errors.invalidLength('invalid_text', 'text', 1, QUESTION_MAX));
