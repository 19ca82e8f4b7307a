// The bundle benchmark's peer: the smallest app someone would write with R3F, a <Canvas> with one
// mesh, built by the same Vite as Practica (tests/bench/bundle.ts).
import { Canvas } from '@react-three/fiber'
import { createRoot } from 'react-dom/client'

createRoot(document.getElementById('root')!).render(
  <Canvas>
    <ambientLight />
    <mesh>
      <boxGeometry />
      <meshStandardMaterial color="orange" />
    </mesh>
  </Canvas>,
)
