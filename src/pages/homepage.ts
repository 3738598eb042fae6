import { authPaths } from './auth-paths.ts'
import { authSection } from './auth-section.ts'
import { changesSection } from './changes-section.ts'
import { operationsSection } from './operations-section.ts'
import { type HomepageInfo, summarizeResources } from './homepage-info.ts'
import { optionsList, resourceTable } from './homepage-sections.ts'
import { markup, raw } from './html.ts'
import { LIVE_CHANGES_SCRIPT } from './live-changes.ts'
import { PAGE_STYLES } from './page-styles.ts'
import { querySections } from './query-sections.ts'
import { sessionsSection } from './sessions-section.ts'

export type { HomepageInfo, HomepageOptions } from './homepage-info.ts'

/**
 * The homepage at `GET /`: one self-contained HTML document (inline CSS, no external assets); its
 * one inline script lists the latest changes from `/_events`.
 */
export function renderHomepage(info: HomepageInfo): string {
  const resources = summarizeResources(info)
  const title = info.title ?? 'fauxrest'
  const base = info.basePath ?? ''
  const page = markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>${title}</title>
<style>${raw(PAGE_STYLES)}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header>
<h1>${title}</h1>
<p class="lead">A mock REST API served by fauxrest ${info.version} at <code>${info.baseUrl}</code>.</p>
<nav aria-label="Documents">
<ul>
<li><a href="${base}/docs">API reference</a></li>
<li><a href="${base}/openapi.json">OpenAPI document</a></li>
<li><a href="${base}/db">Whole database</a></li>
</ul>
</nav>
</header>
<main id="main">
${
  info.operations === undefined
    ? markup`<section aria-labelledby="resources">
<h2 id="resources">Resources</h2>
${resourceTable(resources, base)}
</section>`
    : operationsSection(info.operations, resources, base)
}
${info.auth === undefined ? '' : authSection(info.auth, info.baseUrl, base, authPaths(info.schema))}
${changesSection(base)}
${info.operations === undefined ? querySections(info, resources) : ''}
${sessionsSection(base)}
<section aria-labelledby="options">
<h2 id="options">Server options</h2>
${optionsList(info)}
</section>
</main>
<footer>
<p>fauxrest ${info.version}</p>
</footer>
<script>${raw(LIVE_CHANGES_SCRIPT)}</script>
</body>
</html>
`
  return page.text
}
