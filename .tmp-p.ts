import { run } from './bench/search.js';
await run();
