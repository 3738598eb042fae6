import type { OperationLine } from '../openapi-import/operation-lines.ts'
import type { ResourceSummary } from './homepage-info.ts'
import { type SafeHtml, markup } from './html.ts'

/** A served document's operations, in place of fauxrest's own resource routes. */
export function operationsSection(
  operations: readonly OperationLine[],
  resources: readonly ResourceSummary[],
  base: string,
): SafeHtml {
  const rows = operations.map((op) => {
    const kind = op.method === 'GET' ? 'method' : 'method write'
    return markup`
<tr><td><code><span class="${kind}">${op.method}</span></code></td><td><code>${op.path}</code></td><td>${op.operationId}</td><td>${op.does}</td></tr>`
  })
  const data = resources
    .filter((resource) => resource.count !== undefined)
    .map((resource) => `${resource.name} ${(resource.count ?? 0).toLocaleString('en-US')}`)
    .join(', ')
  return markup`<section aria-labelledby="operations">
<h2 id="operations">Operations</h2>
<p>The OpenAPI document's operations, answered from the data in its shapes (<a href="${base}/docs">try them</a>).
Items now: ${data}.</p>
<div class="scroll">
<table>
<caption class="sr-only">The document's operations and what each does with the data</caption>
<thead><tr><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Operation</th><th scope="col">Does</th></tr></thead>
<tbody>${rows}
</tbody>
</table>
</div>
</section>`
}
