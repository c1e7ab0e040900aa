import { Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthenticatedRequest } from '../platform/auth/auth.guard';
import { CurrentActor } from '../platform/auth/current-actor.decorator';
import { Actor } from '../platform/domain/decider';
import { Public } from '../platform/auth/public.decorator';
import { conflict, forbidden, invalid } from '../platform/domain/domain-errors';
import { ApiProblems, ApiRead } from '../platform/http/openapi-responses';
import { AuditProofs } from './audit-proofs';
import { AUDIT_SIGNING_KEY } from './audit.providers';
import { CheckpointMaker } from './checkpoints/checkpoint-maker';
import { AuditSigningKey } from './checkpoints/signing-key';
import { CheckpointPageDto, ConsistencyProofDto, InclusionProofDto, TREE_SIZE } from './dto/audit.query-dto';
import {
  CheckpointPageView,
  CheckpointView,
  ConsistencyProofView,
  InclusionProofView,
  PublicKeyView,
} from './dto/audit.response';

const optional = (text: string | undefined) => (text === undefined ? undefined : Number(text));

/** Signed checkpoints of the whole log and the proofs that tie events and older checkpoints to them. */
@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(
    private readonly proofs: AuditProofs,
    private readonly maker: CheckpointMaker,
    @Inject(AUDIT_SIGNING_KEY) private readonly key: AuditSigningKey,
  ) {}

  @Public()
  @Get('public-key')
  @ApiRead(PublicKeyView)
  publicKey() {
    return { algorithm: 'Ed25519', publicKey: this.key.publicKeyPem, logId: this.key.logId };
  }

  @Public()
  @Get('checkpoints')
  @ApiRead(CheckpointPageView)
  checkpoints(@Query() query: CheckpointPageDto) {
    return this.proofs.checkpoints(optional(query.after), query.limit);
  }

  @Public()
  @Get('checkpoints/latest')
  @ApiRead(CheckpointView, 404)
  latest() {
    return this.proofs.latest();
  }

  @Public()
  @Get('checkpoints/:treeSize')
  @ApiParam({ name: 'treeSize', schema: { type: 'string', pattern: TREE_SIZE.source } })
  @ApiRead(CheckpointView, 404)
  checkpoint(@Param('treeSize') treeSize: string) {
    if (!TREE_SIZE.test(treeSize))
      throw invalid('invalid_tree_size', 'treeSize must be a whole number of events', 'treeSize');
    return this.proofs.checkpoint(Number(treeSize));
  }

  /** On demand, for auditors and admins: a checkpoint of the log as it is now. */
  @Post('checkpoints')
  @ApiResponse({ status: 201, type: CheckpointView, description: 'Signed now, covering the whole log' })
  @ApiResponse({ status: 200, type: CheckpointView, description: 'The latest already covers the whole log' })
  @ApiProblems(403, 409)
  async sign(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const actor = req.actor!;
    if (actor.role !== 'auditor' && actor.role !== 'admin')
      throw forbidden('auditors_only', 'Only auditors and admins ask for a checkpoint');
    const made = await this.maker.make(actor);
    if (!made) throw conflict('log_empty', 'The log holds no event yet: there is nothing to sign');
    void reply.status(made.created ? 201 : 200);
    return made.checkpoint;
  }

  @Public()
  @Get('proofs/inclusion')
  @ApiRead(InclusionProofView, 404)
  inclusion(@Query() query: InclusionProofDto, @CurrentActor() viewer: Actor | undefined) {
    return this.proofs.inclusion(BigInt(query.position), optional(query.treeSize), viewer);
  }

  @Public()
  @Get('proofs/consistency')
  @ApiRead(ConsistencyProofView, 404)
  consistency(@Query() query: ConsistencyProofDto) {
    return this.proofs.consistency(Number(query.from), Number(query.to));
  }
}
