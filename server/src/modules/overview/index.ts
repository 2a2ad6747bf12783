/** The overview module composes pages from the others and offers nothing to them: no module imports it. */
export {};
