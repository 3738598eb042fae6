import { readFileSync } from 'node:fs'
import { OpenAPIBackend, type Operation } from 'openapi-backend'
import { parse } from 'yaml'
import { toJsonSchema } from '../../src/openapi-import/to-json-schema.ts'
import { Validator } from '@cfworker/json-schema'
import { bodyChecker } from '../../src/openapi-import/check-body.ts'

const bodyIssues = bodyChecker(Validator)

export type Violation = string

/**
 * Validates requests and answers against an OpenAPI document with openapi-backend (Ajv): request
 * parameters and bodies, JSON answer bodies and declared headers. It lets some things through (an
 * undeclared status answered through `default`, a wrong media type, bodies of `+json` media types),
 * so those are checked here too.
 */
export async function conformanceChecker(file: string) {
  const document = parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  // An extension holding a reference to a Markdown file next to the original document
  delete document['x-topics']
  const api = new OpenAPIBackend({
    definition: document as never,
    quick: true,
    strict: false,
    // Formats the documents use, checked; others (int64, iso-country-code) are annotations only
    ajvOpts: { logger: false },
    customizeAjv: (ajv) => {
      ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
      ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i)
      ajv.addFormat(
        'date-time',
        (text: string) => /^\d{4}-\d\d-\d\dT/.test(text) && !Number.isNaN(Date.parse(text)),
      )
      ajv.addFormat('int32', true)
      ajv.addFormat('int64', true)
      ajv.addFormat('iso-country-code', /^[A-Z]{2}$/)
      return ajv
    },
  })
  const warn = console.warn
  console.warn = () => undefined
  try {
    await api.init()
  } finally {
    console.warn = warn
  }
  return async (request: Request, response: Response): Promise<Violation[]> => {
    const url = new URL(request.url)
    const requestBody =
      request.method === 'GET' || request.method === 'DELETE'
        ? undefined
        : await request.clone().text()
    const headers = Object.fromEntries(request.headers)
    const shown = `${request.method} ${url.pathname}${url.search}`
    const violations: Violation[] = []
    const op = api.matchOperation({
      method: request.method,
      path: url.pathname,
      headers,
      query: url.search.slice(1),
    })
    if (op === undefined) return [`${shown}: no operation in the document`]
    const body =
      requestBody === undefined || requestBody === '' ? undefined : JSON.parse(requestBody)
    const checked = api.validateRequest(
      {
        method: request.method,
        path: url.pathname,
        headers,
        query: Object.fromEntries(url.searchParams),
        body,
      },
      op,
    )
    // Invalid bodies are sent on purpose; their answer is what is checked.
    const invalidOnPurpose = request.headers.get('x-walk-invalid') === '1'
    if (!invalidOnPurpose && !checked.valid)
      violations.push(`${shown}: request: ${JSON.stringify(checked.errors)}`)
    if (invalidOnPurpose && checked.valid)
      violations.push(`${shown}: the invalid body passed the checker`)
    violations.push(...(await checkResponse(api, op, response, shown)))
    return violations
  }
}

async function checkResponse(
  api: OpenAPIBackend,
  op: Operation,
  response: Response,
  shown: string,
): Promise<Violation[]> {
  const violations: Violation[] = []
  const status = response.status
  const declared = (op.responses as Record<string, Record<string, unknown>> | undefined)?.[
    String(status)
  ]
  if (declared === undefined) return [`${shown}: status ${status} is not declared`]
  const text = await response.clone().text()
  const content = declared['content'] as
    Record<string, { schema?: Record<string, unknown> }> | undefined
  const type = response.headers.get('content-type')?.split(';')[0]?.trim()
  if (content === undefined) {
    // fauxrest's own error body where the document declares none is allowed; a success has none
    if (status < 400 && text !== '')
      violations.push(`${shown}: ${status} declares no body but has one`)
  } else {
    if (type === undefined || content[type] === undefined) {
      violations.push(`${shown}: media type ${type} is not declared for ${status}`)
    } else if (type === 'application/json') {
      const result = api.validator.validateResponse(JSON.parse(text), op, status)
      if (!result.valid) violations.push(`${shown}: answer: ${JSON.stringify(result.errors)}`)
    } else {
      const schema = content[type]?.schema
      const issues =
        schema === undefined ? [] : bodyIssues(toJsonSchema(schema, 'response'), JSON.parse(text))
      if (issues.length > 0) violations.push(`${shown}: ${type} answer: ${JSON.stringify(issues)}`)
    }
  }
  const headerNames = Object.keys(
    (declared['headers'] as Record<string, unknown> | undefined) ?? {},
  )
  for (const name of headerNames) {
    if (!response.headers.has(name)) violations.push(`${shown}: declared header ${name} is missing`)
  }
  const headerCheck = api.validator.validateResponseHeaders(
    Object.fromEntries(response.headers),
    op,
    {
      statusCode: status,
      setMatchType: 'superset' as never,
    },
  )
  if (headerCheck !== undefined && !headerCheck.valid)
    violations.push(`${shown}: headers: ${JSON.stringify(headerCheck.errors)}`)
  return violations
}
