import { AppError } from '../AppError.js';

// Kept for existing imports: the base class lives in core/AppError.ts, shared by every layer.
export { AppError };

/** Error codes of the data layer. */
export const DataErrorCode = {
  FILE_UNREADABLE: 'FILE_UNREADABLE',
  UNSUPPORTED_FORMAT: 'UNSUPPORTED_FORMAT',
  EMPTY_FILE: 'EMPTY_FILE',
  NO_HEADER: 'NO_HEADER',
  NO_ROWS: 'NO_ROWS',
  WRONG_DELIMITER: 'WRONG_DELIMITER',
  MISSING_COLUMN: 'MISSING_COLUMN',
  UNSUPPORTED_COLUMN_TYPE: 'UNSUPPORTED_COLUMN_TYPE',
  BAR_SIZE_UNKNOWN: 'BAR_SIZE_UNKNOWN',
  INVALID_COLUMN_MAP: 'INVALID_COLUMN_MAP',
  INVALID_FACTOR_FILE: 'INVALID_FACTOR_FILE',
  INVALID_OPTION: 'INVALID_OPTION',
  NO_SIGNAL_MATCHES: 'NO_SIGNAL_MATCHES',
  OUTPUT_IS_A_FOLDER: 'OUTPUT_IS_A_FOLDER',
} as const;
export type DataErrorCode = (typeof DataErrorCode)[keyof typeof DataErrorCode];

const quote = (text: string): string => JSON.stringify(text);
const listHeader = (header: readonly string[]): string => header.map(quote).join(', ');

/** The file cannot be opened or read. */
export class FileUnreadableError extends AppError {
  constructor(file: string, cause?: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause ?? 'unknown reason');
    super(DataErrorCode.FILE_UNREADABLE, `${file}: cannot read the file (${reason})`, { cause });
  }
}

/** The file extension names no format we read or write. */
export class UnsupportedFormatError extends AppError {
  constructor(file: string) {
    super(DataErrorCode.UNSUPPORTED_FORMAT, `${file}: expected a .csv or .parquet file, was ${quote(file)}`);
  }
}

/** The file has no bytes, or only blank lines. */
export class EmptyFileError extends AppError {
  constructor(file: string) {
    super(DataErrorCode.EMPTY_FILE, `${file}: expected a header line and bars, found an empty file`);
  }
}

/** The first line looks like data, not like column names. */
export class NoHeaderError extends AppError {
  constructor(file: string, firstLine: string) {
    super(
      DataErrorCode.NO_HEADER,
      `${file}: expected a header line of column names, found data on line 1: ${quote(firstLine.slice(0, 120))}`,
    );
  }
}

/** The file has a header (or a schema) but no data rows. */
export class NoRowsError extends AppError {
  constructor(file: string, header: readonly string[]) {
    super(
      DataErrorCode.NO_ROWS,
      `${file}: expected bars after the header, found no data rows; header found: ${listHeader(header)}`,
    );
  }
}

/** The header splits into one column although it contains another likely delimiter. */
export class WrongDelimiterError extends AppError {
  constructor(file: string, expected: string, found: string, header: string) {
    super(
      DataErrorCode.WRONG_DELIMITER,
      `${file}: expected fields separated by ${quote(expected)}, found a header of one column that contains ` +
        `${quote(found)}: ${quote(header.slice(0, 120))} (set "delimiter" in the column map if the file really uses it)`,
    );
  }
}

/** A required column is absent. */
export class MissingColumnError extends AppError {
  constructor(file: string, field: string, expected: readonly string[], header: readonly string[]) {
    super(
      DataErrorCode.MISSING_COLUMN,
      `${file}: missing required column for ${field} (expected one of ${listHeader(expected)}); ` +
        `header found: ${listHeader(header)}`,
    );
  }
}

/** A Parquet column has a type we cannot read as that field. */
export class UnsupportedColumnTypeError extends AppError {
  constructor(file: string, column: string, expected: string, found: string) {
    super(
      DataErrorCode.UNSUPPORTED_COLUMN_TYPE,
      `${file}: column ${quote(column)} must be ${expected}, was of type ${found}`,
    );
  }
}

/** Bar-end timestamps need a bar size, and none was given or could be inferred. */
export class BarSizeUnknownError extends AppError {
  constructor(file: string) {
    super(
      DataErrorCode.BAR_SIZE_UNKNOWN,
      `${file}: bar-end timestamps need a bar size; none was given ("bar" in the column map) and no ticker ` +
        `has two bars to infer it from`,
    );
  }
}

/** The column-mapping file breaks its schema; one line per problem. */
export class InvalidColumnMapError extends AppError {
  readonly problems: readonly string[];

  /** `located`: each problem already starts with the file (and its line), as `parseConfigText` writes them. */
  constructor(file: string, problems: readonly string[], located = false) {
    super(
      DataErrorCode.INVALID_COLUMN_MAP,
      located ? problems.join('\n') : problems.map((problem) => `${file}: ${problem}`).join('\n'),
    );
    this.problems = problems;
  }
}

/** A factor file row is not `yyyymmdd,price_factor,split_factor,reference_price`. */
export class InvalidFactorFileError extends AppError {
  constructor(file: string, line: number, text: string) {
    super(
      DataErrorCode.INVALID_FACTOR_FILE,
      `${file}:${line}: expected yyyymmdd,price_factor,split_factor,reference_price with positive factors, ` +
        `was ${quote(text)}`,
    );
  }
}

/** An option passed by code is out of its domain. */
export class InvalidOptionError extends AppError {
  constructor(option: string, expected: string, found: string) {
    super(DataErrorCode.INVALID_OPTION, `${option} must be ${expected}, was ${quote(found)}`);
  }
}

/**
 * Not one row of a signals file lines up with a bar (or the file has no rows): a backtest of it would trade nothing
 * and look like a result. Usually the timestamps follow another convention or zone than the bar file's.
 */
export class NoSignalMatchesError extends AppError {
  constructor(file: string, barsFile: string, rows: number, unmatched: number, invalid: number, first?: string) {
    super(
      DataErrorCode.NO_SIGNAL_MATCHES,
      rows === 0
        ? `${file}: expected signals after the header, found no rows`
        : `${file}: none of its ${rows} rows matches a bar of ${barsFile} (${unmatched} match no bar, ${invalid} ` +
            `out of range)${first ? `; first: ${first}` : ''}; signal timestamps follow the bar file's convention ` +
            '(naive times are New York bar starts unless a --map says otherwise)',
    );
  }
}

/** An output option names an existing folder where a file is to be written. */
export class OutputIsFolderError extends AppError {
  constructor(option: string, path: string) {
    super(
      DataErrorCode.OUTPUT_IS_A_FOLDER,
      `${option} ${path} is a folder: name the file to write (e.g. ${path}/out${option === '--json' ? '.json' : '.parquet'})`,
    );
  }
}
