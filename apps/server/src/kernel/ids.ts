import { uuidv7 } from 'uuidv7';

/** Ids are UUIDv7 made by the app: sortable by creation time, the same on both databases. */
export const newId = () => uuidv7();
