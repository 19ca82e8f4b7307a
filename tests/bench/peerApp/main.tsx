// The bundle benchmark's peer: a React page with a one-mesh R3F scene, written the way a competent
// R3F 9 user writes it when size matters and the way Practica's SceneView is written: React DOM for
// the page, `createRoot` on its canvas and `extend` with only the three.js classes the scene uses
// (a plain <Canvas> registers the whole three namespace). Built by the same Vite as Practica
// (tests/bench/bundle.ts).
import { createRoot as createSceneRoot, events, extend } from '@react-three/fiber'
import { useEffect, useRef } from 'react'
import { createRoot } from 'react-dom/client'
import { AmbientLight, BoxGeometry, Mesh, MeshStandardMaterial } from 'three'

extend({ AmbientLight, BoxGeometry, Mesh, MeshStandardMaterial })

function Scene() {
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const el = canvas.current!
    const root = createSceneRoot(el)
    const configure = () => {
      const box = el.getBoundingClientRect()
      return root.configure({
        events,
        size: { width: box.width, height: box.height, top: box.top, left: box.left },
      })
    }
    void configure().then(() =>
      root.render(
        <>
          <ambientLight />
          <mesh>
            <boxGeometry />
            <meshStandardMaterial color="orange" />
          </mesh>
        </>,
      ),
    )
    const observer = new ResizeObserver(() => void configure())
    observer.observe(el)
    return () => {
      observer.disconnect()
      root.unmount()
    }
  }, [])
  return <canvas ref={canvas} style={{ display: 'block', width: '100vw', height: '100vh' }} />
}

createRoot(document.getElementById('root')!).render(<Scene />)
