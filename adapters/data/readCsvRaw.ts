import type { ColumnMap } from '../../config/columnMap.js';
import { QuarantineReason } from '../../core/data/Quarantine.js';
import type { RawBars, RowProblem } from '../../core/data/RawBars.js';
import { allocateRawColumns } from '../../core/data/RawBars.js';
import { resolveColumns } from '../../core/data/resolveColumns.js';
import type { TimeSlot } from './csvFields.js';
import { fieldText, parseNumberBytes, parseTimeBytes } from './csvFields.js';
import { readCsvHeader, splitQuoted } from './csvHeader.js';

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const NEWLINE = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const NUMBER_FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const;

function isBlank(bytes: Uint8Array, start: number, stop: number): boolean {
  for (let at = start; at < stop; at++) if (bytes[at]! > 0x20) return false;
  return true;
}

function countLines(bytes: Uint8Array, from: number): number {
  let count = 1;
  for (let at = bytes.indexOf(NEWLINE, from); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

/**
 * Scans CSV bytes into raw columns (this file is the hot loop of CSV loading, hence its length). One pass over the
 * bytes, no string per field on the common path: numbers and timestamps are parsed from bytes and tickers are
 * decoded only when they differ from the previous row's. Lines with double quotes take a slower exact path. Blank
 * lines are skipped (they hold no row). Rows with the wrong number of fields are recorded as problems: as
 * TRUNCATED_LINE when it is the last line, without a final newline, and short; as WRONG_FIELD_COUNT otherwise.
 */
export function readCsvRaw(file: string, input: Uint8Array, map?: ColumnMap): RawBars {
  // A plain Uint8Array (not a Buffer subclass) keeps element access monomorphic in the hot loop.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const delimiter = map?.delimiter ?? ',';
  const delimiterByte = delimiter.charCodeAt(0);
  const header = readCsvHeader(file, bytes, delimiter);
  const layout = resolveColumns(file, header.names, map);
  const fieldCount = header.names.length;
  const capacity = countLines(bytes, header.bodyStart);
  const columns = allocateRawColumns(capacity);
  const starts = new Float64Array(capacity);
  const lines = new Uint32Array(capacity);
  const problems = new Map<number, RowProblem>();
  const tickerNames: string[] = [];
  const tickerCodes = new Map<string, number>();
  const codeOf = (name: string): number => {
    let code = tickerCodes.get(name);
    if (code === undefined) {
      code = tickerNames.length;
      tickerNames.push(name);
      tickerCodes.set(name, code);
    }
    return code;
  };
  const emptyCode = codeOf('');
  const fixedCode = layout.ticker < 0 ? codeOf(layout.fixedTicker) : -1;
  const fieldStart = new Int32Array(fieldCount + 1);
  const fieldEnd = new Int32Array(fieldCount + 1);
  const slot: TimeSlot = { ms: Number.NaN, isWall: false };
  const { open: openAt, high: highAt, low: lowAt, close: closeAt, volume: volumeAt } = layout;
  let previousTickerStart = -1;
  let previousTickerEnd = -1;
  let previousCode = emptyCode;
  let synthetic = false;
  let rowBytes: Uint8Array = bytes;
  let n = 0;
  let lineNumber = header.line;

  const length = bytes.length;
  for (let pos = header.bodyStart; pos < length;) {
    const lineStart = pos;
    let blank = true;
    let hasQuote = false;
    let count = 1;
    fieldStart[0] = lineStart;
    let at = lineStart;
    for (; at < length; at++) {
      const byte = bytes[at]!;
      if (byte === NEWLINE) break;
      if (byte === delimiterByte) {
        if (count <= fieldCount) {
          fieldEnd[count - 1] = at;
          fieldStart[count] = at + 1;
        }
        count++;
      } else if (byte > 0x20) {
        blank = false;
        if (byte === QUOTE) hasQuote = true;
      }
    }
    const terminated = at < length;
    let end = at;
    pos = terminated ? at + 1 : length;
    lineNumber += 1;
    if (end > lineStart && bytes[end - 1] === CR) end -= 1;
    if (blank) continue;
    if (count <= fieldCount) fieldEnd[count - 1] = end;
    const row = n++;
    starts[row] = lineStart;
    lines[row] = lineNumber;
    rowBytes = bytes;
    if (hasQuote) {
      // Quoted line: split exactly, then lay the unquoted fields out as bytes so one parser serves both paths.
      const texts = splitQuoted(decoder.decode(bytes.subarray(lineStart, end)), delimiter);
      count = texts.length;
      rowBytes = encoder.encode(texts.join('\u0000'));
      let offset = 0;
      texts.slice(0, fieldCount).forEach((text, k) => {
        fieldStart[k] = offset;
        offset += encoder.encode(text).length;
        fieldEnd[k] = offset;
        offset += 1;
      });
      previousTickerStart = -1;
    }
    if (count !== fieldCount) {
      const truncated = !terminated && count < fieldCount;
      problems.set(row, {
        reason: truncated ? QuarantineReason.TRUNCATED_LINE : QuarantineReason.WRONG_FIELD_COUNT,
        detail: `expected ${fieldCount} fields, found ${count}${truncated ? ' on the last line, which has no line end' : ''}`,
      });
      columns.tickerCode[row] =
        fixedCode >= 0
          ? fixedCode
          : layout.ticker < count
            ? codeOf(fieldText(rowBytes, fieldStart[layout.ticker]!, fieldEnd[layout.ticker]!))
            : emptyCode;
      continue;
    }
    // Ticker: reuse the previous row's code when the bytes are equal (files are usually grouped by ticker).
    if (fixedCode >= 0) {
      columns.tickerCode[row] = fixedCode;
    } else {
      const start = fieldStart[layout.ticker]!;
      const stop = fieldEnd[layout.ticker]!;
      let same = previousTickerStart >= 0 && stop - start === previousTickerEnd - previousTickerStart;
      for (let k = 0; same && k < stop - start; k++) same = rowBytes[start + k] === bytes[previousTickerStart + k];
      if (!same) previousCode = codeOf(fieldText(rowBytes, start, stop));
      columns.tickerCode[row] = previousCode;
      if (rowBytes === bytes) {
        previousTickerStart = start;
        previousTickerEnd = stop;
      }
    }
    // Timestamp, optionally a date column plus a time-of-day column.
    if (layout.time < 0) {
      parseTimeBytes(rowBytes, fieldStart[layout.ts]!, fieldEnd[layout.ts]!, slot);
    } else {
      const joined = `${fieldText(rowBytes, fieldStart[layout.ts]!, fieldEnd[layout.ts]!)} ${fieldText(rowBytes, fieldStart[layout.time]!, fieldEnd[layout.time]!)}`;
      const joinedBytes = encoder.encode(joined);
      parseTimeBytes(joinedBytes, 0, joinedBytes.length, slot);
    }
    columns.time[row] = slot.ms;
    columns.timeIsWall[row] = slot.isWall ? 1 : 0;
    const open = parseNumberBytes(rowBytes, fieldStart[openAt]!, fieldEnd[openAt]!);
    const high = parseNumberBytes(rowBytes, fieldStart[highAt]!, fieldEnd[highAt]!);
    const low = parseNumberBytes(rowBytes, fieldStart[lowAt]!, fieldEnd[lowAt]!);
    const close = parseNumberBytes(rowBytes, fieldStart[closeAt]!, fieldEnd[closeAt]!);
    columns.open[row] = open;
    columns.high[row] = high;
    columns.low[row] = low;
    columns.close[row] = close;
    let volume = -1;
    if (volumeAt >= 0) {
      // An empty volume cell means the source has no volume for this bar: -1, unknown (see the README).
      const start = fieldStart[volumeAt]!;
      const stop = fieldEnd[volumeAt]!;
      volume = isBlank(rowBytes, start, stop) ? -1 : parseNumberBytes(rowBytes, start, stop);
      columns.volume[row] = volume;
    }
    if (layout.source >= 0 && fieldEnd[layout.source]! - fieldStart[layout.source]! >= 9) {
      synthetic ||=
        fieldText(rowBytes, fieldStart[layout.source]!, fieldEnd[layout.source]!).toLowerCase() === 'synthetic';
    }
    if (Number.isNaN(slot.ms)) {
      const text =
        layout.time < 0 ? fieldText(rowBytes, fieldStart[layout.ts]!, fieldEnd[layout.ts]!) : 'date and time';
      problems.set(row, {
        reason: QuarantineReason.BAD_TIMESTAMP,
        detail: `timestamp ${JSON.stringify(text)} is not a recognised date-time`,
      });
    } else if (Number.isNaN(open + high + low + close + volume)) {
      const bad = NUMBER_FIELDS.filter((field) => Number.isNaN(columns[field][row]!)).map(
        (field) =>
          `${field} ${JSON.stringify(fieldText(rowBytes, fieldStart[layout[field]]!, fieldEnd[layout[field]]!))}`,
      );
      problems.set(row, { reason: QuarantineReason.NOT_A_NUMBER, detail: `not a number: ${bad.join(', ')}` });
    }
  }

  const rawText = (i: number): string => {
    const start = starts[i]!;
    const newline = bytes.indexOf(NEWLINE, start);
    let stop = newline < 0 ? bytes.length : newline;
    if (stop > start && bytes[stop - 1] === CR) stop -= 1;
    return decoder.decode(bytes.subarray(start, stop));
  };
  const trim = <T extends Float64Array | Int32Array | Uint8Array>(array: T): T => array.subarray(0, n) as T;
  return {
    length: n,
    columns: header.names,
    tickerNames,
    tickerCode: trim(columns.tickerCode),
    time: trim(columns.time),
    timeIsWall: trim(columns.timeIsWall),
    open: trim(columns.open),
    high: trim(columns.high),
    low: trim(columns.low),
    close: trim(columns.close),
    volume: trim(columns.volume),
    problems,
    lineOf: (i) => lines[i]!,
    rawText,
    synthetic,
  };
}
