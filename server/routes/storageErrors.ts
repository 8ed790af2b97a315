/** What a client is told to wait after a storage failure (503), in seconds. */
export const RETRY_AFTER_SECONDS = 5;
