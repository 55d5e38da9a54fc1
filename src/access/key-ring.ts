import fs from 'node:fs';
import { logger } from '../logger.js';
import { type ApiKey, readKeysFile } from './callers.js';

/**
 * The API keys in force: HUB_API_KEYS, plus those of a keys file (HUB_API_KEYS_FILE) read again when it
 * changes (looked at every second) or on SIGHUP, so keys are added, rotated and revoked without a restart.
 * A file that no longer parses leaves the keys as they were, and the log says which line is wrong.
 * Development mode (every caller has every role) only when neither is configured: an empty keys file
 * means no key is valid, not that everyone may write.
 */
export class KeyRing {
  private fileKeys: ApiKey[] = [];
  private watching = false;
  private readonly onSignal = () => this.reload('SIGHUP');

  constructor(
    private readonly envKeys: ApiKey[],
    readonly file?: string,
  ) {
    if (file) this.fileKeys = readKeysFile(file).keys;
  }

  get keys(): ApiKey[] {
    return [...this.envKeys, ...this.fileKeys];
  }

  get development(): boolean {
    return this.envKeys.length === 0 && !this.file;
  }

  /** Reads the file again; keeps the current keys when it does not parse. */
  reload(why: string): boolean {
    if (!this.file) return false;
    const { keys, problems } = readKeysFile(this.file);
    if (problems.length > 0) {
      logger.error('keys file not reloaded; the keys in force are kept', { file: this.file, why, problems });
      return false;
    }
    this.fileKeys = keys;
    logger.info('keys file reloaded', { file: this.file, why, keys: keys.map((k) => k.name) });
    return true;
  }

  watch(): void {
    if (!this.file || this.watching) return;
    this.watching = true;
    fs.watchFile(this.file, { interval: 1000 }, (now, before) => {
      if (now.mtimeMs !== before.mtimeMs || now.size !== before.size) this.reload('changed');
    });
    process.on('SIGHUP', this.onSignal);
  }

  stop(): void {
    if (!this.file || !this.watching) return;
    fs.unwatchFile(this.file);
    process.off('SIGHUP', this.onSignal);
    this.watching = false;
  }
}
