/** Collection and field names as SQL may name them. */
export const NAME = /^[A-Za-z0-9_]+$/;

/**
 * A field path as SQL, the same text in CREATE INDEX and in WHERE so the planner matches them. Where MongoDB would
 * look inside an array (the leaf, or any step on the way), the value is JSON text starting with '[' (or the
 * sentinel '['), so a prefilter keeps such rows for mingo instead of dropping them. Undefined: not expressible.
 */
export function fieldExpression(field: string): string | undefined {
  if (field === '_id') return 'id';
  const segments = field.split('.');
  if (!segments.every((segment) => NAME.test(segment))) return undefined;
  const leaf = `json_extract(body, '$.${field}')`;
  if (segments.length === 1) return leaf;
  const steps = segments
    .slice(0, -1)
    .map((_, i) => `json_type(body, '$.${segments.slice(0, i + 1).join('.')}') = 'array'`);
  return `CASE WHEN ${steps.join(' OR ')} THEN '[' ELSE ${leaf} END`;
}

/**
 * Values that SQLite orders apart from MongoDB: booleans (SQLite: among numbers; MongoDB: after every other type),
 * objects (SQLite: JSON text among strings; MongoDB: after strings) and arrays (MongoDB: by their smallest or largest
 * element). Null, missing, numbers and strings order alike (strings by their UTF-8 bytes, as MongoDB compares them).
 */
export const isOrderedApart = (value: unknown): boolean =>
  typeof value === 'boolean' || (typeof value === 'object' && value !== null);

/** Top-level fields of a document holding such values: the store remembers them per collection. */
export const fieldsOrderedApart = (document: Record<string, unknown>): string[] =>
  Object.keys(document).filter((field) => isOrderedApart(document[field]));

/** json_type() of those values. */
export const TYPES_ORDERED_APART = "('true', 'false', 'object', 'array')";

/**
 * An ORDER BY that walks an index in MongoDB's order, for a sort on `_id` and top-level fields only (undefined
 * otherwise); `_id` breaks ties when the sort does not name it.
 */
export function orderBy(sort: Readonly<Record<string, 1 | -1>>): string | undefined {
  const keys = Object.entries(sort);
  if (keys.length === 0 || keys.some(([field]) => field.includes('.'))) return undefined;
  const terms = keys.map(([field, direction]) => {
    const expression = fieldExpression(field);
    return expression && `${expression} ${direction === -1 ? 'DESC' : 'ASC'}`;
  });
  if (terms.some((term) => term === undefined)) return undefined;
  if (!('_id' in sort)) terms.push(`id ${keys[keys.length - 1][1] === -1 ? 'DESC' : 'ASC'}`);
  return terms.join(', ');
}
