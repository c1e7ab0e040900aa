import { Doc, DocumentStore } from '../../src/platform/document-store/document-store.port';
import { physicalCollection } from '../../src/platform/read-models/generations';
import { Projection } from './projection';

/** One document where the live read model and a fresh rebuild disagree. */
export interface ReadModelDifference {
  readonly collection: string;
  readonly id: string;
  /** The first differing field (dotted path), or which side lacks the document. */
  readonly field: string;
  readonly live: unknown;
  readonly rebuilt: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The dotted path of the first field (in sorted key order) where two JSON values differ; undefined when equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (isObject(a) && isObject(b) && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      const found = firstDifference(a[key], b[key], path ? `${path}.${key}` : key);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b) ? undefined : path || '(whole value)';
}

const valueAt = (doc: Doc | undefined, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (isObject(value) ? value[key] : undefined), doc);

/** Every document of the projection's collections where the live generation and the rebuilt one differ. */
export async function compareGenerations(
  projection: Projection,
  documents: DocumentStore,
  live: string,
  rebuilt: string,
): Promise<ReadModelDifference[]> {
  const differences: ReadModelDifference[] = [];
  for (const collection of Object.keys(projection.collections)) {
    const byId = async (generation: string) =>
      new Map(
        (await documents.find(physicalCollection(collection, generation))).map((doc) => [doc._id, doc]),
      );
    const [liveDocs, rebuiltDocs] = await Promise.all([byId(live), byId(rebuilt)]);
    const ids = [...new Set([...liveDocs.keys(), ...rebuiltDocs.keys()])].sort();
    for (const id of ids) {
      const [a, b] = [liveDocs.get(id), rebuiltDocs.get(id)];
      if (!a || !b) {
        differences.push({
          collection,
          id,
          field: a ? '(not rebuilt)' : '(missing live)',
          live: a,
          rebuilt: b,
        });
        continue;
      }
      const field = firstDifference(a, b);
      if (field)
        differences.push({ collection, id, field, live: valueAt(a, field), rebuilt: valueAt(b, field) });
    }
  }
  return differences;
}
