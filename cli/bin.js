#!/usr/bin/env node
// `npx benchtop …`: runs the TypeScript CLI through tsx, so there is no separate build step for it.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
