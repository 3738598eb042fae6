import type { HomepageInfo, ResourceSummary } from './homepage-info.ts'
import { examplesSection, queryTable } from './homepage-sections.ts'
import { type SafeHtml, markup } from './html.ts'
import { queryRows } from './query-examples.ts'

/** fauxrest's own example requests and query language: for its resource routes, not a document's. */
export function querySections(info: HomepageInfo, resources: readonly ResourceSummary[]): SafeHtml {
  const base = info.basePath ?? ''
  return markup`<section aria-labelledby="examples">
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
}
