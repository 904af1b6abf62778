import { EmptyFileError, NoHeaderError, WrongDelimiterError } from '../../core/data/errors.js';
import { parseTimestamp } from '../../core/data/parseTimestamp.js';
import { parseNumberText } from './csvFields.js';

const decoder = new TextDecoder();
const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;

/** Splits one CSV line into fields, honouring double quotes (`"a,b"`, `"say ""hi"""`). */
export function splitQuoted(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        current += char;
      }
    } else if (char === '"' && current.trim() === '') {
      quoted = true;
      current = '';
    } else if (char === delimiter) {
      fields.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  fields.push(current.trim());
  return fields;
}

/** Where the header is and what it says. */
export interface CsvHeader {
  readonly names: readonly string[];
  /** Byte offset of the first data line. */
  readonly bodyStart: number;
  /** 1-based line number of the header. */
  readonly line: number;
}

/**
 * Finds and checks the header: skips a UTF-8 byte-order mark and leading blank lines, and throws EmptyFileError,
 * WrongDelimiterError (one column that contains another delimiter) or NoHeaderError (the first line is data).
 */
export function readCsvHeader(file: string, bytes: Uint8Array, delimiter: string): CsvHeader {
  let pos = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 0;
  while (pos < bytes.length) {
    const newline = bytes.indexOf(0x0a, pos);
    const end = newline < 0 ? bytes.length : newline;
    const text = decoder.decode(bytes.subarray(pos, end)).trim();
    line += 1;
    pos = newline < 0 ? bytes.length : newline + 1;
    if (text === '') continue;
    const names = splitQuoted(text, delimiter);
    if (names.length === 1) {
      const other = CANDIDATE_DELIMITERS.find((candidate) => candidate !== delimiter && text.includes(candidate));
      if (other !== undefined) throw new WrongDelimiterError(file, delimiter, other, text);
    }
    const looksLikeData = names.some(
      (name) => name !== '' && (Number.isFinite(parseNumberText(name)) || parseTimestamp(name) !== null),
    );
    if (looksLikeData) throw new NoHeaderError(file, text);
    return { names, bodyStart: pos, line };
  }
  throw new EmptyFileError(file);
}
