/** The accent for markers: the host's `--sw-color-accent` when it is a plain color, else our red. */
export const markerAccent = (accent: string) => (/^#[0-9a-f]{3,8}$|^rgba?\(/i.test(accent) ? accent : '#b71c1c');
