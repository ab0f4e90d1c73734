import { useSession } from '../../session.js';

/** Who keeps the register (the server's breach.manage); anyone else may only report a breach. */
const KEEPERS = ['admin', 'dpo'];

export function useKeepsRegister(): boolean {
  return useSession().user.roles.some((r) => KEEPERS.includes(r));
}
