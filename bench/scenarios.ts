export type ScenarioName =
  | 'get-by-id'
  | 'filter-fk'
  | 'page'
  | 'nested'
  | 'full-list'
  | 'combined'
  | 'post'
  | 'patch'
  | 'anonymous'
  | 'token-open'
  | 'token-guarded'

export type Scenario = {
  readonly name: ScenarioName
  readonly method: 'GET' | 'POST' | 'PATCH'
  readonly path: string
  readonly body?: string
  readonly headers?: Readonly<Record<string, string>>
  /** A big answer, loaded with fewer connections: 50 parallel 20 MB downloads measure a queue. */
  readonly big?: true
}

/** Reads first, writes last, so every read sees the generated data. */
export const SCENARIOS: readonly Scenario[] = [
  { name: 'get-by-id', method: 'GET', path: '/posts/1' },
  { name: 'filter-fk', method: 'GET', path: '/comments?postId=7' },
  { name: 'page', method: 'GET', path: '/posts?_page=3&_limit=10' },
  { name: 'nested', method: 'GET', path: '/users/1/posts' },
  { name: 'full-list', method: 'GET', path: '/photos', big: true },
  { name: 'combined', method: 'GET', path: '/posts?userId=3&_sort=-id&_embed=comments' },
  {
    name: 'post',
    method: 'POST',
    path: '/posts',
    body: JSON.stringify({ userId: 1, title: 't', body: 'b' }),
  },
  { name: 'patch', method: 'PATCH', path: '/posts/1', body: JSON.stringify({ title: 'x' }) },
]

/** What the table calls a scenario: its method and path. */
export const label = (scenario: Scenario): string => `${scenario.method} ${scenario.path}`
