export { createApp } from './app.js';
export type { AppEnv, HttpDeps } from './env.js';
