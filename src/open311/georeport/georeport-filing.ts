import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ExecuteAspirationCommand } from '../../aspirations/aspiration-command.handler';
import { AspirationInput } from '../../aspirations/aspiration-references';
import { AuthenticatedRequest } from '../../platform/auth/auth.guard';
import { metadataOf } from '../../platform/commands/command-context';
import { CommandContexts } from '../../platform/http/command-contexts';
import { createdIdFor } from '../../platform/ids';
import { REGIONS } from '../../reference-data/reference-data.module';
import { RegionCatalogue } from '../../regions/region-catalogue';
import { KnownClient } from '../clients/open311-keys';
import { GeoReportAttribution } from './georeport-attribution';
import { FormPairs, readRequestForm } from './georeport-form';
import { SERVICE_NOTICE } from './georeport-services';
import { submissionOf } from './georeport-submission';

/**
 * POST Service Request: the form becomes a SubmitAspiration sent through the same command bus, handler and
 * decider as POST /api/aspirations. Nothing else is written.
 */
@Injectable()
export class GeoReportFiling {
  constructor(
    private readonly commands: CommandBus,
    private readonly contexts: CommandContexts,
    private readonly attribution: GeoReportAttribution,
    @Inject(REGIONS) private readonly regions: RegionCatalogue,
  ) {}

  async file(request: AuthenticatedRequest, client: KnownClient, pairs: FormPairs) {
    const { email, phone, ...submission } = submissionOf(readRequestForm(pairs), this.regions);
    const actor = await this.attribution.actorFor(client.clientId, { email, phone });
    const native = this.contexts.of({ actor, headers: request.headers } as AuthenticatedRequest);
    // Keys are the application's own: namespaced so that two applications (or the native API) never collide.
    const key = native.idempotencyKey && `open311:${client.clientId}:${native.idempotencyKey}`;
    const context = { ...native, idempotencyKey: key };
    const aspirationId = createdIdFor('aspiration', actor.id, key);
    const messageId = createdIdFor('message', actor.id, key);
    const data = { aspirationId, messageId, ...submission, visibility: 'public', anonymous: false } as const;
    const input: AspirationInput = { type: 'SubmitAspiration', data, metadata: metadataOf(context) };
    const asked = { ...submission, via: 'open311' };
    await this.commands.execute(new ExecuteAspirationCommand(aspirationId, input, context, asked));
    return [{ service_request_id: aspirationId, service_notice: SERVICE_NOTICE, account_id: null }];
  }
}
