import { REGIONS } from '../reference-data/reference-data.module';
import { RegionCatalogue } from '../regions/region-catalogue';
import { createGroupDecider, GroupDecider } from './domain/group.decider';
import { createGroupDraftDecider } from './drafts/domain/group-draft.decide';

export const GROUP_DECIDER = Symbol('GroupDecider');
export const GROUP_DRAFT_DECIDER = Symbol('GroupDraftDecider');

export type GroupDraftDecider = ReturnType<typeof createGroupDraftDecider>;
export type { GroupDecider };

export const groupDeciderProviders = [
  {
    provide: GROUP_DECIDER,
    inject: [REGIONS],
    useFactory: (regions: RegionCatalogue): GroupDecider => createGroupDecider({ regions }),
  },
  {
    provide: GROUP_DRAFT_DECIDER,
    inject: [REGIONS],
    useFactory: (regions: RegionCatalogue): GroupDraftDecider => createGroupDraftDecider(regions),
  },
];
