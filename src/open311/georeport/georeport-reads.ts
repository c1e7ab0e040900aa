import { Inject, Injectable } from '@nestjs/common';
import { AGENCIES, AGENCIES_PROJECTION, AgencyDocument } from '../../agencies/read-models/agency.document';
import {
  ASPIRATIONS_PROJECTION,
  THREADS,
  ThreadDocument,
} from '../../aspirations/read-models/thread.document';
import { Filter } from '../../platform/document-store/document-store.port';
import { ReadModels } from '../../platform/read-models/read-models';
import { REGIONS } from '../../reference-data/reference-data.module';
import { RegionCatalogue } from '../../regions/region-catalogue';
import { MAX_AGENCIES } from '../../agencies/queries/list-agencies.handler';
import { changesetOf } from './georeport-discovery';
import { geoReportRequest, GeoReportRequest } from './georeport-request-view';
import { MAX_REQUESTS, RequestsQuery, searchFilter } from './georeport-requests-query';

/**
 * What GeoReport may show: verified public aspirations of named submitters. Anonymous and confidential ones never
 * are, nor one not verified yet (or rejected), even to the application that filed it: which requests it could see
 * would tell it whether the e-mail it sent belongs to a registered person.
 */
const LISTED: Filter = { published: true, anonymous: false };

/** GeoReport's reads, from the same read models as the native API's: threads and agencies. */
@Injectable()
export class GeoReportReads {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(REGIONS) private readonly regions: RegionCatalogue,
  ) {}

  /** Agency id → name, for groups and agency_responsible (an unregistered agency is shown by its id). */
  async agencyNames(): Promise<Map<string, string>> {
    return new Map((await this.agencies()).map((agency) => [agency.agencyId, agency.name]));
  }

  /** The discovery changeset: the services change when an agency they name registers. */
  async changeset(): Promise<string> {
    return changesetOf((await this.agencies()).map((agency) => agency.registeredAt));
  }

  private async agencies(): Promise<AgencyDocument[]> {
    const collection = await this.readModels.collection(AGENCIES_PROJECTION, AGENCIES);
    return this.readModels.documents.find<AgencyDocument>(collection, {}, { limit: MAX_AGENCIES });
  }

  /** The requests a query names or finds, newest first. */
  async requests(query: RequestsQuery): Promise<GeoReportRequest[]> {
    const found = query.kind === 'ids' ? { _id: { $in: [...query.ids] } } : searchFilter(query);
    const collection = await this.readModels.collection(ASPIRATIONS_PROJECTION, THREADS);
    const threads = await this.readModels.documents.find<ThreadDocument>(
      collection,
      { $and: [LISTED, found] },
      { sort: { submittedAt: -1, _id: -1 }, limit: MAX_REQUESTS },
    );
    const context = { agencyNames: await this.agencyNames(), regions: this.regions };
    return threads.map((thread) => geoReportRequest(thread, context));
  }
}
