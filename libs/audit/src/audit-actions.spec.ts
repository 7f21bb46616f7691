import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { AUDIT_ACTION_LABELS } from './audit-actions';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('AUDIT_ACTION_LABELS', () => {
  it('labels every audit action the code writes', () => {
    const root = join(__dirname, '../../..');
    const written = new Set<string>();
    for (const file of [...sources(join(root, 'libs')), ...sources(join(root, 'apps/api/src')), ...sources(join(root, 'apps/cli/src'))]) {
      const text = readFileSync(file, 'utf8');
      // action: 'x.y', action: existing ? 'x.y' : 'x.z', const action = … 'x.y' …
      for (const m of text.matchAll(/action[^\n;]*/g)) for (const a of m[0].matchAll(/'([a-z_]+\.[a-z_-]+)'/g)) written.add(a[1]);
    }
    // Actions built from a variable: import.<kind>, change_request.<verb>
    for (const kind of ['enterprises', 'figures', 'designations', 'chain-memberships']) written.add(`import.${kind}`);
    for (const verb of ['approve', 'reject']) written.add(`change_request.${verb}`);
    expect(written.size).toBeGreaterThan(30);
    expect([...written].filter((a) => !(a in AUDIT_ACTION_LABELS)).sort()).toEqual([]);
  });
});
