/** Versions of what mlprep writes; readers refuse files from a newer version. */
export const HISTORY_SCHEMA_VERSION = 1;
export const EXPORT_SCHEMA_VERSION = 1;
