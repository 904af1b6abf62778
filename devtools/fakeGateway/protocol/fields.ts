/** One field of a wire message before it is turned into text. */
export type Field = string | number | boolean | undefined | null;

/** IB's "unset integer" sentinel (Java Integer.MAX_VALUE). */
export const UNSET_INTEGER = 2147483647;
/** IB's "unset double" sentinel (Java Double.MAX_VALUE), as Java prints it. */
export const UNSET_DOUBLE_TEXT = '1.7976931348623157E308';

/** Text of one field as TWS writes it: booleans as 1/0, unset as an empty string, numbers as shortest decimal. */
export function fieldText(value: Field): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`a wire field must be a finite number, was ${value}`);
    return String(value);
  }
  return value;
}

/** Reads an integer field the way TWS does: empty means `fallback`; the unset sentinel means undefined. */
export function intField(text: string | undefined, fallback?: number): number | undefined {
  if (text === undefined || text === '') return fallback;
  const value = Number.parseInt(text, 10);
  if (Number.isNaN(value) || value === UNSET_INTEGER) return fallback;
  return value;
}

/** Reads a decimal field: empty or the unset sentinel means undefined. */
export function numberField(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value === Number.MAX_VALUE) return undefined;
  return value;
}

/** Reads a 0/1 boolean field; anything but a non-zero integer is false. */
export function boolField(text: string | undefined): boolean {
  return intField(text, 0) !== 0;
}
