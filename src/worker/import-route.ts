import { AppError, UserError } from '../errors.ts'
import { errorBody, toErrorResponse } from '../http/answer/error-response.ts'
import { isJsonObject, type Data } from '../json.ts'
import type { Store } from '../store/store.ts'

export const IMPORT_PATH = '/_import'

/**
 * `POST /_import` with a json-server file (what `GET /db` exports) replaces the database with it,
 * once it is committed; resources it lacks are generated. A body that is not a database for this
 * schema changes nothing: 400 for bad JSON, 422 with every problem found.
 */
export async function answerImport(request: Request, store: Store): Promise<Response> {
  try {
    let value: unknown
    try {
      value = JSON.parse(await request.text())
    } catch {
      throw new AppError('bad_request', 'The body is not valid JSON.')
    }
    if (!isJsonObject(value)) {
      throw new AppError('invalid_body', 'A database is a JSON object of resources.')
    }
    await store.replaceAll(value as Data)
    const counts: Record<string, number> = {}
    for (const [name, rows] of Object.entries(store.data())) {
      if (Array.isArray(rows)) counts[name] = rows.length
    }
    return answer(200, { imported: counts })
  } catch (error) {
    if (error instanceof UserError) return answer(422, errorBody(error.message, error.issues))
    const { status, body, headers } = toErrorResponse(error)
    return answer(status, body, headers)
  }
}

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body, null, 2), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  })
}
