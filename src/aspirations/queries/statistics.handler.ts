import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ReadModels } from '../../platform/read-models/read-models';
import {
  AgencyStatisticsDocument,
  ASPIRATIONS_PROJECTION,
  CountDocument,
  STATISTICS,
} from '../read-models/thread.document';
import { histogramOf, medianOf } from '../read-models/response-histogram';
import { StatisticsDto } from './list-threads.query-dto';
import { readPosition } from './read-position';

const countsOf = (
  counts: CountDocument[],
  dimension: CountDocument['dimension'],
  keep = (_key: string) => true,
) =>
  Object.fromEntries(
    counts
      .filter((c) => c.dimension === dimension && c.count > 0 && keep(c.key))
      .map((c) => [c.key, c.count]),
  );

/** Regions one level below `region`, or provinces and regencies when none is asked for. */
const regionLevel = (region: string | undefined) => (key: string) =>
  region === undefined
    ? key.split('.').length <= 2
    : key.startsWith(`${region}.`) && key.split('.').length === region.split('.').length + 1;

export class GetStatistics extends Query<object> {
  constructor(readonly query: StatisticsDto) {
    super();
  }
}

/** Public statistics: per agency how fast and how often in time it answers first; counts by status, category, region. */
@QueryHandler(GetStatistics)
export class GetStatisticsHandler implements IQueryHandler<GetStatistics> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ query }: GetStatistics) {
    const position = await readPosition(this.readModels, query.minPosition);
    const collection = await this.readModels.collection(ASPIRATIONS_PROJECTION, STATISTICS);
    const documents = await this.readModels.documents.find<AgencyStatisticsDocument | CountDocument>(
      collection,
      {},
    );
    const agencies = documents
      .filter((d): d is AgencyStatisticsDocument => d.kind === 'agency')
      .map((d) => ({
        agencyId: d.agencyId,
        answered: d.answered,
        medianFirstResponseMinutes: medianOf(histogramOf(d)),
        answeredWithinDeadlineShare: d.answered === 0 ? null : d.answeredInTime / d.answered,
      }))
      .sort((a, b) => a.agencyId.localeCompare(b.agencyId));
    const counts = documents.filter((d): d is CountDocument => d.kind === 'count');
    return {
      agencies,
      byStatus: countsOf(counts, 'status'),
      byCategory: countsOf(counts, 'category'),
      byRegion: countsOf(counts, 'region', regionLevel(query.region)),
      position,
    };
  }
}
