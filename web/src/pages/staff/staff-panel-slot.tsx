import { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CommandResult, ThreadDetail } from '../../api/types';
import { staffRoleOf, StaffRole } from '../../session/roles';
import { Signed } from '../../session/session';

type Panel = ComponentType<{ thread: ThreadDetail; done: (r: CommandResult) => void; role: StaffRole }>;

/** Staff actions on a thread, loaded only for staff: a citizen's phone never downloads them. */
export function StaffPanelSlot(props: {
  thread: ThreadDetail;
  me: Signed;
  done: (result: CommandResult) => void;
}) {
  const role = staffRoleOf(props.me);
  const [Panel, setPanel] = useState<Panel | undefined>();
  useEffect(() => {
    if (role && !Panel)
      void import('./staff-panel').then((module) => setPanel(() => module.default)).catch(() => undefined);
  }, [role?.kind]);
  return role && Panel ? <Panel thread={props.thread} done={props.done} role={role} /> : null;
}
