// Draw calls of a large panel of interactive parts with Detailed looks in the real app, in
// headless Chromium, against the naive way of drawing the same frame: one mesh, and one call, per
// piece of every look. For scale, the panel in plain three.js (tests/bench/peerScene) with each
// part one simple shape is counted too, one mesh per part and one InstancedMesh per kind. Draw
// calls are counted, not timed: the figure is exact and the same on every run.
import type { Browser, Page } from 'playwright-core'
import { build, preview } from 'vite'
import { loadScenario, type JsonObject } from '../../src/core/index.ts'
import { appUrl, launchChromium } from './app.ts'
import { makeResult, type BenchOptions, type BenchResult } from './harness.ts'
import type { PeerPanel, PeerPart } from './peerScene/panel.ts'

const ROOT = new URL('../..', import.meta.url).pathname
const PEER_DIR = `${ROOT}.bench/dist-drawcalls-peer`
const PEER_ROOT = `${ROOT}tests/bench/peerScene`

/** A realistic control-panel mix, repeated along each row of 20: 30 % buttons, 25 % breakers… */
const ROW: readonly Kind[] = [
  'button',
  'button',
  'breaker',
  'switch',
  'selector',
  'button',
  'breaker',
  'valve',
  'button',
  'breaker',
  'switch',
  'selector',
  'button',
  'breaker',
  'valve',
  'button',
  'breaker',
  'selector',
  'switch',
  'valve',
]
type Kind = 'button' | 'switch' | 'selector' | 'valve' | 'breaker'

const COLUMNS = 20
const SPACING = 0.34
const BUTTON_COLORS = ['#c62828', '#2e7d32', '#2b2f33', '#f2c200']
/** The colour of each kind's one mesh in the peer (its largest piece in the app). */
const PEER_COLORS: Record<Kind, string> = {
  button: '#c62828',
  switch: '#f2c200',
  selector: '#2b2f33',
  valve: '#8a9199',
  breaker: '#f4f4f4',
}
/** The Detailed look each part of the panel is drawn with (buttons alternate with emergency stops). */
function lookOf(kind: Kind, n: number): string {
  switch (kind) {
    case 'button':
      return n % 4 === 3 ? 'button.emergency-stop' : 'button.flush'
    case 'switch':
      return 'switch.rotary-isolator'
    case 'selector':
      return 'selector.legend'
    case 'valve':
      return n % 3 === 2 ? 'valve.gate' : 'valve.ball'
    case 'breaker':
      return 'breaker.mcb'
  }
}

/** The app's workshop surroundings (src/view/scene/SceneContent.tsx). */
const WORKSHOP = { background: '#c9d3dc', floor: '#8d9296', wall: '#d8dadc' }

interface Panel {
  readonly scenario: JsonObject
  readonly ids: readonly string[]
  readonly peer: PeerPanel
  readonly counts: Record<Kind, number>
}

/**
 * A valid scenario of `count` operable parts on a wall panel, rows of 20: push buttons, rotary
 * isolators, selectors, valves (a third with a handwheel) and breakers; isolators, valves and
 * breakers can be locked and tagged. The camera sees the whole panel.
 */
export function generatePanel(count: number): Panel {
  const components: JsonObject[] = []
  const peerParts: PeerPart[] = []
  const counts: Record<Kind, number> = { button: 0, switch: 0, selector: 0, valve: 0, breaker: 0 }
  const rows = Math.ceil(count / COLUMNS)
  for (let i = 0; i < count; i++) {
    const kind = ROW[i % ROW.length]!
    const n = counts[kind]++
    const position: [number, number, number] = [
      ((i % COLUMNS) - (COLUMNS - 1) / 2) * SPACING,
      0.5 + Math.floor(i / COLUMNS) * SPACING,
      0,
    ]
    const id = `${kind}_${i}`
    const base = { id, kind, label: { en: `${kind} ${n + 1}` }, position, look: lookOf(kind, n) }
    if (kind === 'button') {
      const color = BUTTON_COLORS[n % BUTTON_COLORS.length]!
      components.push({ ...base, color })
      peerParts.push({ kind, position, rotation: [0, 0, 0], color })
      continue
    }
    const lock = kind === 'selector' ? {} : { lockable: true, taggable: true }
    const states =
      kind === 'selector'
        ? { states: ['hand', 'off', 'auto'], initial: 'off' }
        : kind === 'valve' && n % 3 === 2
          ? { states: ['closed', 'half', 'open'] }
          : {}
    components.push({ ...base, ...states, ...lock })
    peerParts.push({ kind, position, rotation: [0, 0, 0], color: PEER_COLORS[kind] })
  }
  const ids = components.map((c) => String(c['id']))
  const middle = 0.5 + ((rows - 1) * SPACING) / 2
  // far enough back for the whole panel, with a margin, in a view at least 1.2 times as wide as high
  const halfHeight = (rows * SPACING) / 2 + 0.4
  const halfWidth = (Math.min(count, COLUMNS) * SPACING) / 2 + 0.4
  const distance = Math.max(halfHeight, halfWidth / 1.2) / Math.tan((25 * Math.PI) / 180)
  const camera = {
    position: [0, middle, distance] as [number, number, number],
    target: [0, middle, 0] as [number, number, number],
    fov: 50,
  }
  const firstButton = ids.find((id) => id.startsWith('button_'))!
  const scenario: JsonObject = {
    format: 'practica.scenario/1',
    id: 'drawcalls-panel',
    version: '1.0.0',
    title: { en: `Control panel of ${count} parts` },
    competencies: [{ id: 'OP.1', title: { en: 'Operate the panel' } }],
    components,
    steps: [
      {
        id: 'start',
        title: { en: 'Press the first button' },
        competencies: ['OP.1'],
        action: { action: 'press', target: firstButton },
      },
    ],
    scene: { camera, environment: 'workshop' },
  }
  const loaded = loadScenario(JSON.stringify(scenario))
  if (!loaded.ok)
    throw new Error(`the generated panel is not valid: ${loaded.problems[0]!.message}`)
  return {
    scenario,
    ids,
    counts,
    peer: { ...WORKSHOP, camera, parts: peerParts },
  }
}

/** Serves the peer page, built by the same Vite as the app (its own root, no app config). */
async function servePeer(): Promise<{ url: string; stop: () => Promise<void> }> {
  await build({
    root: PEER_ROOT,
    configFile: false,
    logLevel: 'error',
    build: { outDir: PEER_DIR, emptyOutDir: true },
  })
  const server = await preview({
    root: PEER_ROOT,
    configFile: false,
    logLevel: 'error',
    build: { outDir: PEER_DIR },
    preview: { host: '127.0.0.1', port: 0 },
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('the peer preview server has no address')
  return { url, stop: () => server.close() }
}

/** Waits until the scene has drawn and then drawn nothing for `quietMs`; its last frame's figures. */
async function settledFrame(
  page: Page,
  quietMs: number,
): Promise<{ calls: number; frames: number; idle: boolean }> {
  const until = Date.now() + 30_000
  let last = -1
  let since = Date.now()
  for (;;) {
    const info = await page.evaluate(() => window.__practica?.renderInfo())
    if (info && info.frames > 0) {
      if (info.frames !== last) {
        last = info.frames
        since = Date.now()
      } else if (Date.now() - since >= quietMs)
        return { calls: info.calls, frames: info.frames, idle: true }
    }
    if (Date.now() > until) {
      if (!info) throw new Error('the scene never drew a frame')
      return { calls: info.calls, frames: info.frames, idle: false }
    }
    await page.waitForTimeout(100)
  }
}

/** Opens the panel from disk in the library, starts it, and counts one settled frame. */
async function countOurs(
  browser: Browser,
  url: string,
  panel: Panel,
): Promise<{ calls: number; naive: number; inView: number; idle: boolean }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  try {
    const page = await context.newPage()
    // the URL forces Detailed: a slow machine must not switch the panel to Simple meanwhile
    await page.goto(`${url}?graphics=detailed`)
    await page.locator('input[type=file]').setInputFiles({
      name: 'panel.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(panel.scenario)),
    })
    await page
      .locator('li[data-scenario="drawcalls-panel"]')
      .getByRole('button', { name: /Start/ })
      .click()
    await page.locator('canvas').waitFor()
    const frame = await settledFrame(page, 1000)
    const inView = await page.evaluate(
      (ids) => ids.filter((id) => window.__practica?.partPoint(id)?.visible).length,
      panel.ids,
    )
    const naive = await page.evaluate(() => window.__practica!.naiveCalls())
    return { calls: frame.calls, naive, inView, idle: frame.idle }
  } finally {
    await context.close()
  }
}

/** The peer page draws the same panel, one of its two ways, and counts that frame. */
async function countPeer(
  browser: Browser,
  url: string,
  panel: Panel,
  way: 'plain' | 'instanced',
): Promise<{ calls: number; inView: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  try {
    const page = await context.newPage()
    await page.goto(url)
    await page.waitForFunction(() => window.__peerScene !== undefined)
    return await page.evaluate(([p, w]) => window.__peerScene!.draw(p, w), [
      panel.peer,
      way,
    ] as const)
  } finally {
    await context.close()
  }
}

/**
 * `drawcalls`: draw calls of one frame of a generated panel of 400 interactive parts (quick: 20)
 * with Detailed looks in the built app, against the calls the same frame takes one mesh per piece.
 */
export async function runDrawcalls(options: BenchOptions): Promise<BenchResult[]> {
  const count = options.quick ? 20 : 400
  const panel = generatePanel(count)
  const url = await appUrl()
  let peerServer: Awaited<ReturnType<typeof servePeer>> | undefined
  let browser: Browser | undefined
  try {
    peerServer = await servePeer()
    browser = await launchChromium()
    const ours = await countOurs(browser, url, panel)
    const peer = await countPeer(browser, peerServer.url, panel, 'instanced')
    const plain = await countPeer(browser, peerServer.url, panel, 'plain')
    if (ours.inView !== count || peer.inView !== count || plain.inView !== count)
      throw new Error(
        `not every part is in view (ours ${ours.inView}, peer ${peer.inView} of ${count})`,
      )
    const mix = Object.entries(panel.counts)
      .map(([kind, n]) => `${n} ${kind === 'switch' ? 'switches' : `${kind}s`}`)
      .join(', ')
    return [
      makeResult({
        name: 'drawcalls',
        unit: 'calls',
        ours: ours.calls,
        peer: ours.naive,
        goals: [
          { on: 'ratio', op: '<=', value: 0.1 },
          { on: 'ours', op: '<=', value: 100 },
        ],
        note:
          `one frame (renderer.info.render.calls, all passes) of a generated panel of ${count} ` +
          `interactive parts (${mix}) with Detailed looks (flush buttons and emergency stops, ` +
          `MCBs, rotary isolators, legend selectors, ball and gate valves), all in view, ` +
          `workshop surroundings, in the built app after the scene went idle` +
          `${ours.idle ? '' : ' (it never did: last frame read)'}; naive peer: the same frame ` +
          `drawn the plain way, one mesh and one call per piece (counted from its scene graph); ` +
          `for scale, the panel in plain three.js (same Vite) with each part one simple shape ` +
          `takes ${plain.calls} calls one mesh per part and ${peer.calls} with one InstancedMesh ` +
          `per kind of part`,
      }),
    ]
  } finally {
    await browser?.close()
    await peerServer?.stop()
  }
}
