import { delaySpan } from '../app-options.ts'
import { authOverview } from '../auth/auth-overview.ts'
import { authSummary } from '../auth/auth-summary.ts'
import type { JsonObject } from '../json.ts'
import type { Mock } from '../mock.ts'
import type { OpenApiBinding } from '../openapi-import/binding.ts'
import { operationLines } from '../openapi-import/operation-lines.ts'
import { createPaint, renderTable } from './render-table.ts'
import { resourceRoutes } from './resource-routes.ts'
import { placeOwnRoutes, RULES_PATH } from '../routes/own-routes.ts'
import { atBase } from '../routes/base-path.ts'
import { routeTable } from '../routes/route-table.ts'
import type { Schema } from '../schema/types.ts'

export type BannerInfo = {
  readonly version: string
  readonly file: string
  readonly db: string
  readonly url: string
  readonly color: boolean
  /** Where `s` + Enter saves a snapshot of the database; `undefined` when it cannot be typed. */
  readonly snapshots?: string | undefined
  /** A routes file's rules (`--routes`), listed as json-server lists them. */
  readonly rules?: JsonObject | undefined
}

/** What `fauxrest serve` prints on start: the URL, then every resource with its count and routes. */
export function renderBanner(mock: Mock, info: BannerInfo): string {
  const paint = createPaint(info.color)
  const { base } = mock.options
  const rows = mock.openapi === undefined ? resourceRows(mock) : operationRows(mock, mock.openapi)
  const delay = delaySpan(mock.options.delay)
  const modes = [
    mock.options.readOnly && 'read-only',
    mock.options.fakeWrites && 'fake writes',
    delay !== undefined && `delay ${delay}`,
    !mock.options.cors && 'CORS off',
  ].filter((mode) => typeof mode === 'string')
  return [
    `${paint('bold', 'fauxrest')} ${info.version}  serving ${info.file}  (database: ${info.db})`,
    '',
    `  ${paint('cyan', paint('bold', `${info.url}${base}`))}`,
    '',
    renderTable(rows, paint),
    '',
    ...(mock.openapi === undefined ? [] : [`  Items: ${itemCounts(mock)}`]),
    ...ruleLines(info.rules, atBase(base, RULES_PATH)),
    `  ${ownRoutes(mock.schema, mock.options.base, mock.homePath)}`,
    ...authLines(mock),
    ...(modes.length > 0 ? [`  Modes: ${modes.join(', ')}`] : []),
    ...(info.snapshots === undefined
      ? []
      : [
          paint('dim', `  Type s + Enter to save a snapshot of the database in ${info.snapshots}.`),
        ]),
    paint('dim', '  Press Ctrl+C to stop.'),
    '',
  ].join('\n')
}

function resourceRows(mock: Mock): string[][] {
  const rows: string[][] = [['resource', 'items', 'routes']]
  for (const resource of mock.schema.resources.values()) {
    const count = resource.singular ? '-' : String(mock.store.list(resource.name).length)
    const routes = resourceRoutes(resource, mock.schema).map((path) => atBase(apiBase(mock), path))
    rows.push([resource.name, count, routes.join('  ')])
  }
  return rows
}

// A served document: its operations, with the items each works on.
function operationRows(mock: Mock, binding: OpenApiBinding): string[][] {
  const rows: string[][] = [['method', 'path', 'operation', 'does']]
  for (const op of operationLines(binding)) {
    rows.push([op.method, atBase(apiBase(mock), op.path), op.operationId, op.does])
  }
  return rows
}

function itemCounts(mock: Mock): string {
  return [...mock.schema.resources.values()]
    .filter((resource) => !resource.singular)
    .map((resource) => `${resource.name} ${mock.store.list(resource.name).length}`)
    .join(', ')
}

function apiBase(mock: Mock): string {
  return mock.options.base
}

// `Home /  ·  Docs /docs  ·  ...  ·  Reset POST /_reset`: the own routes people visit.
function ownRoutes(schema: Schema, base: string, homePath: string): string {
  return placeOwnRoutes(routeTable(schema).own, base, homePath)
    .flatMap((route) => {
      if (route.label === undefined) return []
      const methods = route.methods.filter((method) => method !== 'get')
      const verb = methods.map((method) => `${method.toUpperCase()} `).join('')
      return [`${route.label} ${verb}${route.path}`]
    })
    .join('  ·  ')
}

function ruleLines(rules: JsonObject | undefined, rulesPath: string): string[] {
  if (rules === undefined || Object.keys(rules).length === 0) return []
  const lines = Object.entries(rules).map(([from, to]) => `  ${from} -> ${String(to)}`)
  return [`  Other routes (GET ${rulesPath})`, ...lines, '']
}

function authLines(mock: Mock): string[] {
  const { auth } = mock
  if (auth === undefined) return []
  const known = mock.schema.auth !== undefined
  return authSummary(authOverview(auth, mock.store.list(auth.users), known, 1)).map(
    (line) => `  ${line}`,
  )
}
