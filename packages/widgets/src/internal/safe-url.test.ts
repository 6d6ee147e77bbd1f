import { expect } from '@open-wc/testing';
import { safeHref } from './safe-url.js';

describe('safeHref', () => {
  const cases: [string | undefined, string | undefined][] = [
    ['https://example.gov/privacy', 'https://example.gov/privacy'],
    ['HTTPS://EXAMPLE.GOV/a b', 'https://example.gov/a%20b'],
    ['http://localhost:8080/privacy', 'http://localhost:8080/privacy'],
    ['http://127.0.0.1/privacy', 'http://127.0.0.1/privacy'],
    ['http://example.gov/privacy', undefined],
    ['javascript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['/privacy', undefined],
    ['', undefined],
    [undefined, undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(safeHref(input)).to.equal(expected);
    });
  }
});
