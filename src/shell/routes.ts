/** The route type and its pure parse/href live in ui/routes.ts (views outside the shell use them too). */
export * from '../ui/routes';
