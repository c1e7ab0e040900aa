import { isCategory } from '../aspirations/domain/categories';
import { invalid, notFound } from '../platform/domain/domain-errors';
import { readState } from '../platform/commands/handle-command';
import { EventLog } from '../platform/event-log/event-log';
import { RegionCatalogue } from '../regions/region-catalogue';
import { AgencyCommand } from './domain/agency.commands';
import { agencyDecider } from './domain/agency.decider';
import { AgencyState } from './domain/agency.state';
import { agencyStream } from './domain/agency.streams';

export const readAgency = (log: EventLog, agencyId: string): Promise<AgencyState> =>
  readState(log, agencyDecider, agencyStream(agencyId));

/** An agency a command points at must exist; `field` names the input that pointed at it. */
export async function requireAgency(
  log: EventLog,
  agencyId: string,
  field: string,
): Promise<AgencyState & { status: 'registered' }> {
  const agency = await readAgency(log, agencyId);
  if (agency.status !== 'registered') throw notFound('agency_not_found', `No agency ${agencyId}`, field);
  return agency;
}

/** What an agency command refers to outside its own stream: regions, categories, the parent chain. */
export async function checkAgencyReferences(
  log: EventLog,
  regions: RegionCatalogue,
  command: AgencyCommand,
): Promise<void> {
  const { data } = command;
  if ('regionCode' in data && !regions.has(data.regionCode)) {
    throw invalid('unknown_region', `Unknown region code ${data.regionCode}`, 'regionCode');
  }
  if ('categories' in data) {
    const unknown = data.categories.find((c) => !isCategory(c));
    if (unknown !== undefined) throw invalid('unknown_category', `Unknown category ${unknown}`, 'categories');
  }
  if ('parentAgencyId' in data && data.parentAgencyId)
    await checkParent(log, data.agencyId, data.parentAgencyId);
}

/** The parent must exist and must not have this agency among its own ancestors. */
async function checkParent(log: EventLog, agencyId: string, parentAgencyId: string): Promise<void> {
  let ancestor: string | undefined = parentAgencyId;
  for (let depth = 0; ancestor !== undefined && depth < 32; depth++) {
    if (ancestor === agencyId)
      throw invalid('agency_cycle', 'An agency cannot be its own ancestor', 'parentAgencyId');
    const agency = await requireAgency(log, ancestor, 'parentAgencyId');
    ancestor = agency.parentAgencyId;
  }
}
