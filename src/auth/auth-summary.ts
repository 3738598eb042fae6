import type { AuthOverview } from './auth-overview.ts'

/** Lines that tell people how to log in and what each rule is: for the banner. */
export function authSummary(overview: AuthOverview): string[] {
  const lines = [
    `Auth: POST /register, POST /login with ${overview.login} and ${overview.password}; send Authorization: Bearer <accessToken>`,
  ]
  for (const rule of overview.rules) {
    const mode = rule.mode === undefined ? '' : ` (${rule.mode})`
    lines.push(`${rule.resource}: read ${rule.read}, write ${rule.write}${mode}`)
  }
  const [first] = overview.demo
  if (first !== undefined) {
    lines.push(
      `Generated users log in with their ${overview.login} as password, e.g. ${first.login} / ${first.password}`,
    )
  }
  return lines
}
