import type { ErrorCode } from '@liaison/contracts';

export type FieldError = { path: string; message: string };

/** The only error services throw; the HTTP layer maps `code` to a status in one place. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail ?? code);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'record') => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (detail = 'not allowed') => new AppError('FORBIDDEN', detail);
export const staleVersion = () =>
  new AppError('STALE_VERSION', 'the record was changed by someone else; reload it and try again');
export const fieldError = (code: ErrorCode, path: string, message: string) =>
  new AppError(code, message, [{ path, message }]);
