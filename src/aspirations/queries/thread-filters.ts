import { Actor, agencyOfOfficial } from '../../platform/domain/decider';
import { Filter } from '../../platform/document-store/document-store.port';
import { RequestValidationError } from '../../platform/http/request-validation.error';
import { normalizedWords } from '../read-models/thread.document';
import { ListThreadsDto, ThreadSort } from './list-threads.query-dto';

/**
 * Which threads a viewer may find at all (audienceOf's rule as a filter); each found thread is then redacted
 * for the viewer's audience. A facilitator bound to a region finds all of its threads, and elsewhere what the
 * public finds (plus what they submitted themselves).
 */
export function visibleTo(viewer: Actor | undefined): Filter {
  if (viewer?.role === 'auditor') return {};
  if (viewer?.role === 'facilitator' && viewer.regionCode === undefined) return {};
  const submitter = viewer?.role === 'citizen' || viewer?.role === 'facilitator';
  const own = submitter ? [{ submittedBy: viewer.id }] : [];
  const region = viewer?.role === 'facilitator' ? [regionScope(viewer)] : [];
  const agency = viewer ? agencyOfOfficial(viewer.role) : undefined;
  const inbox = agency ? [{ agencyId: agency }] : [];
  return { $or: [{ published: true }, ...own, ...region, ...inbox] };
}

/** The threads of a facilitator's region and below it (`regions` holds a thread's code and its parents). */
export const regionScope = (viewer: Actor): Filter =>
  viewer.role === 'facilitator' && viewer.regionCode !== undefined ? { regions: viewer.regionCode } : {};

export function matching(query: ListThreadsDto): Filter {
  const words = query.q ? normalizedWords(query.q) : [];
  return {
    ...(query.status && { status: query.status }),
    ...(query.category && { category: query.category }),
    ...(query.region && { regions: query.region }),
    ...(query.agencyId && { agencyId: query.agencyId }),
    ...(query.groupId && { groupId: query.groupId }),
    ...(words.length > 0 && { words: { $all: words } }),
  };
}

interface SortSpec {
  readonly field: 'submittedAt' | 'endorsements' | 'dueSort';
  readonly direction: 1 | -1;
  readonly filter?: Filter;
}

const SORTS: Record<ThreadSort, SortSpec> = {
  newest: { field: 'submittedAt', direction: -1 },
  // A queue is worked in arrival order: whoever waited longest first.
  oldest: { field: 'submittedAt', direction: 1 },
  endorsed: { field: 'endorsements', direction: -1 },
  // Most overdue first: the threads still waiting on a deadline, the oldest deadline first.
  overdue: { field: 'dueSort', direction: 1, filter: { dueAt: { $ne: null } } },
  // Every thread by its deadline, those with nothing due last (an agency's inbox).
  due: { field: 'dueSort', direction: 1 },
};

export const sortOf = (sort: ThreadSort = 'newest') => SORTS[sort];

export const sortOrder = (spec: SortSpec): Record<string, 1 | -1> => ({
  [spec.field]: spec.direction,
  _id: spec.direction,
});

/** An opaque cursor: the sort value and id of the last item of the page. */
export const encodeCursor = (value: unknown, id: string) =>
  Buffer.from(JSON.stringify([value, id])).toString('base64url');

export function afterCursor(spec: SortSpec, cursor: string | undefined): Filter {
  if (!cursor) return {};
  let value: unknown;
  let id: unknown;
  try {
    [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new RequestValidationError([{ field: 'cursor', message: 'cursor is not one this API returned' }]);
  }
  // Only plain values: a forged cursor must not smuggle query operators into the filter.
  const plain = value === null || typeof value === 'string' || typeof value === 'number';
  if (typeof id !== 'string' || !plain) {
    throw new RequestValidationError([{ field: 'cursor', message: 'cursor is not one this API returned' }]);
  }
  const beyond = spec.direction === -1 ? '$lt' : '$gt';
  return { $or: [{ [spec.field]: { [beyond]: value } }, { [spec.field]: value, _id: { [beyond]: id } }] };
}
