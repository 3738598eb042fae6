import type { Browser, Page, Route } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMock, type Listening, type Mock } from '../../src/index.ts'
import { JSONPLACEHOLDER } from '../helpers.ts'
import { serveAppPage, type AppServer } from './app-server.ts'
import { HAS_CHROMIUM, SCREENSHOTS, launchChromium, openContext } from './chromium.ts'
import { join } from 'node:path'

// A front end served by its own server, another origin than the API, as in development: CORS must
// let it in. (A real loopback server: Chromium keeps pages of other address spaces from loopback.)
const APP_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>feed</title></head><body>
<script>
window.heard = []
window.listen = (api) => {
  const source = new EventSource(api + '/_events?resource=posts')
  window.source = source
  for (const name of ['created', 'updated', 'deleted', 'reset']) {
    source.addEventListener(name, (event) => {
      window.heard.push({ event: name, id: event.lastEventId, data: JSON.parse(event.data) })
    })
  }
  return new Promise((resolve) => source.addEventListener('open', () => resolve(true)))
}
window.call = async (method, url, body) => {
  const init = { method }
  if (body !== undefined) {
    init.headers = { 'Content-Type': 'application/json' }
    init.body = JSON.stringify(body)
  }
  const response = await fetch(url, init)
  return response.status
}
</script>
</body></html>`

type Heard = { event: string; id: string; data: unknown }

/** The page's globals, as its script defines them. */
type AppWindow = {
  heard: Heard[]
  listen: (api: string) => Promise<boolean>
  call: (method: string, url: string, body?: object) => Promise<number>
  document: { getElementById: (id: string) => { hidden: boolean } | null }
}

let mock: Mock
let server: Listening
let browser: Browser
let appServer: AppServer | undefined
let appUrl = ''

beforeAll(async () => {
  if (!HAS_CHROMIUM) return
  mock = await createMock({ schema: JSONPLACEHOLDER, db: ':memory:', feed: { retryMs: 50 } })
  server = await mock.listen(0)
  appServer = await serveAppPage(APP_PAGE)
  appUrl = appServer.url
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  appServer?.close()
  await mock?.close()
})

/** A page on the app's origin; requests may go to it and to the API, nothing else. */
async function appPage(
  onEvents?: (route: Route) => Promise<void>,
): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext()
  const errors: string[] = []
  await context.route('**/*', async (route) => {
    const url = route.request().url()
    if (url.startsWith(`${appUrl}/`)) return route.continue()
    if (onEvents !== undefined && url.startsWith(`${server.url}/_events`)) return onEvents(route)
    return url.startsWith(`${server.url}/`) ? route.continue() : route.abort()
  })
  const page = await context.newPage()
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${appUrl}/`)
  return { page, errors, close: () => context.close() }
}

async function heardAtLeast(page: Page, count: number): Promise<Heard[]> {
  await page.waitForFunction((n) => (globalThis as unknown as AppWindow).heard.length >= n, count)
  return page.evaluate(() => (globalThis as unknown as AppWindow).heard)
}

describe.runIf(HAS_CHROMIUM)('the change feed in Chromium', () => {
  it('an EventSource on another origin sees a POST, a PATCH and a DELETE made with fetch', async () => {
    await mock.reset()
    const { page, errors, close } = await appPage()
    expect(
      await page.evaluate((api) => (globalThis as unknown as AppWindow).listen(api), server.url),
    ).toBe(true)
    const call = (method: string, path: string, body?: object) =>
      page.evaluate(([m, url, b]) => (globalThis as unknown as AppWindow).call(m, url, b), [
        method,
        `${server.url}${path}`,
        body,
      ] as const)
    expect(await call('POST', '/posts', { userId: 1, title: 'Live', body: 'From the page' })).toBe(
      201,
    )
    expect(await call('PATCH', '/posts/101', { title: 'Edited' })).toBe(200)
    expect(await call('DELETE', '/posts/101')).toBe(200)
    const created = { userId: 1, title: 'Live', body: 'From the page', id: 101 }
    const edited = { ...created, title: 'Edited' }
    const heard = await heardAtLeast(page, 3)
    const epoch = mock.feed.epoch
    expect(heard).toEqual([
      {
        event: 'created',
        id: expect.stringMatching(`^${epoch}-\\d+$`),
        data: { resource: 'posts', id: 101, item: created },
      },
      {
        event: 'updated',
        id: expect.stringMatching(`^${epoch}-\\d+$`),
        data: { resource: 'posts', id: 101, item: edited, previous: created },
      },
      {
        event: 'deleted',
        id: expect.stringMatching(`^${epoch}-\\d+$`),
        data: { resource: 'posts', id: 101, item: null, previous: edited },
      },
    ])
    expect(errors).toEqual([])
    await close()
  })

  it('reconnects with Last-Event-ID and gets the events it missed', async () => {
    await mock.reset()
    let reconnects = 0
    let release: () => void = () => undefined
    const written = new Promise<void>((resolve) => (release = resolve))
    const { page, errors, close } = await appPage(async (route) => {
      // The reconnection waits until the writes it must catch up on are done.
      if (route.request().method() === 'GET') {
        if (reconnects++ > 0) await written
      }
      await route.continue()
    })
    await page.evaluate((api) => (globalThis as unknown as AppWindow).listen(api), server.url)
    await mock.app.request('/posts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: 2, title: 'Seen', body: 'x' }),
    })
    const [seen] = await heardAtLeast(page, 1)
    // The server drops every stream; the browser reconnects on its own.
    mock.feed.disconnectAll()
    await mock.app.request('/posts/102', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Missed' }),
    })
    await mock.app.request('/posts/102', { method: 'DELETE' })
    release()
    const heard = await heardAtLeast(page, 3)
    // The reconnection was held until the writes were done: only Last-Event-ID can bring them.
    expect(reconnects).toBe(2)
    expect(heard[1]?.id).toBe(`${mock.feed.epoch}-${Number(seen?.id.split('-')[1]) + 1}`)
    expect(
      heard.map(({ event, data }) => [
        event,
        (data as { item: { title?: string } | null }).item?.title ?? null,
      ]),
    ).toEqual([
      ['created', 'Seen'],
      ['updated', 'Missed'],
      ['deleted', null],
    ])
    expect(errors).toEqual([])
    await close()
  })

  it('lists the latest changes live on the homepage', async () => {
    await mock.reset()
    const { context, page, errors } = await openContext(browser, server.url)
    await page.goto(`${server.url}/`)
    const list = page.locator('#live-changes li')
    await expect
      .poll(() =>
        page.evaluate(
          () => (globalThis as unknown as AppWindow).document.getElementById('live-empty')?.hidden,
        ),
      )
      .toBe(false)
    const write = (method: string, path: string, body?: object) =>
      mock.app.request(path, {
        method,
        headers: { 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    // The page may still be connecting: write until the first change shows.
    await expect
      .poll(async () => {
        await write('PATCH', '/todos/1', { completed: true })
        return list.count()
      })
      .toBeGreaterThan(0)
    await write('POST', '/users/1/todos', { title: 'Shown live', completed: false })
    await write('DELETE', '/todos/201')
    await expect.poll(() => list.first().innerText()).toMatch(/deleted \/todos\/201$/)
    const texts = await list.allInnerTexts()
    expect(texts[1]).toMatch(/created \/todos\/201$/)
    expect(texts[2]).toMatch(/updated \/todos\/1$/)
    expect(await list.nth(1).locator('a').getAttribute('href')).toBe('/todos/201')
    expect(
      await page.evaluate(
        () => (globalThis as unknown as AppWindow).document.getElementById('live-empty')?.hidden,
      ),
    ).toBe(true)
    await page.screenshot({ path: join(SCREENSHOTS, 'homepage-live-changes.png') })
    expect(errors).toEqual([])
    await context.close()
  })
})
