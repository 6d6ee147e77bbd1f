import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, toCsv } from './csv.js';

describe('CSV', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
      assert.ok(csvCell(text).replace(/^"/, '').startsWith("'"), JSON.stringify(text));
    }
    assert.equal(csvCell('plain'), 'plain');
    // Our own numbers stay numbers.
    assert.equal(csvCell(-3), '-3');
  });

  it('quotes commas, quotes, line breaks and edge spaces', () => {
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell(' padded'), '" padded"');
    assert.equal(csvCell(null), '');
  });

  it('writes a BOM and CRLF rows', () => {
    assert.equal(toCsv(['a', 'b'], [[1, 'x']]), '\uFEFFa,b\r\n1,x\r\n');
  });
});
