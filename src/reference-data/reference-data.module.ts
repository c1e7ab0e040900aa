import { Global, Module } from '@nestjs/common';
import { createIndonesianCalendar } from '../platform/domain/working-days';
import { loadRegionCatalogue } from '../regions/region-catalogue';

export const REGIONS = Symbol('RegionCatalogue');
export const CALENDAR = Symbol('WorkingCalendar');

/** Reference data loaded once at start-up: the national list of regions and the working-day calendar. */
@Global()
@Module({
  providers: [
    { provide: REGIONS, useFactory: () => loadRegionCatalogue() },
    { provide: CALENDAR, useFactory: () => createIndonesianCalendar() },
  ],
  exports: [REGIONS, CALENDAR],
})
export class ReferenceDataModule {}
