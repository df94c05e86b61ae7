/** The Videos pages, loaded on demand (one chunk) by the router. */
export { VideoDetailPage } from './VideoDetailPage'
export { VideosPage } from './VideosPage'
