import { builder } from '../../graphql/builder.js';
import { ACCREDITATION_STATUSES, PROVIDER_TYPES, type Provider } from '../model.js';

/** Providers: who offers micro-credentials, and whether a public register vouches for them. */

export const ProviderRef = builder.objectRef<Provider>('Provider').implement({
  description:
    'A provider of micro-credentials. Quality assurance is primarily provider-level: an offer inherits trust from an accredited provider listed in a public register.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id chosen by the publisher.' }),
    name: t.exposeString('name', { description: 'Name of the provider.' }),
    type: t.exposeString('type', { description: PROVIDER_TYPES.join(', ') }),
    country: t.exposeString('country', {
      nullable: true,
      description: 'ISO 3166 two-letter country code; null: not specified.',
    }),
    region: t.exposeString('region', { nullable: true, description: 'Region, e.g. a NUTS code; null: not specified.' }),
    accreditationStatus: t.exposeString('accreditationStatus', { description: ACCREDITATION_STATUSES.join(', ') }),
    accreditationRegister: t.exposeString('accreditationRegister', {
      nullable: true,
      description: 'The public register that lists the provider (DEQAR, a national register, …).',
    }),
    registerId: t.exposeString('registerId', {
      nullable: true,
      description: "The provider's id in that register; null: not specified.",
    }),
    website: t.exposeString('website', { nullable: true, description: 'Website URL; null: not specified.' }),
  }),
});

export const ProviderInputRef = builder.inputType('ProviderInput', {
  description: 'A provider, created or updated by id.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'Stable id chosen by the publisher; upserts are idempotent by it.' }),
    name: t.string({ required: true, description: 'Name of the provider.' }),
    type: t.string({ required: true, description: PROVIDER_TYPES.join(', ') }),
    country: t.string({ description: 'ISO 3166 two-letter code.' }),
    region: t.string({ description: 'Region, e.g. a NUTS code.' }),
    accreditationStatus: t.string({ description: `${ACCREDITATION_STATUSES.join(', ')} (default NOT_SPECIFIED).` }),
    accreditationRegister: t.string({
      description:
        'The public register that lists the provider (DEQAR, a national register, …); required when ACCREDITED.',
    }),
    registerId: t.string({ description: "The provider's id in that register." }),
    website: t.string({ description: 'Website URL.' }),
  }),
});

builder.queryFields((t) => ({
  provider: t.field({
    type: ProviderRef,
    nullable: true,
    description: 'A provider by id; null when there is none.',
    args: { id: t.arg.id({ required: true, description: 'The provider id.' }) },
    resolve: (_root, args, context) => context.loaders.catalogue.provider.load(String(args.id)),
  }),
}));
