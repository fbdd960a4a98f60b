// zod compiles a fast parser for each object schema with `new Function`, and decides so
// when the schema is *defined*. The page runs under a CSP without 'unsafe-eval', where that
// probe is a CSP violation. This module must therefore run before any contract is imported:
// main.tsx imports it first.
import { z } from 'zod';

z.config({ jitless: true });
