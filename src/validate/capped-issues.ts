import type { Issue } from '../errors.ts'

export const MAX_DETAILS = 50

/** At most 50 issues, then one saying how many more: a body can hold any number of mistakes. */
export function cappedIssues(issues: readonly Issue[]): Issue[] {
  if (issues.length <= MAX_DETAILS) return [...issues]
  const more = issues.length - MAX_DETAILS
  return [...issues.slice(0, MAX_DETAILS), { path: '', message: `and ${more} more problems` }]
}
