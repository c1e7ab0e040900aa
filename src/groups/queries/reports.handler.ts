import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { PageDto } from '../../aspirations/queries/list-threads.query-dto';
import { Actor } from '../../platform/domain/decider';
import { ReadModels } from '../../platform/read-models/read-models';
import { isInsider } from '../group-access';
import { groupErrors } from '../domain/group.errors';
import { reportErrors } from '../reports/domain/monitoring-report.errors';
import { MONITORING_REPORTS, ReportDocument } from '../read-models/group.document';
import { reportView } from '../read-models/group-views';
import { groupsCollection, groupsPosition, visibleGroup } from './group-read';
import { afterPageCursor, DEFAULT_LIMIT, pageOf } from './page-cursor';

type ReportView = ReturnType<typeof reportView>;

/** A group's monitoring reports, newest first: for its members and the facilitators of its region. */
export class ListReports extends Query<{ items: ReportView[]; nextCursor: string | null; position: string }> {
  constructor(
    readonly groupId: string,
    readonly viewer: Actor,
    readonly page: PageDto,
  ) {
    super();
  }
}

/** One report with its discussion. */
export class GetReport extends Query<{ report: ReportView; position: string }> {
  constructor(
    readonly groupId: string,
    readonly reportId: string,
    readonly viewer: Actor,
    readonly minPosition: string | undefined,
  ) {
    super();
  }
}

async function requireInsider(readModels: ReadModels, groupId: string, viewer: Actor): Promise<void> {
  const { standing } = await visibleGroup(readModels, groupId, viewer);
  if (!isInsider(standing)) throw groupErrors.membersOnly('read its monitoring reports');
}

@QueryHandler(ListReports)
export class ListReportsHandler implements IQueryHandler<ListReports> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ groupId, viewer, page: query }: ListReports) {
    const position = await groupsPosition(this.readModels, query.minPosition);
    await requireInsider(this.readModels, groupId, viewer);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const collection = await groupsCollection(this.readModels, MONITORING_REPORTS);
    const found = await this.readModels.documents.find<ReportDocument>(
      collection,
      { $and: [{ groupId }, afterPageCursor('recordedAt', -1, query.cursor)] },
      { sort: { recordedAt: -1, _id: -1 }, limit: limit + 1 },
    );
    const { page, nextCursor } = pageOf(found, limit, 'recordedAt');
    return { items: page.map((report) => reportView(report, viewer.id)), nextCursor, position };
  }
}

@QueryHandler(GetReport)
export class GetReportHandler implements IQueryHandler<GetReport> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ groupId, reportId, viewer, minPosition }: GetReport) {
    const position = await groupsPosition(this.readModels, minPosition);
    await requireInsider(this.readModels, groupId, viewer);
    const collection = await groupsCollection(this.readModels, MONITORING_REPORTS);
    const report = await this.readModels.documents.findOne<ReportDocument>(collection, {
      _id: reportId,
      groupId,
    });
    if (!report) throw reportErrors.reportNotFound();
    return { report: reportView(report, viewer.id, true), position };
  }
}
