// The guidelines of shared/guidelines.md (the union of the WSO2 and MWARE editions): id, exact title, checkability.
export interface Guideline {
  id: string;
  title: string;
  checkable: 'auto' | 'partial' | 'manual';
}

export const GUIDELINES: readonly Guideline[] = [
  { id: 'G01', title: 'Apply security updates', checkable: 'manual' },
  { id: 'G02', title: 'Change default keystores', checkable: 'auto' },
  { id: 'G03', title: 'Encrypt passwords in configuration files', checkable: 'auto' },
  { id: 'G04', title: 'Change default ports', checkable: 'auto' },
  { id: 'G05', title: 'Enable read-only access to external user stores', checkable: 'partial' },
  { id: 'G06', title: 'Always communicate with external user stores and databases over TLS', checkable: 'auto' },
  { id: 'G07', title: 'Connect to data stores using a less privileged user', checkable: 'partial' },
  { id: 'G08', title: 'Configure strong HTTP(S) security', checkable: 'auto' },
  { id: 'G09', title: 'Remove weak ciphers for PassThrough transport', checkable: 'auto' },
  { id: 'G10', title: 'Update the HTTP Response header "Server" value', checkable: 'auto' },
  { id: 'G11', title: 'Enable HTTP Strict Transport Security headers (HSTS)', checkable: 'partial' },
  { id: 'G12', title: 'Prevent browser caching', checkable: 'manual' },
  { id: 'G13', title: 'Increase Ephemeral Diffie-Hellman key size', checkable: 'auto' },
  { id: 'G14', title: 'Disable client-initiated renegotiation', checkable: 'auto' },
  { id: 'G15', title: 'Enable hostname verification', checkable: 'auto' },
  { id: 'G16', title: 'Enable additional XSS protection', checkable: 'auto' },
  { id: 'G17', title: 'Increase JSESSIONID length', checkable: 'auto' },
  { id: 'G18', title: 'Change default admin credentials', checkable: 'auto' },
  { id: 'G19', title: 'Restrict access to the management console', checkable: 'manual' },
  { id: 'G20', title: 'Enable log rotation and monitoring', checkable: 'auto' },
  { id: 'G21', title: 'Prevent log forging', checkable: 'auto' },
  { id: 'G22', title: 'Set appropriate JVM parameters', checkable: 'partial' },
  { id: 'G23', title: 'Restrict outbound connections of the Publisher node', checkable: 'manual' },
  { id: 'G24', title: 'Use a separate admin user account to log in to the system', checkable: 'manual' },
  { id: 'G25', title: 'Define a callback URL regular expression', checkable: 'auto' },
  { id: 'G26', title: 'Configure client authentication', checkable: 'auto' },
  { id: 'G27', title: 'Verify super admin credentials (Micro Integrator)', checkable: 'auto' },
  { id: 'G28', title: 'Run product processes with a specific OS-level user', checkable: 'partial' },
  { id: 'G29', title: 'Minimize software to avoid vulnerability', checkable: 'manual' },
  { id: 'G30', title: 'Enable the firewall', checkable: 'manual' },
  { id: 'G31', title: 'Restrict access to TCP ports used for clustering', checkable: 'manual' },
  { id: 'G32', title: 'Use Secure Shell (SSH)', checkable: 'manual' },
  { id: 'G33', title: 'Keep the system up to date', checkable: 'manual' },
  { id: 'G34', title: 'Monitor user activities', checkable: 'manual' },
  { id: 'G35', title: 'Session data cleanup', checkable: 'auto' },
  { id: 'G36', title: 'Make regular backups', checkable: 'manual' },
  { id: 'G37', title: 'Create a failover setup', checkable: 'manual' },
  { id: 'G38', title: 'Maintain network-level logging', checkable: 'manual' },
  { id: 'G39', title: 'Check open ports and services', checkable: 'manual' },
  { id: 'G40', title: 'Configure device-level security', checkable: 'manual' },
  { id: 'G41', title: 'Apply firmware updates', checkable: 'manual' },
  { id: 'G42', title: 'Block the /services and /carbon contexts from the DMZ', checkable: 'partial' },
];

const BY_ID = new Map(GUIDELINES.map((g) => [g.id, g]));

export function guideline(id: string): Guideline {
  const g = BY_ID.get(id);
  if (!g) throw new Error(`unknown guideline ${id}`);
  return g;
}
