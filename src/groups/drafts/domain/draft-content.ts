import { aspirationErrors } from '../../../aspirations/domain/aspiration.errors';
import { boundedText, TEXT_MAX } from '../../../aspirations/domain/aspiration.guards';
import { isCategory } from '../../../aspirations/domain/categories';
import { regionCovers } from '../../../platform/domain/region-codes';
import { RegionCatalogue } from '../../../regions/region-catalogue';
import { draftErrors } from './group-draft.errors';

/** What a draft says: the aspiration's own rules (and problem codes), with the region inside the group's. */
export interface DraftContent {
  title: string;
  body: string;
  category: string;
  regionCode: string;
  anonymous: boolean;
}

export function validDraftContent(
  data: { title: unknown; body: unknown; category: unknown; regionCode?: unknown; anonymous: unknown },
  groupRegion: string,
  regions: RegionCatalogue,
): DraftContent {
  const errors = aspirationErrors;
  const title = boundedText(data.title, 5, 150, () => errors.invalidLength('invalid_title', 'title', 5, 150));
  const body = boundedText(data.body, 10, TEXT_MAX, () =>
    errors.invalidLength('invalid_body', 'body', 10, TEXT_MAX),
  );
  const { category, anonymous } = data;
  if (typeof category !== 'string' || !isCategory(category)) throw errors.unknownCategory();
  const regionCode = data.regionCode ?? groupRegion;
  if (typeof regionCode !== 'string' || !regions.has(regionCode)) throw errors.unknownRegion();
  if (!regionCovers(groupRegion, regionCode)) throw draftErrors.outsideGroupRegion();
  if (typeof anonymous !== 'boolean') throw errors.invalidAnonymous();
  return { title, body, category, regionCode, anonymous };
}
