import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthenticatedRequest } from '../../platform/auth/auth.guard';
import { Public } from '../../platform/auth/public.decorator';
import { CLOCK, Clock } from '../../platform/clock';
import { Open311Access } from '../clients/open311-access';
import { discoveryOf } from './georeport-discovery';
import { GeoReportError, notFound } from './georeport-error';
import { GeoReportErrorFilter } from './georeport-error.filter';
import { GeoReportFiling } from './georeport-filing';
import { formatOf, MEDIA_TYPES, render } from './georeport-format';
import { FormPairs } from './georeport-form';
import { GeoReportReads } from './georeport-reads';
import { isRequestId, parseRequestsQuery } from './georeport-requests-query';
import { serviceDefinition, serviceList } from './georeport-services';
import { GeoReportValue } from './georeport-xml';

type QueryString = Record<string, unknown>;

/** A form body arrives as its fields in order (georeport-http.ts); any other body is not one. */
const isForm = (body: unknown): body is FormPairs => Array.isArray(body);

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) beside the native API: its resources in JSON and XML,
 * mapped onto the same command path and read models. The specification describes it, so the native OpenAPI
 * document leaves it out; its errors are in the specification's format (GeoReportErrorFilter).
 */
@ApiExcludeController()
@Public()
@UseFilters(GeoReportErrorFilter)
@Controller('open311/v2')
export class GeoReportController {
  constructor(
    private readonly reads: GeoReportReads,
    private readonly filing: GeoReportFiling,
    private readonly access: Open311Access,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('discovery.:format')
  async discovery(
    @Req() req: AuthenticatedRequest,
    @Param('format') format: string,
    @Res() reply: FastifyReply,
  ) {
    formatOf(format);
    const discovery = discoveryOf(`${req.protocol}://${req.host}`, await this.reads.changeset());
    this.send(reply, format, 'discovery', discovery);
  }

  @Get('services.:format')
  async services(@Param('format') format: string, @Query() query: QueryString, @Res() reply: FastifyReply) {
    formatOf(format);
    await this.access.optional(query);
    this.send(reply, format, 'services', serviceList(await this.reads.agencyNames()));
  }

  @Get('services/:code.:format')
  async definition(
    @Param('code') code: string,
    @Param('format') format: string,
    @Query() query: QueryString,
    @Res() reply: FastifyReply,
  ) {
    formatOf(format);
    await this.access.optional(query);
    this.send(reply, format, 'service_definition', serviceDefinition(code));
  }

  @Get('requests.:format')
  async requests(@Param('format') format: string, @Query() query: QueryString, @Res() reply: FastifyReply) {
    formatOf(format);
    await this.access.optional(query);
    const found = await this.reads.requests(parseRequestsQuery(query, this.clock.now()));
    this.send(reply, format, 'service_requests', found);
  }

  @Post('requests.:format')
  async file(
    @Req() req: AuthenticatedRequest,
    @Param('format') format: string,
    @Query() query: QueryString,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ) {
    formatOf(format);
    if (!isForm(body))
      throw new GeoReportError(415, 'Send the request as application/x-www-form-urlencoded; charset=utf-8');
    const client = await this.access.required(Object.fromEntries(body), query);
    this.send(reply, format, 'service_requests', await this.filing.file(req, client, body), 201);
  }

  @Get('requests/:id.:format')
  async request(
    @Param('id') id: string,
    @Param('format') format: string,
    @Query() query: QueryString,
    @Res() reply: FastifyReply,
  ) {
    formatOf(format);
    this.send(reply, format, 'service_requests', await this.findOne(id, query, 'service_request_id'));
  }

  /** Creation is realtime (no token is ever handed out), so a request's token is its id. */
  @Get('tokens/:token.:format')
  async token(
    @Param('token') token: string,
    @Param('format') format: string,
    @Query() query: QueryString,
    @Res() reply: FastifyReply,
  ) {
    formatOf(format);
    const found = await this.findOne(token, query, 'token');
    this.send(reply, format, 'service_requests', [
      { service_request_id: found[0].service_request_id, token },
    ]);
  }

  /** One request by its id, if the caller may see it; anything else is not found (ids cannot be probed). */
  private async findOne(id: string, query: QueryString, name: string) {
    await this.access.optional(query);
    if (!isRequestId(id)) throw notFound(`${name} ${id.slice(0, 64)} was not found`);
    const found = await this.reads.requests({ kind: 'ids', ids: [id] });
    if (found.length === 0) throw notFound(`${name} ${id} was not found`);
    return found;
  }

  private send(reply: FastifyReply, format: string, root: string, value: GeoReportValue, status = 200): void {
    const known = formatOf(format);
    void reply
      .status(status)
      .header('content-type', MEDIA_TYPES[known])
      .send(render(known, root, value));
  }
}
