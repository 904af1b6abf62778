import { AppError } from '../../core/AppError.js';

/** The report's input cannot be drawn (a malformed day, a non-finite equity value). */
export class ReportDataInvalidError extends AppError {
  constructor(message: string) {
    super('REPORT_DATA_INVALID', message);
  }
}

/** The uPlot asset files are missing or could break out of the element they are inlined into. */
export class ReportAssetError extends AppError {
  constructor(message: string) {
    super('REPORT_ASSET_INVALID', message);
  }
}
