/** The Groups pages and the shared view, loaded on demand (one chunk) by the router. */
export { GroupDetailPage } from './GroupDetailPage'
export { GroupsPage } from './GroupsPage'
export { SharedGroupPage } from './SharedGroupPage'
