import { AppError, type Issue } from '../errors.ts'

const MAX_SHOWN = 80

/** A user-supplied text for an error message: quoted, escaped and cut short. */
export function quote(text: string): string {
  return JSON.stringify(text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text)
}

/** The one error for a bad query: every problem found, each naming its parameter. */
export function queryError(issues: readonly Issue[]): AppError {
  const [first] = issues
  const message =
    first !== undefined && issues.length === 1
      ? `Invalid query parameter ${quote(first.path)}: ${first.message}.`
      : `Invalid query parameters: ${issues.map((issue) => `${quote(issue.path)}: ${issue.message}`).join('; ')}.`
  return new AppError('invalid_query', message, { details: issues })
}
