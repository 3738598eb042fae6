import { authPaths } from './auth-paths.ts'
import { authSection } from './auth-section.ts'
import { operationsSection } from './operations-section.ts'
import { type HomepageInfo, summarizeResources } from './homepage-info.ts'
import { examplesSection, optionsList, queryTable, resourceTable } from './homepage-sections.ts'
import { markup, raw } from './html.ts'
import { LIVE_CHANGES_SCRIPT } from './live-changes.ts'
import { PAGE_STYLES } from './page-styles.ts'
import { queryRows } from './query-examples.ts'

export type { HomepageInfo, HomepageOptions } from './homepage-info.ts'

/**
 * The homepage at `GET /`: one self-contained HTML document (inline CSS, no external assets); its
 * one inline script lists the latest changes from `/_events`.
 */
export function renderHomepage(info: HomepageInfo): string {
  const resources = summarizeResources(info)
  const title = info.title ?? 'fauxrest'
  const base = info.basePath ?? ''
  // fauxrest's own query language and examples: for its resource routes, not a document's.
  const nativeSections = markup`<section aria-labelledby="examples">
<h2 id="examples">Example requests</h2>
${examplesSection(info, resources)}
</section>
<section aria-labelledby="queries">
<h2 id="queries">Query language</h2>
<p>On every list, nested ones included; <code>_embed</code>, <code>_expand</code> and <code>_select</code> also work on one item.</p>
${queryTable(queryRows(info.schema, info.examples), base)}
<p>On every route: <code>?_delay=MS</code> delays one answer, and <code>?_status=CODE</code> (or the header
<code>Prefer: code=CODE</code>) forces its status. GET answers carry an <code>ETag</code>
(<code>If-None-Match</code> gives 304), HEAD works wherever GET does, and <code>POST ${base}/_reset</code>
restores the data the server started with.</p>
</section>`
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
<section aria-labelledby="changes">
<h2 id="changes">Latest changes</h2>
<p>Live from <code>GET ${base}/_events</code>, the change feed (Server-Sent Events; <code>?resource=posts</code>,
<code>?resource=posts&amp;id=7</code> or <code>?path=/users/1/posts</code> narrow it), newest first.</p>
<ol id="live-changes" class="changes" aria-live="polite" data-base="${base}"></ol>
<p id="live-empty" class="lead">No change since this page opened: write something and it shows here.</p>
</section>
${info.operations === undefined ? nativeSections : ''}
<section aria-labelledby="sessions">
<h2 id="sessions">Sessions</h2>
<p>For parallel tests: with the header <code>Fauxrest-Session: NAME</code>, or under the path prefix
<code>${base}/_sessions/NAME/</code> (<code>${base}/_sessions/NAME/posts/1</code>), a request works on a
private copy of the data the server started with, made on first use; the shared data never sees
its changes. <a href="${base}/_sessions"><code>GET ${base}/_sessions</code></a> lists them,
<code>POST ${base}/_sessions/NAME/_reset</code> resets one and <code>DELETE ${base}/_sessions/NAME</code>
drops it.</p>
</section>
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
