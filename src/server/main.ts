// First, before any library loads (see the module).
import { operatorEnvironment } from './libraries-in-production.js';
import { ConfigError, loadConfig } from '../config.js';
import { logger, setLogLevel } from '../logger.js';
import { startHub } from './start.js';

async function main(): Promise<void> {
  const config = loadConfig(operatorEnvironment);
  setLogLevel(config.logLevel);
  const hub = await startHub(config);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    const forceExit = setTimeout(() => {
      logger.error('shutdown took longer than 30 s; exiting');
      process.exit(1);
    }, 30_000);
    forceExit.unref();
    await hub.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    logger.error('hub failed to start', { err: error });
  }
  process.exit(1);
});
