/**
 * The share card image for `shareToUser`. The platform wants an absolute http(s) URL; locally the
 * simulator serves the package's openDataContext/ folder on the context's own origin (the build copies
 * openDataContext/assets/ there). In production, point this at an image on your registered CDN domain.
 */
export const SHARE_IMAGE_URL = 'http://127.0.0.1:9529/openDataContext/assets/share-card.png';
