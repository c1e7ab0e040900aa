import { requireAgency } from '../../agencies/agency-references';
import { invalid } from '../../platform/domain/domain-errors';
import { EventLog } from '../../platform/event-log/event-log';
import { RegionCatalogue } from '../../regions/region-catalogue';
import { RoleName } from '../dto/invitation.dto';

/** A role as commands and tokens carry it (`official:<agency-id>`), with a facilitator's region. */
export interface Binding {
  readonly role: string;
  readonly regionCode?: string;
}

export const bindingErrors = {
  agencyRequired: () =>
    invalid('agency_required', 'An official serves one agency: send its agencyId', 'agencyId'),
  agencyNotForRole: () =>
    invalid('agency_not_for_role', 'Only an official is bound to an agency', 'agencyId'),
  unknownRegion: (code: string) => invalid('unknown_region', `Unknown region code ${code}`, 'regionCode'),
};

/**
 * What a role route's body names, checked against what exists: the agency (its stream, never a read model)
 * and the region (the national list). The decider then checks the binding's shape for the role.
 */
export async function bindingOf(
  { role, agencyId, regionCode }: { role: RoleName; agencyId?: string; regionCode?: string },
  log: EventLog,
  regions: RegionCatalogue,
): Promise<Binding> {
  const region = regionCode === undefined ? {} : { regionCode };
  if (role !== 'official') {
    if (agencyId !== undefined) throw bindingErrors.agencyNotForRole();
    if (role === 'facilitator' && regionCode !== undefined && !regions.has(regionCode))
      throw bindingErrors.unknownRegion(regionCode);
    return { role, ...region };
  }
  if (agencyId === undefined) throw bindingErrors.agencyRequired();
  await requireAgency(log, agencyId, 'agencyId');
  return { role: `official:${agencyId}`, ...region };
}
