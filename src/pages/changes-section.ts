import { type SafeHtml, markup } from './html.ts'

/** The latest changes, filled in live from the change feed by the page's script. */
export function changesSection(base: string): SafeHtml {
  return markup`<section aria-labelledby="changes">
<h2 id="changes">Latest changes</h2>
<p>Live from <code>GET ${base}/_events</code>, the change feed (Server-Sent Events; <code>?resource=posts</code>,
<code>?resource=posts&amp;id=7</code> or <code>?path=/users/1/posts</code> narrow it), newest first.</p>
<ol id="live-changes" class="changes" aria-live="polite" data-base="${base}"></ol>
<p id="live-empty" class="lead">No change since this page opened: write something and it shows here.</p>
</section>`
}
