export { BackupError, backupFileName, isBackupFileName, manifestSchema, type Manifest } from './manifest';
export { backupWithClient, createBackup, type BackupOptions, type BackupResult } from './create-backup';
export { openBackup, type OpenedBackup } from './open-backup';
export { restoreBackup, tablesWithData, type RestoreOptions, type RestoreResult } from './restore';
export { listBackups, pruneBackups } from './retention';
