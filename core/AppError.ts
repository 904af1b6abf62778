/** Base of every error the project throws on purpose: a stable SCREAMING_SNAKE `code` plus a message built from data. */
export class AppError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}
