import { Decider } from '../platform/domain/decider';
import { WorkingCalendar } from '../platform/domain/working-days';
import { CALENDAR, REGIONS } from '../reference-data/reference-data.module';
import { RegionCatalogue } from '../regions/region-catalogue';
import { AspirationCommand } from './domain/aspiration.commands';
import { createAspirationDecider, defaultDeadlineRules } from './domain/aspiration.decider';
import { AspirationEvent } from './domain/aspiration.events';
import { AspirationState } from './domain/aspiration.state';

export const ASPIRATION_DECIDER = Symbol('AspirationDecider');

export type AspirationDecider = Decider<AspirationCommand, AspirationEvent, AspirationState>;

export const aspirationDeciderProvider = {
  provide: ASPIRATION_DECIDER,
  inject: [REGIONS, CALENDAR],
  useFactory: (regions: RegionCatalogue, calendar: WorkingCalendar): AspirationDecider =>
    createAspirationDecider({ regions, calendar, rules: defaultDeadlineRules }),
};
