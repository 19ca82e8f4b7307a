// The drawcalls benchmark's peers: the same panel drawn by plain three.js, with the app's lights,
// background, floor and wall, two ways: `plain`, one mesh per part; `instanced`, what a three.js
// engineer writes for hundreds of similar parts: one InstancedMesh per kind of part (each kind its
// own shape), placed by instance matrices and coloured by instance colours. The draw calls are the
// renderer's own.
import {
  BoxGeometry,
  Color,
  CylinderGeometry,
  DirectionalLight,
  Euler,
  HemisphereLight,
  InstancedMesh,
  Matrix4,
  Mesh,
  MeshStandardMaterial,
  PerspectiveCamera,
  Quaternion,
  Scene,
  TorusGeometry,
  Vector3,
  WebGLRenderer,
  type BufferGeometry,
} from 'three'
import type { PeerPanel, PeerPart } from './panel.ts'

const DEG = Math.PI / 180

/** The shape of each kind of part in the instanced peer, about the size of the app's. */
function shapes(): Record<PeerPart['kind'], BufferGeometry> {
  return {
    button: new CylinderGeometry(0.05, 0.05, 0.05, 24).rotateX(Math.PI / 2),
    switch: new BoxGeometry(0.12, 0.12, 0.06),
    selector: new CylinderGeometry(0.04, 0.05, 0.05, 6).rotateX(Math.PI / 2),
    valve: new TorusGeometry(0.06, 0.012, 8, 24),
    breaker: new BoxGeometry(0.06, 0.12, 0.08),
  }
}

/** One mesh per part, sharing one box and one material per colour. */
function addPlain(scene: Scene, parts: readonly PeerPart[]): void {
  const box = new BoxGeometry(1, 1, 1)
  const materials = new Map<string, MeshStandardMaterial>()
  for (const part of parts) {
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
}

/** One InstancedMesh per kind of part, with a matrix and a colour per instance. */
function addInstanced(scene: Scene, parts: readonly PeerPart[]): void {
  const geometry = shapes()
  const kinds = Object.keys(geometry) as PeerPart['kind'][]
  const matrix = new Matrix4()
  const rotation = new Quaternion()
  const one = new Vector3(1, 1, 1)
  const color = new Color()
  for (const kind of kinds) {
    const ofKind = parts.filter((p) => p.kind === kind)
    if (ofKind.length === 0) continue
    const mesh = new InstancedMesh(
      geometry[kind],
      new MeshStandardMaterial({ roughness: 0.7 }),
      ofKind.length,
    )
    ofKind.forEach((part, i) => {
      const [x, y, z] = part.rotation
      rotation.setFromEuler(new Euler(x * DEG, y * DEG, z * DEG))
      mesh.setMatrixAt(i, matrix.compose(new Vector3(...part.position), rotation, one))
      mesh.setColorAt(i, color.set(part.color))
    })
    scene.add(mesh)
  }
}

window.__peerScene = {
  draw(panel: PeerPanel, way: 'plain' | 'instanced') {
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
    if (way === 'plain') addPlain(scene, panel.parts)
    else addInstanced(scene, panel.parts)
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
    const calls = renderer.info.render.calls
    renderer.dispose()
    renderer.domElement.remove()
    return { calls, inView }
  },
}
