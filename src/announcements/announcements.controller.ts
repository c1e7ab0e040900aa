import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { EmptyDto, ReasonDto } from '../aspirations/dto/aspiration.dto';
import { ReadPositionDto } from '../aspirations/queries/list-threads.query-dto';
import { AuthenticatedRequest } from '../platform/auth/auth.guard';
import { Public } from '../platform/auth/public.decorator';
import { createdIdFor } from '../platform/ids';
import { CommandContexts } from '../platform/http/command-contexts';
import { CommandResponse } from '../platform/http/command-response';
import { UuidParam } from '../platform/http/id.pipe';
import { ApiCommand, ApiRead } from '../platform/http/openapi-responses';
import { Acknowledge } from './acknowledge.handler';
import { ExecuteAnnouncementCommand } from './announcement-command.handler';
import { AnnouncementCommand } from './domain/announcement.commands';
import {
  AnswerDto,
  CorrectAnnouncementDto,
  PublishAnnouncementDto,
  QuestionDto,
} from './dto/announcement.dto';
import { ListAnnouncementsDto, MyAnnouncementsDto } from './dto/announcement-query.dto';
import {
  AnnouncementCommandResponseView,
  QuestionAskedResponseView,
  AnnouncementDetailView,
  AnnouncementPageView,
} from './dto/announcement.response';
import { GetAnnouncement } from './queries/get-announcement.handler';
import { ListAnnouncements, ListMyAnnouncements } from './queries/list-announcements.handler';

const Id = () => Param('id', new UuidParam('id'));

/** The announcement API: one POST per verb and the reads. Translates requests into commands and queries only. */
@ApiTags('announcements')
@Controller('api')
export class AnnouncementsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly contexts: CommandContexts,
  ) {}

  private send(
    req: AuthenticatedRequest,
    id: string,
    type: AnnouncementCommand['type'],
    data: Record<string, unknown>,
    body: unknown,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ExecuteAnnouncementCommand(id, type, data, this.contexts.of(req), body));
  }

  /** An official (for their agency) or a facilitator (within their region) publishes to a region or to groups. */
  @Post('announcements')
  @HttpCode(201)
  @ApiCommand(201, AnnouncementCommandResponseView)
  publish(@Req() req: AuthenticatedRequest, @Body() body: PublishAnnouncementDto) {
    const context = this.contexts.of(req);
    // A retry with the same Idempotency-Key publishes the same announcement.
    const id = createdIdFor('announcement', context.actor.id, context.idempotencyKey);
    return this.send(req, id, 'PublishAnnouncement', { announcementId: id, ...body }, body);
  }

  /** A new version of the text; the earlier ones stay, shown as corrected. */
  @Post('announcements/:id/corrections')
  @HttpCode(201)
  @ApiCommand(201, AnnouncementCommandResponseView)
  correct(@Req() req: AuthenticatedRequest, @Id() id: string, @Body() body: CorrectAnnouncementDto) {
    return this.send(req, id, 'CorrectAnnouncement', { ...body }, body);
  }

  @Post('announcements/:id/withdraw')
  @HttpCode(200)
  @ApiCommand(200, AnnouncementCommandResponseView)
  withdraw(@Req() req: AuthenticatedRequest, @Id() id: string, @Body() body: ReasonDto) {
    return this.send(req, id, 'WithdrawAnnouncement', { reason: body.reason }, body);
  }

  /** Once per person: a second acknowledgement changes nothing and answers the same. */
  @Post('announcements/:id/acknowledgements')
  @HttpCode(200)
  @ApiCommand(200, AnnouncementCommandResponseView)
  acknowledge(@Req() req: AuthenticatedRequest, @Id() id: string, @Body() _: EmptyDto) {
    return this.commands.execute(new Acknowledge(id, this.contexts.of(req)));
  }

  @Post('announcements/:id/questions')
  @HttpCode(201)
  @ApiCommand(201, QuestionAskedResponseView)
  async ask(@Req() req: AuthenticatedRequest, @Id() id: string, @Body() body: QuestionDto) {
    const context = this.contexts.of(req);
    const questionId = createdIdFor('announcement-question', context.actor.id, context.idempotencyKey);
    // The asker learns the question's id, as a reply's author learns its messageId.
    return {
      ...(await this.send(req, id, 'AskQuestion', { questionId, text: body.text }, body)),
      questionId,
    };
  }

  @Post('announcements/:id/questions/:questionId/answer')
  @HttpCode(200)
  @ApiCommand(200, AnnouncementCommandResponseView)
  answer(
    @Req() req: AuthenticatedRequest,
    @Id() id: string,
    @Param('questionId', new UuidParam('questionId')) questionId: string,
    @Body() body: AnswerDto,
  ) {
    return this.send(req, id, 'AnswerQuestion', { questionId, text: body.text }, { questionId, ...body });
  }

  /** Region announcements are public; group ones show to those who may see them. */
  @Public()
  @Get('announcements')
  @ApiRead(AnnouncementPageView)
  list(@Req() req: AuthenticatedRequest, @Query() query: ListAnnouncementsDto) {
    return this.queries.execute(new ListAnnouncements(query, req.actor));
  }

  @Public()
  @Get('announcements/:id')
  @ApiRead(AnnouncementDetailView, 404)
  detail(@Req() req: AuthenticatedRequest, @Id() id: string, @Query() query: ReadPositionDto) {
    return this.queries.execute(new GetAnnouncement(id, req.actor, query.minPosition));
  }

  /** What reaches the caller through their groups: to the groups, and to their regions and those above. */
  @Get('me/announcements')
  @ApiRead(AnnouncementPageView)
  mine(@Req() req: AuthenticatedRequest, @Query() query: MyAnnouncementsDto) {
    return this.queries.execute(new ListMyAnnouncements(query, this.contexts.of(req).actor));
  }
}
