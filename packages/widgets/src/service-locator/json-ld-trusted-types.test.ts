import { expect, waitUntil } from '@open-wc/testing';
import { seededServices } from './service-locator.examples.js';

// The JSON-LD writer in a frame whose policy enforces Trusted Types, as a council's strict page does. The frame
// loads the module itself, so that Lit and its `lit-html` policy live in the frame's realm like on such a page.
type Frame = Window & {
  writeJsonLd?: (host: HTMLElement, services: unknown[]) => void;
  violations: string[];
  errors: string[];
};

async function strictFrame(): Promise<Frame> {
  const module = new URL('./service-locator-json-ld.ts', import.meta.url).href;
  const iframe = document.createElement('iframe');
  iframe.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy"
      content="require-trusted-types-for 'script'; trusted-types lit-html">
    <script>
      window.violations = [];
      window.errors = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.sample));
      addEventListener('error', (e) => errors.push(String(e.message)));
    </script>
    <script type="module">
      import { writeJsonLd } from ${JSON.stringify(module)};
      window.writeJsonLd = writeJsonLd;
    </script>
    <div id="host"></div>`;
  document.body.append(iframe);
  const frame = iframe.contentWindow as Frame;
  await waitUntil(() => frame.writeJsonLd, 'the module did not load in the frame', { timeout: 4000 });
  return frame;
}

describe('JSON-LD under Trusted Types', () => {
  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
  });

  it('writes one script per service without a Trusted Types violation, and replaces them on the next write', async () => {
    const frame = await strictFrame();
    // The policy is in force in the frame: a script's text set from code is refused and heard.
    expect(() => {
      frame.document.createElement('script').textContent = 'void 0';
    }).to.throw();
    await waitUntil(() => frame.violations.length === 1, 'the frame did not hear the violation');
    frame.violations.length = 0;

    const host = frame.document.getElementById('host')!;
    const stale = frame.document.createElement('script');
    stale.type = 'application/ld+json';
    stale.dataset.civicJsonLd = '';
    host.append(stale); // as a server's prerender would leave it: empty here, since text cannot be set
    frame.writeJsonLd!(host, seededServices.slice(0, 3));
    let scripts = host.querySelectorAll('script[data-civic-json-ld]');
    expect([...scripts].map((s) => JSON.parse(s.textContent!).name)).to.deep.equal(
      seededServices.slice(0, 3).map((s) => s.name),
    );
    frame.writeJsonLd!(host, seededServices.slice(3, 4));
    scripts = host.querySelectorAll('script[data-civic-json-ld]');
    expect([...scripts].map((s) => JSON.parse(s.textContent!).name)).to.deep.equal([seededServices[3]!.name]);
    frame.writeJsonLd!(host, []);
    expect(host.querySelectorAll('script')).to.have.length(0);
    // Violations are reported as events, a task later.
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(frame.violations).to.deep.equal([]);
    expect(frame.errors).to.deep.equal([]);
  });
});
