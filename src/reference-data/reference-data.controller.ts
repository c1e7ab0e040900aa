import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { aspirationCategories } from '../aspirations/domain/categories';
import { Public } from '../platform/auth/public.decorator';
import { invalid, notFound } from '../platform/domain/domain-errors';
import { ApiRead } from '../platform/http/openapi-responses';
import { RegionCatalogue } from '../regions/region-catalogue';
import { childRegions, regionEntry, searchRegions } from '../regions/region-search';
import { CategoryListView, RegionListView } from './dto/reference-data.response';
import { RegionQueryDto } from './dto/region-query.dto';
import { REGIONS } from './reference-data.module';

/** The fixed lists forms and filters are built from: categories and the national region tree. */
@ApiTags('reference data')
@Controller('api')
export class ReferenceDataController {
  constructor(@Inject(REGIONS) private readonly regions: RegionCatalogue) {}

  @Public()
  @Get('categories')
  @ApiRead(CategoryListView)
  categories() {
    return {
      items: aspirationCategories.map(({ code, name, defaultAgencyId }) => ({ code, name, defaultAgencyId })),
    };
  }

  /** Children of `parent` (the provinces without it), a name search `q` (within `parent` if given), or a lookup. */
  @Public()
  @Get('regions')
  @ApiRead(RegionListView, 404)
  list(@Query() query: RegionQueryDto) {
    const { parent, q, codes, limit } = query;
    if (codes !== undefined) {
      if (parent !== undefined || q !== undefined)
        throw invalid('invalid_request', 'codes cannot be combined with parent or q', 'codes');
      const known = [...new Set(codes.split(','))].filter((code) => this.regions.has(code));
      return { items: known.map((code) => regionEntry(this.regions, code)) };
    }
    if (parent !== undefined && !this.regions.has(parent))
      throw notFound('region_not_found', `No region ${parent}`, 'parent');
    if (q !== undefined) return { items: searchRegions(this.regions, q, { within: parent, limit }) };
    return { items: childRegions(this.regions, parent) };
  }
}
