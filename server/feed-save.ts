// Saving the feed from the console so that a crash at any moment leaves a whole feed file, the
// old one or the new one: the new text goes to a temporary file in the same directory, is
// fsynced, and is renamed over the feed (rename is atomic); the directory is fsynced so the
// rename itself survives power loss. The version replaced is kept as FILE.1.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

function fsyncPath(p: string, flags: string): void {
  const fd = fs.openSync(p, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function saveFeedAtomically(file: string, text: string): void {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = fs.existsSync(file) ? fs.statSync(file).mode & 0o777 : 0o644;
  try {
    const fd = fs.openSync(tmp, 'wx', mode);
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // The previous version stays under FILE.1: a second name for the same bytes, which the
    // rename below does not touch.
    if (fs.existsSync(file)) {
      fs.rmSync(`${file}.1`, { force: true });
      fs.linkSync(file, `${file}.1`);
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fsyncPath(dir, 'r');
}
