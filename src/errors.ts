export type Issue = { readonly path: string; readonly message: string }

export const ERROR_CODES = [
  'bad_request',
  'invalid_query',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'precondition_failed',
  'payload_too_large',
  'unsupported_media_type',
  'invalid_body',
  'unavailable',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** The one error type below the HTTP layer; http/error-response.ts maps codes to statuses. */
export class AppError extends Error {
  override readonly name = 'AppError'
  readonly code: ErrorCode
  readonly details: readonly Issue[] | undefined
  /** Headers the answer carries, such as `Allow` on a 405. */
  readonly headers: Readonly<Record<string, string>> | undefined

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      details?: readonly Issue[]
      cause?: unknown
      headers?: Readonly<Record<string, string>>
    } = {},
  ) {
    super(message, { cause: options.cause })
    this.code = code
    this.details = options.details
    this.headers = options.headers
  }
}

/** A startup problem the CLI prints as one message (plus issues) and exits non-zero. */
export class UserError extends Error {
  override readonly name = 'UserError'
  readonly issues: readonly Issue[]

  constructor(message: string, issues: readonly Issue[] = [], options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.issues = issues
  }
}
