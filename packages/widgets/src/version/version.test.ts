import { expect, fixture, html } from '@open-wc/testing';
import '../define/civic-version.js';
import { CivicVersion, VERSION } from './version.js';

describe('<civic-version>', () => {
  it('shows the label and the version as text', async () => {
    const el = await fixture<CivicVersion>(html`<civic-version label="SDK"></civic-version>`);
    expect(el).to.be.instanceOf(CivicVersion);
    expect(el.shadowRoot!.textContent!.trim()).to.equal(`SDK ${VERSION}`);
    await expect(el).to.be.accessible();
  });

  it('keeps the version in step with package.json', async () => {
    const pkg = await (await fetch('/packages/widgets/package.json')).json();
    expect(VERSION).to.equal(pkg.version);
  });
});
