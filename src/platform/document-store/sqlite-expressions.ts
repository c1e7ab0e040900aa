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
