// A path parameter of a route's address (Hono types them as possibly absent without the path).
import type { Context } from 'hono'

/** The path parameter `name`; the route's path always has it. */
export function param(c: Context, name: string): string {
  return c.req.param(name) ?? ''
}
