export { BackupError, backupFileName, isBackupFileName, manifestSchema, type Manifest } from './manifest';
export { backupWithClient, createBackup, type BackupOptions, type BackupResult } from './create-backup';
export { openBackup, type OpenedBackup } from './open-backup';
export { restoreBackup, type RestoreOptions, type RestoreResult } from './restore';
export { tablesWithData } from './tables';
export { listBackups, pruneBackups } from './retention';
