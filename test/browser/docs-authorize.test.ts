import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMock, type Listening, type Mock } from '../../src/index.ts'
import { HAS_CHROMIUM, SCREENSHOTS, launchChromium, openContext } from './chromium.ts'

let mock: Mock
let server: Listening
let browser: Browser

beforeAll(async () => {
  if (!HAS_CHROMIUM) return
  mock = await createMock({
    schema: {
      auth: {},
      resources: {
        users: { count: 2, fields: { email: { faker: 'internet.email', unique: true } } },
        notes: { count: 4, access: 600, fields: { userId: { ref: 'users' }, text: 'lorem.word' } },
      },
    },
  })
  server = await mock.listen(0)
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await mock?.close()
})

describe.runIf(HAS_CHROMIUM)('the API reference with auth, in Chromium', () => {
  it('logs in, authorizes with the token, and calls a guarded route', async () => {
    const { context, page, errors } = await openContext(browser, server.url)
    await page.goto(`${server.url}/docs#/notes`)
    await page.locator('.swagger-ui .info .title').waitFor()
    const email = String(mock.store.get('users', '2')?.['email'])
    const accessToken = await page.evaluate(async (login) => {
      const response = await fetch('/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: login, password: login }),
      })
      return ((await response.json()) as { accessToken: string }).accessToken
    }, email)
    await page.locator('button.authorize').first().click()
    await page.locator('.auth-container input').fill(accessToken)
    await page.locator('.auth-btn-wrapper button.authorize').click()
    await page.locator('.auth-btn-wrapper button.btn-done').click()
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>
    }
    const operationId = document.paths['/notes']?.['get']?.operationId ?? ''
    const operation = page.locator(`#operations-notes-${operationId}`)
    await operation.locator('.opblock-summary').click()
    await operation.locator('.opblock-body').waitFor()
    const tryItOut = operation.getByRole('button', { name: 'Try it out' })
    if ((await tryItOut.count()) > 0) await tryItOut.click()
    await operation.getByRole('button', { name: 'Execute' }).click()
    const live = operation.locator('.live-responses-table')
    await live.locator('tbody .response-col_status').first().waitFor()
    expect(await live.locator('tbody .response-col_status').first().innerText()).toBe('200')
    const shown = JSON.parse(await live.locator('.microlight').first().innerText()) as {
      userId: number
    }[]
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.every((note) => note.userId === 2)).toBe(true)
    await operation.screenshot({ path: join(SCREENSHOTS, 'docs-authorized.png') })
    expect(errors).toEqual([])
    await context.close()
  })
})
