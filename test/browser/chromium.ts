import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

/** Debian's Chromium, installed with apt (`.ci/run` does it); no browser is downloaded. */
export const CHROMIUM = '/usr/bin/chromium'

/** In CI a missing Chromium fails the browser tests; elsewhere they are skipped. */
export const HAS_CHROMIUM = existsSync(CHROMIUM) || process.env['CI'] === 'true'

export const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url).pathname

// Headless, and nothing that would reach the internet (updates, sync, field trials).
const ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Launches Chromium with a fresh temporary profile (Playwright makes one per launch). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium`)
  }
  await mkdir(SCREENSHOTS, { recursive: true })
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 15_000 })
}

export type Visit = {
  readonly context: BrowserContext
  readonly page: Page
  /** Every URL the page asked for, its own and its assets'. */
  readonly requested: string[]
  /** Console errors and uncaught page errors. */
  readonly errors: string[]
}

/**
 * A new context whose requests may only go to `origin`: anything else is aborted and recorded, so
 * a page that needs the internet fails its test.
 */
export async function openContext(
  browser: Browser,
  origin: string,
  options: { readonly colorScheme?: 'light' | 'dark' } = {},
): Promise<Visit> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  })
  const requested: string[] = []
  const errors: string[] = []
  await context.route('**/*', (route) => {
    const url = route.request().url()
    requested.push(url)
    return url.startsWith(`${origin}/`) ? route.continue() : route.abort()
  })
  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return { context, page, requested, errors }
}
