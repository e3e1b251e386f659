import { routes as routesUnder } from '#core/routes.ts';

/** Every URL of the site under the base it is built with (`base` in astro.config.mjs, or `astro build --base …`). */
export const routes = routesUnder(import.meta.env.BASE_URL);
