// deployment.toml rules (except TLS transport rules, which are in tls.ts).
import type { Rule } from '../../engine/rule';
import defaultAdminCredentials from '../default-admin-credentials';
import plaintextPassword from '../plaintext-password';
import defaultKeystore from '../default-keystore';
import secretNotEncrypted from '../secret-not-encrypted';
import secretAliasMissing from '../secret-alias-missing';
import secretsTableLast from '../secrets-table-last';
import defaultPortOffset from '../default-port-offset';
import readWriteUserStore from '../read-write-user-store';
import userStoreWithoutTls from '../user-store-without-tls';
import databaseWithoutTls from '../database-without-tls';
import h2Database from '../h2-database';
import privilegedDatastoreUser from '../privileged-datastore-user';
import miAdminCredentials from '../mi-admin-credentials';
import recoveryCallbackRegex from '../recovery-callback-regex';
import defaultAppPassword from '../default-app-password';
import sessionDataCleanup from '../session-data-cleanup';
import connectionAdminCredentials from '../connection-admin-credentials';

export const deploymentTomlRules: Rule[] = [
  defaultKeystore, // G02
  plaintextPassword, // G03
  secretNotEncrypted,
  secretAliasMissing,
  secretsTableLast,
  defaultPortOffset, // G04
  readWriteUserStore, // G05
  userStoreWithoutTls, // G06
  databaseWithoutTls,
  h2Database,
  privilegedDatastoreUser, // G07
  defaultAdminCredentials, // G18
  connectionAdminCredentials,
  recoveryCallbackRegex, // G25
  defaultAppPassword, // G26
  miAdminCredentials, // G27
  sessionDataCleanup, // G35
] as Rule[];
