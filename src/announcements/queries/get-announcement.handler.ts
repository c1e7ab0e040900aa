import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Actor } from '../../platform/domain/decider';
import { ReadModels } from '../../platform/read-models/read-models';
import { announcementErrors } from '../domain/announcement.errors';
import {
  ANNOUNCEMENT_ACKS,
  acknowledgementId,
  AnnouncementDocument,
  ANNOUNCEMENTS,
} from '../read-models/announcement.document';
import { announcementDetail } from '../read-models/announcement-views';
import {
  announcementsCollection,
  announcementsPosition,
  memberGroups,
  seesDocument,
} from './announcement-read';

export type AnnouncementDetail = ReturnType<typeof announcementDetail> & { readonly position: string };

/** One announcement with its versions, questions and answers, and whether the viewer acknowledged it. */
export class GetAnnouncement extends Query<AnnouncementDetail> {
  constructor(
    readonly id: string,
    readonly viewer: Actor | undefined,
    readonly minPosition: string | undefined,
  ) {
    super();
  }
}

@QueryHandler(GetAnnouncement)
export class GetAnnouncementHandler implements IQueryHandler<GetAnnouncement> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ id, viewer, minPosition }: GetAnnouncement): Promise<AnnouncementDetail> {
    const position = await announcementsPosition(this.readModels, minPosition);
    const collection = await announcementsCollection(this.readModels, ANNOUNCEMENTS);
    const doc = await this.readModels.documents.findOne<AnnouncementDocument>(collection, { _id: id });
    const groups = new Set((await memberGroups(this.readModels, viewer)).map((g) => g.groupId));
    if (!doc || !seesDocument(viewer, doc, groups)) throw announcementErrors.notFound();
    const acks = await announcementsCollection(this.readModels, ANNOUNCEMENT_ACKS);
    const own =
      viewer && (await this.readModels.documents.findOne(acks, { _id: acknowledgementId(id, viewer.id) }));
    return { ...announcementDetail(doc, viewer, Boolean(own)), position };
  }
}
