import { join } from 'node:path'
import type { Browser, Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMock, type Listening, type Mock } from '../../src/index.ts'
import { JSONPLACEHOLDER, JSONPLACEHOLDER_ROWS } from '../helpers.ts'
import { HAS_CHROMIUM, SCREENSHOTS, launchChromium, openContext } from './chromium.ts'

let mock: Mock
let server: Listening
let browser: Browser

beforeAll(async () => {
  if (!HAS_CHROMIUM) return
  mock = await createMock({ schema: JSONPLACEHOLDER, db: ':memory:' })
  server = await mock.listen(0)
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await mock?.close()
})

/** Computed CSS values of the first element a locator finds. */
function cssOf(locator: Locator, properties: readonly string[]): Promise<Record<string, string>> {
  return locator.first().evaluate((element, names) => {
    const style = element.ownerDocument.defaultView.getComputedStyle(element)
    return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]))
  }, properties)
}

function onlyLocal(requested: readonly string[]): string[] {
  return requested.filter((url) => !url.startsWith(`${server.url}/`))
}

describe.runIf(HAS_CHROMIUM)('in Chromium', () => {
  it('shows the homepage: every resource with its count, examples, the query language, options', async () => {
    const { context, page, requested, errors } = await openContext(browser, server.url)
    await page.goto(`${server.url}/`)
    expect(await page.title()).toBe('fauxrest')
    expect(await page.locator('h1').innerText()).toBe('fauxrest')
    const rows = await page
      .locator('section[aria-labelledby="resources"] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('th')?.textContent ?? '',
          tr.querySelector('td.count')?.textContent ?? '',
        ]),
      )
    expect(rows).toEqual(JSONPLACEHOLDER_ROWS)
    const headings = await page.locator('h2').allInnerTexts()
    expect(headings).toEqual([
      'Resources',
      'Latest changes',
      'Example requests',
      'Query language',
      'Sessions',
      'Server options',
    ])
    const nav = await page.locator('header nav a').allInnerTexts()
    expect(nav).toEqual(['API reference', 'OpenAPI document', 'Whole database'])
    // The page is readable: body text is dark on light, at a sensible size.
    const style = await cssOf(page.locator('body'), ['color', 'background-color', 'font-size'])
    expect(style).toEqual({
      color: 'rgb(27, 31, 36)',
      'background-color': 'rgb(255, 255, 255)',
      'font-size': '16px',
    })
    // Following an example link gives the JSON it promises.
    await page.locator('a[href="/posts/1"]').first().click()
    expect(JSON.parse(await page.locator('body').innerText())).toMatchObject({ id: 1, userId: 1 })
    await page.goBack()
    await page.screenshot({ path: join(SCREENSHOTS, 'homepage-light.png'), fullPage: true })
    expect(onlyLocal(requested)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows the homepage in dark colours when the system asks for them', async () => {
    const { context, page, errors } = await openContext(browser, server.url, {
      colorScheme: 'dark',
    })
    await page.goto(`${server.url}/`)
    expect(await cssOf(page.locator('body'), ['color', 'background-color'])).toEqual({
      color: 'rgb(230, 237, 243)',
      'background-color': 'rgb(13, 17, 23)',
    })
    expect(await cssOf(page.locator('a[href="/docs"]'), ['color'])).toEqual({
      color: 'rgb(108, 182, 255)',
    })
    await page.screenshot({ path: join(SCREENSHOTS, 'homepage-dark.png') })
    expect(errors).toEqual([])
    await context.close()
  })

  it('opens the API reference from the homepage, offline, with every resource', async () => {
    const { context, page, requested, errors } = await openContext(browser, server.url)
    await page.goto(`${server.url}/`)
    await page.getByRole('link', { name: 'API reference' }).click()
    await page.waitForURL(`${server.url}/docs`)
    await expect.poll(() => page.locator('.swagger-ui .info .title').count()).toBe(1)
    expect(await page.locator('.swagger-ui .info .title').innerText()).toContain(
      'fauxrest mock API',
    )
    const tags = await page.locator('.opblock-tag-section h3 .nostyle span').allInnerTexts()
    expect(tags).toEqual(['users', 'posts', 'comments', 'albums', 'photos', 'todos', '_fauxrest'])
    const paths = await page.locator('.opblock-summary-path').allInnerTexts()
    expect(paths).toContain('/users/{userId}/posts/{postId}/comments')
    expect(paths).toContain('/posts/{id}')
    await page.screenshot({ path: join(SCREENSHOTS, 'docs.png') })
    expect(onlyLocal(requested)).toEqual([])
    expect(new Set(requested.map((url) => new URL(url).pathname))).toEqual(
      new Set([
        '/',
        // The homepage's live list of changes
        '/_events',
        '/docs',
        '/docs/assets/swagger-ui.css',
        '/docs/assets/swagger-ui-bundle.js',
        '/docs/assets/swagger-ui-standalone-preset.js',
        '/docs/assets/favicon-32x32.png',
        '/openapi.json',
      ]),
    )
    expect(errors).toEqual([])
    await context.close()
  })

  it('sends GET /posts/{id} from the API reference and shows the answer', async () => {
    const { context, page, requested, errors } = await openContext(browser, server.url)
    await page.goto(`${server.url}/docs#/posts/getPost`)
    const operation = page.locator('#operations-posts-getPost')
    await operation.locator('.opblock-body').waitFor()
    const id = operation.locator('tr[data-param-name="id"] input')
    await id.fill('3')
    await operation.getByRole('button', { name: 'Execute' }).click()
    const live = operation.locator('.live-responses-table')
    await live.locator('tbody .response-col_status').first().waitFor()
    expect(await live.locator('tbody .response-col_status').first().innerText()).toBe('200')
    const shown = JSON.parse(await live.locator('.microlight').first().innerText()) as unknown
    const expected = (await (await fetch(`${server.url}/posts/3`)).json()) as unknown
    expect(shown).toEqual(expected)
    expect(await operation.locator('.request-url pre').innerText()).toBe(`${server.url}/posts/3`)
    await operation.screenshot({ path: join(SCREENSHOTS, 'docs-execute.png') })
    expect(onlyLocal(requested)).toEqual([])
    expect(requested).toContain(`${server.url}/posts/3`)
    expect(errors).toEqual([])
    await context.close()
  })
})
