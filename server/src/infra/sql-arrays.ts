/**
 * A PostgreSQL text[] literal ('{"a","b",NULL}') of these values, for set-based writes:
 * `INSERT … SELECT … FROM unnest(${sqlTextArray(column)}::text[], …)` passes a whole column as one parameter
 * (a multi-row VALUES list runs into the 65,535-parameter limit and is slower to plan).
 */
export function sqlTextArray(values: readonly (string | number | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) out += ',';
    if (value === null) out += 'NULL';
    else {
      const text = String(value);
      out += /["\\]/.test(text) ? `"${text.replace(/["\\]/g, '\\$&')}"` : `"${text}"`;
    }
  }
  return `${out}}`;
}
