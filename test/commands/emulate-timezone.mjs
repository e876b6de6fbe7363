// A web-test-runner command: `executeServerCommand('emulate-timezone', { timezoneId: 'Europe/Paris' })` makes the
// test page's clock read in that IANA zone (Date and Intl alike), through Chromium's own emulation, so a test
// sees what a reader in that zone sees. Each test file has a page of its own: the zone stays in that file.
export function emulateTimezonePlugin() {
  return {
    name: 'emulate-timezone-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-timezone') return undefined;
      const timezoneId = payload?.timezoneId;
      if (typeof timezoneId !== 'string') throw new Error('emulate-timezone needs { timezoneId: "Area/City" }');
      if (session.browser.type !== 'puppeteer')
        throw new Error(`emulate-timezone needs Chromium, not ${session.browser.type}`);
      await session.browser.getPage(session.id).emulateTimezone(timezoneId);
      return true;
    },
  };
}
