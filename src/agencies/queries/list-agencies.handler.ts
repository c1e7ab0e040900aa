import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Filter } from '../../platform/document-store/document-store.port';
import { parsePosition, positionToString } from '../../platform/event-store/stored-event';
import { ReadModels } from '../../platform/read-models/read-models';
import { AGENCIES, AGENCIES_PROJECTION, AgencyDocument } from '../read-models/agency.document';
import { ListAgenciesDto } from '../dto/agency-list.query-dto';

/** More agencies than a whole province registers; a longer list needs a region filter. */
export const MAX_AGENCIES = 1_000;

export interface AgencyListItem {
  readonly agencyId: string;
  readonly name: string;
  readonly regionCode: string;
  readonly parentAgencyId: string | null;
  readonly categories: readonly string[];
}

export class ListAgencies extends Query<{ items: AgencyListItem[]; position: string }> {
  constructor(readonly query: ListAgenciesDto) {
    super();
  }
}

/** Registered agencies by name, optionally those in a region (or under it) and serving a category. */
@QueryHandler(ListAgencies)
export class ListAgenciesHandler implements IQueryHandler<ListAgencies> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ query }: ListAgencies) {
    const minPosition = query.minPosition === undefined ? undefined : parsePosition(query.minPosition);
    const position = positionToString(await this.readModels.reached(AGENCIES_PROJECTION, minPosition));
    const filter: Filter = {};
    if (query.region !== undefined) filter.regions = query.region;
    if (query.category !== undefined) filter.categories = query.category;
    const collection = await this.readModels.collection(AGENCIES_PROJECTION, AGENCIES);
    const documents = await this.readModels.documents.find<AgencyDocument>(collection, filter, {
      sort: { name: 1, _id: 1 },
      limit: MAX_AGENCIES,
    });
    const items = documents.map(({ agencyId, name, regionCode, parentAgencyId, categories }) => ({
      agencyId,
      name,
      regionCode,
      parentAgencyId,
      categories,
    }));
    return { items, position };
  }
}
