// The drawcalls benchmark's peer: the same panel drawn the plain way, one mesh per part, with the
// app's lights, background, floor and wall. Plain three.js: the draw calls are the renderer's own.
import {
  BoxGeometry,
  Color,
  DirectionalLight,
  HemisphereLight,
  Mesh,
  MeshStandardMaterial,
  PerspectiveCamera,
  Scene,
  Vector3,
  WebGLRenderer,
} from 'three'
import type { PeerPanel } from './panel.ts'

const DEG = Math.PI / 180

window.__peerScene = {
  draw(panel: PeerPanel) {
    const renderer = new WebGLRenderer({ antialias: true })
    renderer.setSize(window.innerWidth, window.innerHeight)
    document.body.appendChild(renderer.domElement)
    const scene = new Scene()
    scene.background = new Color(panel.background)
    scene.add(new HemisphereLight('#ffffff', '#6b6f73', 1.6))
    const sun = new DirectionalLight('#ffffff', 1.8)
    sun.position.set(3, 6, 5)
    scene.add(sun)
    const box = new BoxGeometry(1, 1, 1)
    const floor = new Mesh(box, new MeshStandardMaterial({ color: panel.floor, roughness: 0.7 }))
    floor.scale.set(30, 0.02, 30)
    floor.position.set(0, -0.01, 0)
    const wall = new Mesh(box, new MeshStandardMaterial({ color: panel.wall, roughness: 0.7 }))
    wall.scale.set(30, 8, 0.1)
    wall.position.set(0, 4, -3)
    scene.add(floor, wall)
    const materials = new Map<string, MeshStandardMaterial>()
    for (const part of panel.parts) {
      let material = materials.get(part.color)
      if (!material) {
        material = new MeshStandardMaterial({ color: part.color, roughness: 0.7 })
        materials.set(part.color, material)
      }
      const mesh = new Mesh(box, material)
      mesh.scale.set(0.12, 0.12, 0.06)
      mesh.position.set(...part.position)
      mesh.rotation.set(part.rotation[0] * DEG, part.rotation[1] * DEG, part.rotation[2] * DEG)
      scene.add(mesh)
    }
    const camera = new PerspectiveCamera(
      panel.camera.fov,
      window.innerWidth / window.innerHeight,
      0.05,
      100,
    )
    camera.position.set(...panel.camera.position)
    camera.lookAt(new Vector3(...panel.camera.target))
    camera.updateMatrixWorld()
    renderer.render(scene, camera)
    const p = new Vector3()
    const inView = panel.parts.filter((part) => {
      p.set(...part.position).project(camera)
      return p.z < 1 && Math.abs(p.x) <= 1 && Math.abs(p.y) <= 1
    }).length
    return { calls: renderer.info.render.calls, inView }
  },
}
