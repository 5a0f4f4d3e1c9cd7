/** The preview server's default port (`vita watch --port`). */
export const DEFAULT_PORT = 4321;
