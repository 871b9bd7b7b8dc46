import envPaths from 'env-paths';
import path from 'node:path';

/** Where history lives: $MLPREP_HOME, else the platform's data directory. */
export function dataHome(env: NodeJS.ProcessEnv = process.env): string {
  const home = env.MLPREP_HOME?.trim();
  return home ? path.resolve(home) : envPaths('mlprep', { suffix: '' }).data;
}

export function sessionsDir(home: string): string {
  return path.join(home, 'sessions');
}

/** Where derived, disposable data (the validated-bank cache) lives. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = env.MLPREP_HOME?.trim();
  return home ? path.join(path.resolve(home), 'cache') : envPaths('mlprep', { suffix: '' }).cache;
}
