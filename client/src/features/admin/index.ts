/** The administration pages, loaded on demand (one chunk) by the router. */
export { AdminLayout } from './AdminLayout'
export { JobsPage } from './JobsPage'
export { UsersPage } from './UsersPage'
