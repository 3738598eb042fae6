import type { BodyCheck } from './check-body.ts'
import type { Node } from './document.ts'

/** What an operation does with fauxrest's state. */
export type Action =
  | 'list'
  | 'create'
  | 'read'
  | 'replace'
  | 'patch'
  | 'delete'
  /** PUT on a collection path, the item named by the body's key (Petstore's `PUT /pet`). */
  | 'replace-by-body'
  /** POST on an item path whose query parameters name fields (Petstore's `POST /pet/{petId}?status=`). */
  | 'patch-by-query'
  /** A list filtered by the query (`/pet/findByStatus`), from a resource's state. */
  | 'search'
  /**
   * A map of counts (`/store/inventory`: status -> quantity): the items of a resource counted by
   * an enum field, both named by the operation's own words.
   */
  | 'count'
  /** Generated data valid against the response schema (`/user/login`). */
  | 'answer'

/** A declared answer: its status, media type (none: no body), schema and headers. */
export type DeclaredResponse = {
  readonly status: number
  readonly mediaType: string | undefined
  readonly schema: Node | undefined
  readonly headers: readonly DeclaredHeader[]
}

export type DeclaredHeader = {
  readonly name: string
  readonly schema: Node
  readonly value: string
}

/** A list answer that wraps the items: `{ data: [...], links }`. */
export type Wrapper = { readonly itemsKey: string; readonly schema: Node }

/** A security requirement alternative: every scheme it names must be present. */
export type SecurityScheme =
  | { readonly kind: 'bearer' }
  | { readonly kind: 'basic' }
  | { readonly kind: 'apiKey'; readonly in: 'header' | 'query' | 'cookie'; readonly name: string }

export type OperationBinding = {
  readonly method: string
  /** `/pet/{petId}` as the document writes it. */
  readonly path: string
  readonly pointer: string
  readonly operationId: string
  readonly action: Action
  /** The fauxrest resource it works on (none for `answer`). */
  readonly resource: string | undefined
  /**
   * The item field the last path parameter names (`id`, or `username` for `/user/{username}`);
   * for `count`, the field counted by.
   */
  readonly key: string
  /** For `count`: the field's enum values, each counted even when no item has it. */
  readonly counted?: readonly string[]
  /** Path parameter names of the ancestors, outermost first, with the child field they fill. */
  readonly parents: readonly ParentParam[]
  readonly success: DeclaredResponse
  readonly wrapper: Wrapper | undefined
  /** The request body schema as JSON Schema 2020-12 (readOnly properties removed). */
  readonly request: RequestBinding | undefined
  /** Declared error answers by status (400, 401, 404, 409, 422…), and the `default` one. */
  readonly errors: ReadonlyMap<number | 'default', DeclaredResponse>
  /** The status a body that fails the request schema gets: 422, or 400 when only that is declared. */
  readonly invalidStatus: 400 | 422
  /** Alternatives; empty when the operation needs no credential. */
  readonly security: readonly (readonly SecurityScheme[])[]
  /** Query parameters, for `search` filters and paging. */
  readonly query: readonly string[]
  /** Path, query, header and cookie parameters with a schema, checked before the operation runs (400). */
  readonly parameters: readonly ParameterBinding[]
}

export type ParameterPlace = 'path' | 'query' | 'header' | 'cookie'

export type ParameterBinding = {
  readonly name: string
  readonly in: ParameterPlace
  readonly required: boolean
  /** JSON Schema 2020-12. */
  readonly schema: Node
  /** How a text value is read: `integer`, `number` and `boolean` are converted, `array` split. */
  readonly type: string | undefined
  readonly itemType: string | undefined
}

/** An ancestor named by a path parameter: its resource, the field the parameter matches, and the
 * child field holding its id. */
export type ParentParam = {
  readonly param: string
  readonly resource: string
  readonly key: string
  readonly field: string
}

export type RequestBinding = {
  readonly schema: Node
  /** Top-level properties the server sets (`readOnly`): left out of what is stored. */
  readonly readOnly: readonly string[]
  readonly required: boolean
  readonly mediaTypes: readonly string[]
}

/** Everything the HTTP layer needs to answer in a document's shapes. */
export type OpenApiBinding = {
  /** The user's document as written (refs kept), served at /openapi.json. */
  readonly document: Node
  /** Most specific paths first, so `/pet/findByStatus` is tried before `/pet/{petId}`. */
  readonly operations: readonly OperationBinding[]
  /** Name of the singular resource holding generated answers of `answer` operations. */
  readonly answers: string | undefined
  /** Checks request bodies against their schemas. */
  readonly checkBody: BodyCheck
}
