import { assertNever } from '../../platform/domain/decider';
import { AgencyEvent } from './agency.events';

export interface RegisteredAgency {
  status: 'registered';
  agencyId: string;
  name: string;
  regionCode: string;
  parentAgencyId?: string;
  categories: string[];
  officials: Record<string, { name: string }>;
}

export type AgencyState = { status: 'none' } | RegisteredAgency;

export const initialState: AgencyState = { status: 'none' };

export function evolve(state: AgencyState, event: AgencyEvent): AgencyState {
  if (event.type === 'AgencyRegistered') {
    const { agencyId, name, regionCode, parentAgencyId, categories } = event.data;
    return { status: 'registered', agencyId, name, regionCode, parentAgencyId, categories, officials: {} };
  }
  // Every later event belongs to a registered agency; ignore it otherwise rather than invent state.
  if (state.status !== 'registered') return state;
  switch (event.type) {
    case 'AgencyCategoriesSet':
      return { ...state, categories: event.data.categories };
    case 'AgencyParentSet':
      return { ...state, parentAgencyId: event.data.parentAgencyId ?? undefined };
    case 'OfficialAdded':
      return {
        ...state,
        officials: { ...state.officials, [event.data.officialId]: { name: event.data.name } },
      };
    case 'OfficialRemoved': {
      const { [event.data.officialId]: _removed, ...officials } = state.officials;
      return { ...state, officials };
    }
    default:
      return assertNever(event);
  }
}
