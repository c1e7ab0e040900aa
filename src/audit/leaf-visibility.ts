import { Injectable } from '@nestjs/common';
import { audienceOf } from '../aspirations/aspiration-access';
import { ASPIRATIONS_PROJECTION, THREADS, ThreadDocument } from '../aspirations/read-models/thread.document';
import { Actor } from '../platform/domain/decider';
import { ReadModels } from '../platform/read-models/read-models';

const ASPIRATION = 'aspiration-';
// Agencies and checkpoints are public record; every other stream names or concerns a private person.
const PUBLIC_STREAM = /^(?:agency-|audit-checkpoints$)/;

/**
 * Whether a caller may learn that an event of this stream exists (a leaf names its stream and revision): auditors
 * and admins always; anyone else only for the public record and for aspirations they may see, by the detail's rule.
 */
@Injectable()
export class LeafVisibility {
  constructor(private readonly readModels: ReadModels) {}

  async visible(viewer: Actor | undefined, stream: string): Promise<boolean> {
    if (viewer?.role === 'auditor' || viewer?.role === 'admin') return true;
    if (PUBLIC_STREAM.test(stream)) return true;
    if (!stream.startsWith(ASPIRATION)) return false;
    const collection = await this.readModels.collection(ASPIRATIONS_PROJECTION, THREADS);
    const id = stream.slice(ASPIRATION.length);
    const thread = await this.readModels.documents.findOne<ThreadDocument>(collection, { _id: id });
    if (!thread) return false;
    return audienceOf(viewer, { ...thread, agencyId: thread.agencyId ?? undefined }) !== undefined;
  }
}
