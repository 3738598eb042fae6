import { NO_ROUTES, type RoutesFile } from './routes-file.ts'

/** The routes file a server rewrites with now; `--watch` swaps in a new one while it serves. */
export class RouteRules {
  #current: RoutesFile

  constructor(initial: RoutesFile = NO_ROUTES) {
    this.#current = initial
  }

  get current(): RoutesFile {
    return this.#current
  }

  replace(next: RoutesFile): void {
    this.#current = next
  }
}
