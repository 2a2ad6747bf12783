// Replaced below once the database layer exists.
export default async function setup() {}
