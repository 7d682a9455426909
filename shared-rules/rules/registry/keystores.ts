// Keystore-contents rules: they open the stores deployment.toml configures (G02 beyond the file names).
import type { Rule } from '../../engine/rule';
import keystoreDefaultCertificate from '../keystore-default-certificate';
import keystoreWeakKey from '../keystore-weak-key';
import keystoreWeakSignature from '../keystore-weak-signature';
import keystoreCertificateExpiry from '../keystore-certificate-expiry';
import keystoreUnreadable from '../keystore-unreadable';

export const keystoreRules: Rule[] = [
  keystoreDefaultCertificate,
  keystoreWeakKey,
  keystoreWeakSignature,
  keystoreCertificateExpiry,
  keystoreUnreadable,
] as Rule[];
