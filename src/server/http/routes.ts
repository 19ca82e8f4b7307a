// Every API route of the server, in one table (see route.ts). Each module adds its own list.
import type { Route } from './route.ts'
import { healthRoutes } from './health.ts'
import { peopleRoutes } from '../people/routes.ts'
import { workRoutes } from '../work/routes.ts'
import { reviewRoutes } from '../review/routes.ts'
import { liveRoutes } from '../live/routes.ts'
import { commandRoutes } from '../live/commands.ts'
import { badgeRoutes } from '../badges/routes.ts'
import { lrsAdminRoutes } from '../lrs/clients.ts'
import { forwardRoutes } from '../lrs/forward/routes.ts'

export const ROUTES: readonly Route[] = [
  ...healthRoutes,
  ...peopleRoutes,
  ...workRoutes,
  ...reviewRoutes,
  ...liveRoutes,
  ...commandRoutes,
  ...badgeRoutes,
  ...lrsAdminRoutes,
  ...forwardRoutes,
]
