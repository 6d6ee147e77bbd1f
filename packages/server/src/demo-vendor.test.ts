// CIVIC_DEMO_VENDOR: the demo's design-system files served from their own directories at /vendor/<name>/.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, readConfig } from './config.js';
import { createServer } from './server.js';

describe('demo vendor directories', () => {
  const dir = mkdtempSync(join(tmpdir(), 'civic-vendor-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'demo'));
  mkdirSync(join(dir, 'kit', 'css'), { recursive: true });
  writeFileSync(join(dir, 'demo', 'index.html'), '<!doctype html><title>Demo</title>');
  writeFileSync(join(dir, 'kit', 'css', 'kit.css'), 'body { color: red }');
  writeFileSync(join(dir, 'secret.txt'), 'not for the web');

  it('reads name=directory pairs and refuses anything else', () => {
    assert.deepEqual(readConfig({ CIVIC_DEMO_VENDOR: `kit=${join(dir, 'kit')}, other=${dir}` }).demoVendor, {
      kit: join(dir, 'kit'),
      other: dir,
    });
    assert.equal(readConfig({}).demoVendor, undefined);
    assert.throws(() => readConfig({ CIVIC_DEMO_VENDOR: '../x' }), ConfigError);
  });

  it('serves each directory under /vendor/<name>/ beside the demo, and nothing outside it', async () => {
    const app = await createServer({
      demoDir: join(dir, 'demo'),
      demoVendor: { kit: join(dir, 'kit') },
      logger: false,
    });
    try {
      const css = await app.inject({ url: '/vendor/kit/css/kit.css' });
      assert.equal(css.statusCode, 200);
      assert.match(String(css.headers['content-type']), /^text\/css/);
      assert.equal((await app.inject({ url: '/index.html' })).statusCode, 200);
      assert.equal((await app.inject({ url: '/vendor/kit/../secret.txt' })).statusCode, 404);
      assert.equal((await app.inject({ url: '/vendor/kit/%2e%2e/secret.txt' })).statusCode, 404);
      assert.equal((await app.inject({ url: '/vendor/other/secret.txt' })).statusCode, 404);
    } finally {
      await app.close();
    }
  });
});
