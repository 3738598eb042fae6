/** How DELETE answers: `200 {}` (JSONPlaceholder, json-server 0.17), `204` (no body), or the deleted item. */
export const DELETE_MODES = ['empty', 'no-content', 'item'] as const
export type DeleteMode = (typeof DELETE_MODES)[number]

export type Delay = { readonly min: number; readonly max: number }

/** A delay as people read it ("300 ms", "100–500 ms"); `undefined` when there is none. */
export function delaySpan(delay: Delay | undefined): string | undefined {
  if (delay === undefined || delay.max === 0) return undefined
  return delay.min === delay.max ? `${delay.min} ms` : `${delay.min}–${delay.max} ms`
}

export type AppOptions = {
  /** Every write answers 405. */
  readonly readOnly: boolean
  /** Writes are validated and answered as if applied; nothing changes. */
  readonly fakeWrites: boolean
  readonly deleteMode: DeleteMode
  /** Latency added to every answer. */
  readonly delay: Delay | undefined
  readonly cors: boolean
  /** Largest accepted request body, in bytes. */
  readonly bodyLimit: number
  /** Folder of static files served for paths no route answers. */
  readonly staticDir: string | undefined
  /** Request log; `undefined` for none. */
  readonly log: ((line: string) => void) | undefined
  /** The prefix every route of the API lives under (`--base /api`); `''` for none. */
  readonly base: string
}

export const DEFAULT_APP_OPTIONS: AppOptions = {
  readOnly: false,
  fakeWrites: false,
  deleteMode: 'empty',
  delay: undefined,
  cors: true,
  bodyLimit: 1024 * 1024,
  staticDir: undefined,
  log: undefined,
  base: '',
}
