// A proxy the browser tests put between the page and the Practica server, to cut the network.
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/**
 * A proxy in front of the server that the test switches off: then it takes no connection and
 * drops every open one, as a lab's network does when its switch goes down. The page, its fetches
 * and the service worker all go through it (Chromium's offline switch can miss the worker's).
 */
export class CuttableProxy {
  online = true
  private readonly sockets = new Set<Socket>()
  private readonly server: Server

  constructor(private readonly target: number) {
    this.server = createServer((req, res) => {
      if (!this.online) {
        req.socket.destroy()
        return
      }
      // the Host header goes through as the browser sent it: the server checks Origin against it
      const upstream = request(
        {
          host: '127.0.0.1',
          port: this.target,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        },
      )
      upstream.on('error', () => res.destroy())
      req.pipe(upstream)
    })
    this.server.on('connection', (socket) => {
      if (!this.online) {
        socket.destroy()
        return
      }
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
  }

  listen(): Promise<string> {
    return new Promise((done) =>
      this.server.listen(0, '127.0.0.1', () =>
        done(`http://127.0.0.1:${(this.server.address() as AddressInfo).port}`),
      ),
    )
  }

  cut(): void {
    this.online = false
    for (const socket of this.sockets) socket.destroy()
  }

  restore(): void {
    this.online = true
  }

  close(): Promise<void> {
    this.cut()
    return new Promise((done) => this.server.close(() => done()))
  }
}
