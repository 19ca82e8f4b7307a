import { createRoot, events, extend, type ReconcilerRoot } from '@react-three/fiber'
import { useEffect, useRef, type ReactNode } from 'react'
import { useStore } from 'zustand'
import { Color, DirectionalLight, Group, HemisphereLight, Mesh, MeshStandardMaterial } from 'three'
import type { Model } from '../../core/index.ts'
import { graphicsStore, type GraphicsStore } from '../../state/graphics.ts'
import type { SceneSource } from '../../state/sceneSource.ts'
import type { SceneUiStore } from '../../state/sceneUiStore.ts'
import type { PartController } from './partController.ts'
import { frameProbe, type FrameStats } from './frameStats.ts'
import { PartMenu } from './PartMenu.tsx'
import { PartOverlay } from './PartOverlay.tsx'
import { getDrawnLooks, preloadLooks } from './looks/registry.ts'
import type { RenderInfo, SceneBridge } from './sceneBridge.ts'
import { SceneContent } from './SceneContent.tsx'

// Only the three.js classes the scene uses, not the whole namespace a plain <Canvas> pulls in.
extend({ Color, DirectionalLight, Group, HemisphereLight, Mesh, MeshStandardMaterial })

export interface SceneViewProps {
  readonly model: Model
  readonly store: SceneSource
  readonly ui: SceneUiStore
  readonly bridge: SceneBridge
  readonly controller: PartController
  /** More to draw inside the 3D root (the editor's move/rotate gizmo). */
  readonly extra?: ReactNode
  /** Detailed or Simple: the page's setting unless given. */
  readonly graphics?: GraphicsStore
}

declare global {
  interface Window {
    /** Test hook: where a part is on the page, for real pointer events in browser tests. */
    __practica?: {
      partPoint(id: string): { x: number; y: number; visible: boolean } | undefined
      /** Test hook: the renderer's draw calls and triangles of its last frame, and frames so far. */
      renderInfo(): RenderInfo | undefined
      /** Test hook: the part a click at page point (x, y) would reach first, as R3F picks it. */
      pickAt(x: number, y: number): string | undefined
      /** Benchmark hook: main-thread time, calls and triangles of the frames drawn so far. */
      frameStats(): FrameStats | undefined
      /** Benchmark hook: the calls the last frame would take with one mesh per piece. */
      naiveCalls(): number
      /** Benchmark hook: turns the view (radians), as a drag does. */
      orbit(yaw: number, pitch: number): void
    }
  }
}

/** The 3D view with its DOM overlay: focusable parts, labels and the part menu. */
export function SceneView({
  model,
  store,
  ui,
  bridge,
  controller,
  extra,
  graphics = graphicsStore,
}: SceneViewProps) {
  const container = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const root = useRef<ReconcilerRoot<HTMLCanvasElement> | null>(null)
  const detail = useStore(graphics, (s) => s.setting)

  // the looks' modules, all at once, while the 3D root starts (not one by one as parts draw)
  useEffect(() => preloadLooks(getDrawnLooks(model, detail)), [model, detail])

  // one WebGL root for the life of the view; edits only re-render its content
  useEffect(() => {
    const el = container.current!
    const r = createRoot(canvas.current!)
    root.current = r
    const configure = () => {
      const box = el.getBoundingClientRect()
      void r.configure({
        events,
        // draws only when something changed; `?frameloop=always` is the benchmarks' peer
        frameloop:
          new URLSearchParams(location.search).get('frameloop') === 'always' ? 'always' : 'demand',
        dpr: [1, 2],
        gl: { antialias: true },
        camera: { fov: 50, near: 0.05, far: 100 },
        size: { width: box.width, height: box.height, top: box.top, left: box.left },
      })
    }
    configure()
    const observer = new ResizeObserver(configure)
    observer.observe(el)
    return () => {
      observer.disconnect()
      r.unmount()
      root.current = null
    }
  }, [])

  useEffect(() => {
    const el = container.current!
    root.current?.render(
      <SceneContent
        model={model}
        store={store}
        ui={ui}
        bridge={bridge}
        controller={controller}
        graphics={graphics}
      >
        {extra}
      </SceneContent>,
    )
    window.__practica = {
      partPoint(id) {
        const index = model.componentIndex.get(id)
        const p = index === undefined ? undefined : bridge.project(index)
        const r = el.getBoundingClientRect()
        return p && { x: r.left + p.x, y: r.top + p.y, visible: p.visible }
      },
      renderInfo: () => bridge.renderInfo(),
      pickAt(x, y) {
        const r = el.getBoundingClientRect()
        return bridge.pickAt(x - r.left, y - r.top)
      },
      frameStats: () => frameProbe.read?.(),
      naiveCalls: () => frameProbe.naiveCalls?.() ?? 0,
      orbit: (yaw, pitch) => bridge.orbit(yaw, pitch),
    }
    return () => {
      delete window.__practica
    }
  }, [bridge, controller, model, store, ui, extra, graphics])

  return (
    <div className="scene" ref={container}>
      <canvas ref={canvas} aria-hidden="true" onContextMenu={(e) => e.preventDefault()} />
      <PartOverlay model={model} store={store} ui={ui} bridge={bridge} controller={controller} />
      <PartMenu model={model} store={store} ui={ui} bridge={bridge} controller={controller} />
    </div>
  )
}
