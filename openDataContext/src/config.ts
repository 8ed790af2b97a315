/**
 * The share card image for `shareToUser`, from the build configuration (docs/upload.md). Locally the
 * simulator serves the package's openDataContext/ folder on the context's own origin (the build copies
 * openDataContext/assets/ there); a release build takes an HTTPS address on a registered domain.
 */
export { CONTEXT_SHARE_IMAGE_URL as SHARE_IMAGE_URL } from '../../assets/scripts/platform/buildConfig';
