// `npm run bench:render` (not part of `npm test`): what each widget costs at run time in the system's Chromium
// (playwright-core; nothing is downloaded), against a minimal Lit element (the floor) and Shoelace's <sl-rating>.
// Every sample is a fresh browser context and page on a loopback server: the element's bundle is imported, N
// elements are appended to the empty body, and the page reports the milliseconds to module end, to every
// `updateComplete`, to the next frame, and (widgets that show data, from the memory adapter) to the frame after the
// data is shown; the script then collects garbage and reads the heap, and counts DOM nodes per instance. Samples
// are interleaved (each run visits every element and N in a new random order), and the table gives medians with
// min-max. One more configuration runs N = 1 at 4x CPU throttling (a phone opening one widget), next to a "DOM
// twin" of each widget: the same shadow DOM and stylesheets built from static markup, with no component code.
//
// The bundles are built here with esbuild from the sources, one per element as on the CDN (dist/cdn), with Lit's
// `production` condition and minified as there: this measures the working tree without a rollup build first, and
// run-time cost does not depend on the CDN build's extra steps (minified template literals, terser's passes).
// `--profile` builds unminified bundles so that a CPU profile names functions and source files.
//
// Options: --only rating,floor  --n 1,100  --runs 3  --no-throttle  --json results.json  --before <git ref>
//          --rest  (each data widget also on the REST adapter against the reference server: `petition-rest`)
//          --warm-intl  (the page makes one Intl formatter before the clock starts: ICU's one-time cost apart)
//          --profile rating [--profile-n 1000] [--profile-throttle]  (writes a .cpuprofile and prints self times)
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { args as chromiumArgs, executablePath } from '../e2e/support/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(root, 'scripts/bench-render');
const define = (name) => join(root, `packages/widgets/src/define/${name}.ts`);

/**
 * What is measured: the bundle, the tag and its attributes, whether it loads data (a `civic-load`), and whether that
 * load waits for the memory adapter's answer (the feedback's does not: the adapter has no extra questions).
 */
const ELEMENTS = {
  floor: { entry: join(fixtures, 'floor.js'), tag: 'bench-floor' },
  shoelace: { entry: join(fixtures, 'shoelace-rating.js'), tag: 'sl-rating' },
  rating: { entry: define('civic-rating'), tag: 'civic-rating', attributes: { scale: 'stars' }, widget: true },
  feedback: {
    entry: define('civic-feedback'),
    tag: 'civic-feedback',
    attributes: { adapter: 'memory', topic: 'page:/bench' },
    loads: true,
    widget: true,
  },
  petition: {
    entry: define('civic-petition'),
    tag: 'civic-petition',
    attributes: { adapter: 'memory', 'petition-id': 'safer-crossings' },
    loads: true,
    waits: true,
    widget: true,
  },
  poll: {
    entry: define('civic-poll'),
    tag: 'civic-poll',
    attributes: { adapter: 'memory', 'poll-id': 'park-name' },
    loads: true,
    waits: true,
    widget: true,
  },
  locator: {
    entry: define('civic-service-locator'),
    tag: 'civic-service-locator',
    attributes: { adapter: 'memory' },
    loads: true,
    waits: true,
    widget: true,
  },
  counter: {
    entry: define('civic-petition-counter'),
    tag: 'civic-petition-counter',
    attributes: { adapter: 'memory', 'petition-id': 'library-hours' },
    loads: true,
    waits: true,
    widget: true,
  },
};

const { values: options } = parseArgs({
  options: {
    before: { type: 'string' },
    only: { type: 'string' },
    n: { type: 'string', default: '1,100,1000' },
    runs: { type: 'string', default: '5' },
    'no-throttle': { type: 'boolean', default: false },
    rest: { type: 'boolean', default: false },
    'warm-intl': { type: 'boolean', default: false },
    json: { type: 'string' },
    profile: { type: 'string' },
    'profile-n': { type: 'string', default: '1000' },
    'profile-throttle': { type: 'boolean', default: false },
  },
});
const selected = options.only ? options.only.split(',') : Object.keys(ELEMENTS);
for (const name of selected) {
  if (!ELEMENTS[name]) throw new Error(`bench-render: no element "${name}"; use ${Object.keys(ELEMENTS)}`);
}

// --before <git ref>: each selected widget also as it was at that commit (`rating-before`), in the same interleaved
// runs, so that a change is measured against its base under the same machine load.
const beforeRoot = options.before && mkdtempSync(join(tmpdir(), 'bench-render-before-'));
if (beforeRoot) {
  execSync(
    `git archive --format=tar ${JSON.stringify(options.before)} packages | tar -x -C ${JSON.stringify(beforeRoot)}`,
    {
      cwd: root,
    },
  );
  for (const name of selected.filter((n) => ELEMENTS[n].widget)) {
    ELEMENTS[`${name}-before`] = {
      ...ELEMENTS[name],
      entry: ELEMENTS[name].entry.replace(root, `${beforeRoot}/`),
      root: beforeRoot,
    };
  }
}
// --rest: each selected data widget also as a production page has it, `adapter="rest"` against the reference
// server (SQLite, the demo data, on loopback in its own process): no adapter chunk and no fixed wait, but a real
// request, the server's answer and the client's check of it.
const serverBase = options.rest && (await startReferenceServer());
if (serverBase) {
  for (const name of selected.filter((n) => ELEMENTS[n].loads)) {
    const { adapter, ...attributes } = ELEMENTS[name].attributes;
    ELEMENTS[`${name}-rest`] = {
      ...ELEMENTS[name],
      attributes: { ...attributes, endpoint: `${serverBase}/api/v1` },
      waits: false,
    };
  }
}
const baseName = (name) => name.replace(/-(before|rest)$/, '');
const names = Object.keys(ELEMENTS).filter((name) => selected.includes(baseName(name)));
const counts = options.n.split(',').map(Number);
const runs = Number(options.runs);
const THROTTLE = 4;
// `adapter="memory"` answers after this wait (packages/widgets/src/internal/client.ts: `delayMs: 300`), a network's
// stand-in that CPU throttling does not slow: the goal table also shows each data widget's time without it.
const MEMORY_LATENCY_MS = 300;

/**
 * Starts the reference server on a free loopback port with a new SQLite file and the demo data, allowing any
 * origin (the benchmark's page is on another port); resolves to its base URL. It stops when the benchmark does.
 */
async function startReferenceServer() {
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    CIVIC_SEED: 'demo',
    CIVIC_DB_FILE: join(mkdtempSync(join(tmpdir(), 'bench-render-db-')), 'civic.sqlite'),
    CIVIC_ALLOWED_ORIGINS: '*',
  };
  const server = spawn(
    process.execPath,
    ['--conditions=development', '--import', 'tsx', 'packages/server/src/main.ts'],
    {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  process.on('exit', () => server.kill()); // when the benchmark ends, and when it fails
  return new Promise((done, fail) => {
    let output = '';
    const read = (chunk) => {
      output += chunk;
      const listening = output.match(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/);
      if (!listening) return;
      server.stdout.off('data', read).resume(); // its request log is not needed
      // Neither the process nor its output keeps the benchmark running: the benchmark's end is the server's.
      server.unref();
      server.stdout.unref();
      done(listening[1]);
    };
    server.stdout.on('data', read);
    server.on('exit', (code) => fail(new Error(`bench-render: the reference server stopped (${code}):\n${output}`)));
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const shuffled = (items) => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
};

/** One bundle per element (code split only for what it imports on demand: locales, adapters). */
async function buildBundles(outdir, minify) {
  for (const name of new Set([...names, options.profile].filter(Boolean))) {
    await esbuild.build({
      entryPoints: { [name]: ELEMENTS[name].entry },
      outdir: join(outdir, name),
      bundle: true,
      splitting: true,
      format: 'esm',
      target: 'es2022',
      minify,
      conditions: ['production'],
      tsconfig: join(root, 'tsconfig.json'),
      nodePaths: [join(root, 'node_modules')],
      plugins: [workspaceSources(ELEMENTS[name].root ?? root)],
      logLevel: 'error',
    });
  }
}

// Our packages resolve to their sources (their exports' `development` condition), as in the CDN build.
const workspaceSources = (sources) => ({
  name: 'workspace-sources',
  setup(build) {
    build.onResolve({ filter: /^@civic-widgets\/(client|widgets)(\/.*)?$/ }, ({ path }) => {
      const [, pkg, sub] = path.match(/^@civic-widgets\/(client|widgets)(\/.*)?$/);
      const dir = join(sources, 'packages', pkg);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const target = manifest.exports[`.${sub ?? ''}`]?.development;
      return target ? { path: resolve(dir, target) } : undefined;
    });
  },
});

const TYPES = { '.js': 'text/javascript', '.html': 'text/html' };
const PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/page.js"></script></head><body></body></html>';

/** Serves the page, its script and the bundles on 127.0.0.1. */
function serve(outdir) {
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    const file = path === '/page.js' ? join(fixtures, 'page.js') : join(outdir, path);
    try {
      const body = path === '/' ? PAGE : readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? TYPES['.html'], 'cache-control': 'no-store' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** A fresh context and page, with a CDP session for garbage collection, the heap, throttling and profiling. */
async function freshPage(browser, origin, throttle) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(origin);
  if (throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  };
  return { context, page, cdp, heap };
}

/** What the page's `benchRender` takes to render `count` of `element`. */
const renderArgs = (element, count) => ({
  tag: element.tag,
  attributes: element.attributes ?? {},
  count,
  loads: element.loads ?? false,
  warmIntl: options['warm-intl'],
});

/** One sample of an element at N. */
async function sample(browser, origin, name, count, throttle) {
  const element = ELEMENTS[name];
  const { context, page, heap } = await freshPage(browser, origin, throttle);
  try {
    const importMs = await page.evaluate((url) => window.benchImport(url), `/${name}/${name}.js`);
    const heapBefore = await heap();
    const times = await page.evaluate((args) => window.benchRender(args), renderArgs(element, count));
    const heapAfter = await heap();
    const nodes = await page.evaluate(() => window.benchNodes());
    return {
      import: importMs,
      ...times,
      total: importMs + times.render,
      heapKB: (heapAfter - heapBefore) / count / 1024,
      nodes,
    };
  } finally {
    await context.close();
  }
}

/** The widget's shown DOM (after its data), for its DOM twin. */
async function snapshot(browser, origin, name) {
  const element = ELEMENTS[name];
  const { context, page } = await freshPage(browser, origin);
  try {
    await page.evaluate((url) => window.benchImport(url), `/${name}/${name}.js`);
    await page.evaluate((args) => window.benchRender(args), renderArgs(element, 1));
    return await page.evaluate(() => window.benchSnapshot());
  } finally {
    await context.close();
  }
}

async function twinSample(browser, origin, twin, throttle) {
  const { context, page } = await freshPage(browser, origin, throttle);
  try {
    return await page.evaluate((args) => window.benchTwin(args), { ...twin, count: 1 });
  } finally {
    await context.close();
  }
}

const format = (values, digits = 1) => {
  const present = values.filter((v) => v !== undefined);
  if (!present.length) return '–';
  const fixed = (v) => v.toFixed(digits);
  return `${fixed(median(present))} (${fixed(Math.min(...present))}–${fixed(Math.max(...present))})`;
};

function printTable(results) {
  console.log(
    '\n| element | N | CPU | import ms | render ms (to updateComplete) | total ms | next frame ms | data shown ms | heap KB/instance | DOM nodes/instance |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [key, samples] of results) {
    const [name, count, throttle] = key.split('|');
    const col = (field, digits) =>
      format(
        samples.map((s) => s[field]),
        digits,
      );
    console.log(
      `| ${name} | ${count} | ${throttle}x | ${col('import')} | ${col('render')} | ${col('total')} | ${col('frame')} | ${col('data')} | ${col('heapKB', 2)} | ${median(samples.map((s) => s.nodes ?? 0)).toFixed(0)} |`,
    );
  }
}

/** Each widget's first render at N = 1 under throttling against 2x the floor's plus its DOM twin's. */
function printGoals(results) {
  const shown = (key) => {
    const samples = results.get(key);
    return samples && median(samples.map((s) => s.data ?? s.frame));
  };
  const floor = shown(`floor|1|${THROTTLE}`);
  if (floor === undefined) return;
  console.log(`\nFirst render at ${THROTTLE}x (creation to the frame that shows it; module evaluation apart), ms:`);
  console.log(
    `| widget | first render | without the adapter's ${MEMORY_LATENCY_MS} ms wait | floor | DOM twin | limit 2 x floor + twin | met | met without the wait |`,
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |');
  for (const name of names.filter((n) => ELEMENTS[n].widget)) {
    const own = shown(`${name}|1|${THROTTLE}`);
    const twin = shown(`twin:${name.replace(/-before$/, '')}|1|${THROTTLE}`); // a -rest variant has its own data
    if (own === undefined || twin === undefined) continue;
    const limit = 2 * floor + twin;
    const work = ELEMENTS[name].waits ? own - MEMORY_LATENCY_MS : own;
    console.log(
      `| ${name} | ${own.toFixed(1)} | ${work.toFixed(1)} | ${floor.toFixed(1)} | ${twin.toFixed(1)} | ${limit.toFixed(1)} | ${own <= limit ? 'yes' : 'no'} | ${work <= limit ? 'yes' : 'no'} |`,
    );
  }
}

/** Self time per function and per source file, from the bundle's `// path` module markers. */
function summariseProfile(profile, bundleDir) {
  const selfMs = new Map();
  profile.samples.forEach((id, i) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  const modulesOf = new Map();
  const moduleAt = (url, line) => {
    const file = url.startsWith('http') ? new URL(url).pathname : '';
    if (!file.endsWith('.js') || file === '/page.js') return file || url || '(native)';
    if (!modulesOf.has(file)) {
      const markers = [];
      readFileSync(join(bundleDir, file), 'utf8')
        .split('\n')
        .forEach((text, index) => {
          const marker = text.match(/^\/\/ ((?:packages|node_modules|scripts)\/\S+)$/);
          if (marker) markers.push([index, marker[1]]);
        });
      modulesOf.set(file, markers);
    }
    let found = file;
    for (const [index, path] of modulesOf.get(file)) if (index <= line) found = path;
    return found;
  };
  const byFunction = new Map();
  const byFile = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const ms = selfMs.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || !ms) continue;
    total += ms;
    const file = moduleAt(url, lineNumber);
    const fn = `${functionName || '(anonymous)'}  ${file}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  }
  const top = (map, limit) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(
        ([label, ms]) => `${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${label}`,
      )
      .join('\n');
  console.log(
    `\nSelf time, ${total.toFixed(1)} ms sampled (idle excluded)\nBy file:\n${top(byFile, 15)}\nBy function:\n${top(byFunction, 30)}`,
  );
}

async function profileOne(browser, origin, bundleDir) {
  const name = options.profile;
  const element = ELEMENTS[name];
  const count = Number(options['profile-n']);
  const { context, page, cdp } = await freshPage(browser, origin, options['profile-throttle'] ? THROTTLE : undefined);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const importMs = await page.evaluate((url) => window.benchImport(url), `/${name}/${name}.js`);
  const times = await page.evaluate((args) => window.benchRender(args), renderArgs(element, count));
  const { profile } = await cdp.send('Profiler.stop');
  await context.close();
  const file = join(tmpdir(), `bench-render-${name}-${count}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(
    `${name} N=${count}: import ${importMs.toFixed(1)} ms, render ${times.render.toFixed(1)} ms; profile in ${file}`,
  );
  summariseProfile(profile, bundleDir);
}

const outdir = mkdtempSync(join(tmpdir(), 'bench-render-'));
await buildBundles(outdir, !options.profile);
const server = await serve(outdir);
const origin = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
try {
  if (options.profile) await profileOne(browser, origin, outdir);
  else {
    const throttled = !options['no-throttle'];
    const twins = new Map();
    if (throttled) {
      for (const name of names.filter((n) => ELEMENTS[n].widget && !ELEMENTS[n].root))
        twins.set(name, await snapshot(browser, origin, name));
    }
    const configs = [
      ...counts.flatMap((count) => names.map((name) => ({ name, count, throttle: 1 }))),
      ...(throttled ? names.map((name) => ({ name, count: 1, throttle: THROTTLE })) : []),
      ...[...twins.keys()].map((name) => ({
        name: `twin:${name}`,
        twin: twins.get(name),
        count: 1,
        throttle: THROTTLE,
      })),
    ];
    const results = new Map(configs.map((c) => [`${c.name}|${c.count}|${c.throttle}`, []]));
    for (let run = 1; run <= runs; run++) {
      process.stderr.write(`run ${run}/${runs}\n`);
      for (const config of shuffled(configs)) {
        const throttle = config.throttle === 1 ? undefined : config.throttle;
        const result = config.twin
          ? await twinSample(browser, origin, config.twin, throttle)
          : await sample(browser, origin, config.name, config.count, throttle);
        results.get(`${config.name}|${config.count}|${config.throttle}`).push(result);
      }
    }
    printTable(results);
    printGoals(results);
    if (options.json) writeFileSync(options.json, JSON.stringify(Object.fromEntries(results), null, 2));
  }
} finally {
  await browser.close();
  server.close();
}
