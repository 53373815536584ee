#!/usr/bin/env node
// The installed command runs the TypeScript sources through tsx, exactly as `npm start`, the
// Docker image and the tests do: one way of running, no compile step to forget or to drift.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/entry.ts');
