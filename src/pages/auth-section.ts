import type { AuthOverview } from '../auth/auth-overview.ts'
import type { AuthPaths } from './auth-paths.ts'
import { shellQuote } from './homepage-sections.ts'
import { type SafeHtml, markup } from './html.ts'

function ruleTable(overview: AuthOverview): SafeHtml {
  if (overview.rules.length === 0) {
    return markup`<p>No resource is guarded: every route is open, and a <code>/640/…</code> prefix guards one request.</p>`
  }
  const rows = overview.rules.map(
    (rule) => markup`
<tr><th scope="row">/${rule.resource}</th><td>${rule.read}</td><td>${rule.write}</td><td>${rule.mode ?? '—'}</td></tr>`,
  )
  return markup`<div class="scroll">
<table>
<caption class="sr-only">Who may read and write each guarded resource</caption>
<thead><tr><th scope="col">Resource</th><th scope="col">Read</th><th scope="col">Write</th><th scope="col">Guard</th></tr></thead>
<tbody>${rows}
</tbody>
</table>
</div>`
}

function demoCard(overview: AuthOverview, baseUrl: string, login: string | undefined): SafeHtml {
  const [first] = overview.demo
  if (first === undefined || login === undefined) return markup``
  const logins = overview.demo.map(
    (user) => markup`
<dt><code>${user.login}</code></dt><dd><code>${user.password}</code></dd>`,
  )
  const body = JSON.stringify({
    [overview.login]: first.login,
    [overview.password]: first.password,
  })
  const curl = [
    `curl -X POST ${shellQuote(`${baseUrl}${login}`)} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(body)}`,
  ].join('\n')
  return markup`
<h3 id="demo-logins">Demo users</h3>
<p>Generated users log in with their ${overview.login} as password (padded with <code>0</code> to 4 characters):</p>
<dl class="options demo">${logins}
</dl>
<pre><code>${curl}</code></pre>`
}

/** The homepage's "Log in" section: the routes, the rules and the generated users' passwords. */
export function authSection(
  overview: AuthOverview,
  baseUrl: string,
  base: string,
  paths: AuthPaths,
): SafeHtml {
  const register =
    paths.register === undefined ? '' : markup`<code>POST ${base}${paths.register}</code> (or `
  const login =
    paths.login === undefined ? '' : markup` and <code>POST ${base}${paths.login}</code>`
  const close = paths.register === undefined ? '' : ')'
  return markup`<section aria-labelledby="auth">
<h2 id="auth">Log in</h2>
<p>${register}<code>POST ${base}/${overview.users}</code>${close}${login} take
<code>${overview.login}</code> and <code>${overview.password}</code>, and answer <code>{ accessToken, user }</code>.
Send <code>Authorization: Bearer &lt;accessToken&gt;</code>: a guarded route without it is a 401, one the rule
refuses a 403.</p>
${ruleTable(overview)}${demoCard(overview, baseUrl, paths.login)}
</section>`
}
