// A server-rendered council site whose content htmx swaps, as CMS pages do: a full page the first time, then
// fragments that replace `#content`. The widgets come from the CDN files; htmx from its npm package's dist file.
// `cdn` is the CDN's base URL, `endpoint` the API's.

/** The whole page, with `fragment` (one of `fragments`) as its content. */
export const page = ({ cdn, endpoint, htmx, fragment = 'petition' }) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Council portal (htmx)</title>
    <script src="${htmx}"></script>
    <script type="module" src="${cdn}/civic-petition.js"></script>
    <script type="module" src="${cdn}/civic-poll.js"></script>
    <script type="module" src="${cdn}/civic-feedback.js"></script>
    <script type="module" src="site.js"></script>
  </head>
  <body>
    <h1>Council portal (htmx)</h1>
    <nav aria-label="Sections">
      <a href="petition.html" hx-get="fragment-petition.html" hx-target="#content" hx-push-url="false">Petition</a>
      <a href="poll.html" hx-get="fragment-poll.html" hx-target="#content" hx-push-url="false">Consultation</a>
      <a href="news.html" hx-get="fragment-news.html" hx-target="#content" hx-push-url="false">News</a>
    </nav>
    <main id="content">${fragments[fragment]({ endpoint })}</main>
    <footer>
      <civic-feedback endpoint="${endpoint}" topic="bins"></civic-feedback>
      <ul aria-label="Events the page saw"></ul>
    </footer>
  </body>
</html>`;

/** What htmx swaps into `#content`. */
export const fragments = {
  petition: ({ endpoint }) =>
    `<h2>Safer crossings</h2><civic-petition endpoint="${endpoint}" petition-id="safer-crossings"></civic-petition>`,
  // Results refresh every second here, so that a test sees quickly whether the refresh stops when the poll leaves.
  poll: ({ endpoint }) =>
    `<h2>Name the park</h2><civic-poll endpoint="${endpoint}" poll-id="park-name" refresh-interval="1"></civic-poll>`,
  news: () => '<h2>News</h2><p>The library opens late on Thursdays.</p>',
};

/** The site's own script: it lists every `civic-success` that bubbles to the document, whichever widget sent it. */
export const siteScript = `document.addEventListener('civic-success', (event) => {
  const line = document.createElement('li');
  line.textContent = event.target.localName + ': ' + event.type;
  document.querySelector('[aria-label="Events the page saw"]').append(line);
});
`;
