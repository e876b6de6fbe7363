/** Whether the reader asked to save data (then the map waits for a tap). */
export const saveData = () => !!(navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData;
