import { AppError } from '../../core/AppError.js';

/** Error codes of the migration runner. */
export const MigrationErrorCode = {
  MIGRATION_CHECKSUM_MISMATCH: 'MIGRATION_CHECKSUM_MISMATCH',
  MIGRATION_UNKNOWN: 'MIGRATION_UNKNOWN',
  MIGRATION_BAD_FILE: 'MIGRATION_BAD_FILE',
  MIGRATION_FAILED: 'MIGRATION_FAILED',
} as const;
export type MigrationErrorCode = (typeof MigrationErrorCode)[keyof typeof MigrationErrorCode];

/** An applied migration's file changed: migrations are forward-only, so write a new one instead. */
export class MigrationChecksumError extends AppError {
  readonly version: number;

  constructor(version: number, name: string, stored: string, current: string) {
    super(
      MigrationErrorCode.MIGRATION_CHECKSUM_MISMATCH,
      `migration ${version} (${name}) was edited after it was applied: stored checksum ${stored.slice(0, 12)}, ` +
        `file now ${current.slice(0, 12)}; restore the file and add the change as a new migration`,
    );
    this.version = version;
  }
}

/** The database has a migration this code does not know (it was migrated by a newer version). */
export class MigrationUnknownError extends AppError {
  constructor(version: number, name: string, target: string) {
    super(
      MigrationErrorCode.MIGRATION_UNKNOWN,
      `${target} has migration ${version} (${name}) applied, which this version of intraday does not have; upgrade`,
    );
  }
}

/** A migration file whose name or numbering is wrong. */
export class MigrationFileError extends AppError {
  constructor(file: string, expected: string) {
    super(MigrationErrorCode.MIGRATION_BAD_FILE, `migration file "${file}": expected ${expected}`);
  }
}

/** A migration's SQL failed; its transaction was rolled back, so the database is as it was before it. */
export class MigrationFailedError extends AppError {
  constructor(version: number, name: string, target: string, cause: unknown) {
    const reason = (cause as { message?: string } | null)?.message ?? String(cause);
    super(
      MigrationErrorCode.MIGRATION_FAILED,
      `migration ${version} (${name}) failed on ${target} and was rolled back: ${reason}`,
      { cause },
    );
  }
}

/** An environment variable that names the feedback database holds something it cannot be. */
export class FeedbackEnvError extends AppError {
  constructor(name: string, value: string, expected: string) {
    super('FEEDBACK_BAD_ENV', `environment variable ${name} is "${value}": expected ${expected}`);
  }
}
