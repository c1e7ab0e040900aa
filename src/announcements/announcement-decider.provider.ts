import { REGIONS } from '../reference-data/reference-data.module';
import { RegionCatalogue } from '../regions/region-catalogue';
import { AnnouncementDecider, createAnnouncementDecider } from './domain/announcement.decide';

export const ANNOUNCEMENT_DECIDER = Symbol('AnnouncementDecider');
export type { AnnouncementDecider };

export const announcementDeciderProvider = {
  provide: ANNOUNCEMENT_DECIDER,
  inject: [REGIONS],
  useFactory: (regions: RegionCatalogue): AnnouncementDecider => createAnnouncementDecider({ regions }),
};
