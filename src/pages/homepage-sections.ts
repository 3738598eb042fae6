import { delaySpan } from '../app-options.ts'
import { atBase } from '../routes/base-path.ts'
import { routeTable } from '../routes/route-table.ts'
import type { Schema } from '../schema/types.ts'
import { exampleFields } from './example-fields.ts'
import { type ExampleLink, exampleLink } from './example-link.ts'
import { type HomepageInfo, type ResourceSummary, createBody, segment } from './homepage-info.ts'
import { type SafeHtml, markup } from './html.ts'
import type { QueryRow } from './query-examples.ts'

function request(method: string, link: ExampleLink): SafeHtml {
  return markup`<li><code><span class="method">${method}</span> <a href="${link.href}">${link.display}</a></code></li>`
}

function methods(list: readonly string[]): SafeHtml[] {
  return list.map((method, index) => {
    const kind = method === 'GET' ? 'method' : 'method write'
    return markup`${index === 0 ? '' : ' '}<span class="${kind}">${method}</span>`
  })
}

export function resourceTable(resources: readonly ResourceSummary[], base: string): SafeHtml {
  const rows = resources.map((resource) => {
    const routes = resource.routes.map(
      (route) => markup`
<li><code>${methods(route.methods)} ${route.path}</code></li>`,
    )
    const count = resource.count === undefined ? 'singular' : resource.count.toLocaleString('en-US')
    return markup`
<tr>
<th scope="row"><a href="${atBase(base, `/${segment(resource.name)}`)}">${atBase(base, `/${resource.name}`)}</a></th>
<td class="count">${count}</td>
<td><ul class="routes">${routes}
</ul></td>
</tr>`
  })
  return markup`<div class="scroll">
<table>
<caption class="sr-only">Resources, their item counts and routes</caption>
<thead><tr><th scope="col">Resource</th><th scope="col">Items</th><th scope="col">Routes</th></tr></thead>
<tbody>${rows}
</tbody>
</table>
</div>`
}

export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}

function curlExample(info: HomepageInfo, summary: ResourceSummary): SafeHtml {
  const resource = info.schema.resources.get(summary.name)
  const method = summary.singular ? 'PUT' : 'POST'
  const body = resource === undefined ? {} : createBody(resource, summary.example)
  const url = `${info.baseUrl}/${segment(summary.name)}`
  const lines = [
    `curl -X ${method} ${shellQuote(url)} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(JSON.stringify(body, null, 2))}`,
  ]
  const path = atBase(info.basePath ?? '', `/${summary.name}`)
  return markup`<p>${method} ${path} with a JSON body:</p>
<pre><code>${lines.join('\n')}</code></pre>`
}

function requests(summary: ResourceSummary, schema: Schema, base: string): SafeHtml[] {
  const path = atBase(base, `/${segment(summary.name)}`)
  const items = [request('GET', exampleLink(path))]
  const resource = schema.resources.get(summary.name)
  if (summary.exampleId === undefined || resource === undefined) return items
  const itemPath = `${path}/${segment(summary.exampleId)}`
  items.push(request('GET', exampleLink(itemPath)))
  const fields = exampleFields(resource, summary.example)
  const filter = fields.find((field) => field.ref) ?? fields.find((field) => !field.deep)
  if (filter !== undefined) {
    items.push(request('GET', exampleLink(path, [[filter.path, String(filter.value)]])))
  }
  // The lists nested one level under this resource, self-references included.
  for (const route of routeTable(schema).resources) {
    if (route.kind !== 'list' || route.parents.length !== 1) continue
    if (route.parents[0]?.resource !== summary.name) continue
    items.push(request('GET', exampleLink(`${itemPath}/${segment(route.resource)}`)))
  }
  return items
}

export function examplesSection(
  info: HomepageInfo,
  resources: readonly ResourceSummary[],
): SafeHtml[] {
  const base = info.basePath ?? ''
  return resources.map(
    (summary) => markup`
<h3 id="${`examples-${summary.name}`}">${atBase(base, `/${summary.name}`)}</h3>
<ul class="examples">
${requests(summary, info.schema, base).map((item) => markup`${item}\n`)}</ul>
${curlExample(info, summary)}`,
  )
}

export function queryTable(rows: readonly QueryRow[], base: string): SafeHtml {
  const body = rows.map((row) => {
    const example =
      row.example === undefined
        ? markup`&mdash;`
        : markup`<a href="${base}${row.example.href}"><code>${base}${row.example.display}</code></a>`
    return markup`
<tr><td><code>${row.query}</code></td><td>${row.meaning}</td><td>${example}</td></tr>`
  })
  return markup`<div class="scroll">
<table>
<caption class="sr-only">Query parameters of list routes</caption>
<thead><tr><th scope="col">Query</th><th scope="col">Meaning</th><th scope="col">Try it</th></tr></thead>
<tbody>${body}
</tbody>
</table>
</div>`
}

function delayText(delay: HomepageInfo['options']['delay']): string {
  const span = delaySpan(delay)
  return span === undefined ? 'none' : `${span} on every answer`
}

export function optionsList(info: HomepageInfo): SafeHtml {
  const { options } = info
  const entries: [string, string][] = [
    ['Read-only', options.readOnly ? 'on: every write answers 405' : 'off'],
    [
      'Fake writes',
      options.fakeWrites ? 'on: writes are validated and answered, nothing changes' : 'off',
    ],
    ['Delay', delayText(options.delay)],
    ['CORS', options.cors ? 'on, for any origin' : 'off'],
  ]
  if (options.db !== undefined) entries.push(['Database', options.db])
  if (options.seed !== undefined) entries.push(['Seed', String(options.seed)])
  const items = entries.map(
    ([name, value]) => markup`
<dt>${name}</dt><dd>${value}</dd>`,
  )
  return markup`<dl class="options">${items}
</dl>`
}
