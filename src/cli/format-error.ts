import { UserError } from '../errors.ts'

/** One readable message (plus one line per issue), never a stack trace. */
export function formatError(error: unknown): string {
  if (error instanceof UserError) {
    const issues = error.issues.map((issue) => `  ${issue.path || '(root)'}: ${issue.message}\n`)
    return `fauxrest: ${error.message}\n${issues.join('')}`
  }
  const message = error instanceof Error ? error.message : String(error)
  return `fauxrest: ${message}\n`
}
