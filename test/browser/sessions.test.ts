// The README's Playwright set-up, as Playwright carries it out: each worker's browser context has
// `extraHTTPHeaders: { 'Fauxrest-Session': 'worker-N' }`, its `request` resets the session before
// each test, and a front end on another origin calls the API with fetch.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMock, type Listening, type Mock } from '../../src/index.ts'
import { JSONPLACEHOLDER } from '../helpers.ts'
import { serveAppPage, type AppServer } from './app-server.ts'
import { HAS_CHROMIUM, launchChromium } from './chromium.ts'

const APP_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>app</title></head><body>
<script>
window.call = async (method, url, body) => {
  const init = { method }
  if (body !== undefined) {
    init.headers = { 'Content-Type': 'application/json' }
    init.body = JSON.stringify(body)
  }
  const response = await fetch(url, init)
  return { status: response.status, body: await response.json() }
}
</script>
</body></html>`

type Answer = { status: number; body: unknown }
type AppWindow = { call: (method: string, url: string, body?: object) => Promise<Answer> }

let mock: Mock
let api: Listening
let browser: Browser
let appServer: AppServer | undefined
let appUrl = ''

beforeAll(async () => {
  if (!HAS_CHROMIUM) return
  mock = await createMock({ schema: JSONPLACEHOLDER, db: ':memory:' })
  api = await mock.listen(0)
  appServer = await serveAppPage(APP_PAGE)
  appUrl = appServer.url
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  appServer?.close()
  await mock?.close()
})

/** What the README's fixture gives worker `index`: a context whose every request names its session. */
async function workerContext(index: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    extraHTTPHeaders: { 'Fauxrest-Session': `worker-${index}` },
  })
  await context.route('**/*', (route) => {
    const url = route.request().url()
    const allowed = url.startsWith(`${appUrl}/`) || url.startsWith(`${api.url}/`)
    return allowed ? route.continue() : route.abort()
  })
  // The README's auto fixture: the worker's session back to the start-up data before each test.
  const reset = await context.request.post(`${api.url}/_reset`)
  expect(await reset.json()).toEqual({ reset: true })
  const page = await context.newPage()
  await page.goto(`${appUrl}/`)
  return { context, page }
}

function call(page: Page, method: string, path: string, body?: object): Promise<Answer> {
  return page.evaluate(([m, url, b]) => (globalThis as unknown as AppWindow).call(m, url, b), [
    method,
    `${api.url}${path}`,
    body,
  ] as const)
}

describe.runIf(HAS_CHROMIUM)('one session per Playwright worker (extraHTTPHeaders)', () => {
  it('keeps each worker’s writes to itself, through CORS from another origin', async () => {
    const workers = await Promise.all([0, 1, 2].map((index) => workerContext(index)))
    const created = await Promise.all(
      workers.map(({ page }, index) =>
        call(page, 'POST', '/posts', { userId: 1, title: `worker ${index}`, body: '' }),
      ),
    )
    expect(created).toEqual(
      [0, 1, 2].map((index) => ({
        status: 201,
        body: { userId: 1, title: `worker ${index}`, body: '', id: 101 },
      })),
    )
    for (const [index, { page }] of workers.entries()) {
      const read = await call(page, 'GET', '/posts/101')
      expect(read.body).toMatchObject({ title: `worker ${index}` })
      expect((await call(page, 'DELETE', `/posts/${index + 1}`)).status).toBe(200)
      const list = await call(page, 'GET', '/posts?userId=1')
      expect((list.body as { id: number }[]).map((post) => post.id)).not.toContain(index + 1)
    }
    expect((await fetch(`${api.url}/posts/101`)).status).toBe(404)
    expect(mock.store.list('posts')).toHaveLength(100)
    const sessions = (await (await fetch(`${api.url}/_sessions`)).json()) as {
      sessions: { name: string; changes: number }[]
    }
    expect(sessions.sessions.map(({ name, changes }) => ({ name, changes }))).toEqual([
      // Each: its post, and the post it deleted with that post's 5 comments
      { name: 'worker-0', changes: 7 },
      { name: 'worker-1', changes: 7 },
      { name: 'worker-2', changes: 7 },
    ])
    // The next test of worker 0 starts from the start-up data again.
    await workers[0]?.context.close()
    const again = await workerContext(0)
    expect((await call(again.page, 'GET', '/posts/101')).status).toBe(404)
    await Promise.all([again, ...workers.slice(1)].map(({ context }) => context.close()))
  })
})
