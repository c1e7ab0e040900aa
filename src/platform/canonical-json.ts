/** JSON with object keys sorted at every depth, so equal values always hash equally (RFC 8785 for our value set). */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError('Cannot hash a non-finite number');
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  // Plain loops and string building: every stored event is hashed on every read, so this is a hot path.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, as RFC 8785 asks.
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const field = record[key];
    if (field === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + canonicalJson(field);
    first = false;
  }
  return out + '}';
}
