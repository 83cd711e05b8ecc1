import { PasswordField as PasswordField_3817bf644402e67bfe6577f60ef982de } from '@payloadcms/ui'
import { EventToolsLinks as EventToolsLinks_84589480ae0de6bbb07010022c743822 } from '@event-portal/cms/plugin/client'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ZonedDateCell as ZonedDateCell_84589480ae0de6bbb07010022c743822 } from '@event-portal/cms/plugin/client'
import { ZonedDateTimeField as ZonedDateTimeField_84589480ae0de6bbb07010022c743822 } from '@event-portal/cms/plugin/client'
import { TimeZoneSelectField as TimeZoneSelectField_84589480ae0de6bbb07010022c743822 } from '@event-portal/cms/plugin/client'
import { MoneyCell as MoneyCell_84589480ae0de6bbb07010022c743822 } from '@event-portal/cms/plugin/client'
import { MoneyField as MoneyField_84589480ae0de6bbb07010022c743822 } from '@event-portal/cms/plugin/client'
import { NamedRowLabel as NamedRowLabel_84589480ae0de6bbb07010022c743822 } from '@event-portal/cms/plugin/client'
import { EventWorkflow as EventWorkflow_84589480ae0de6bbb07010022c743822 } from '@event-portal/cms/plugin/client'
import { AgendaImport as AgendaImport_84589480ae0de6bbb07010022c743822 } from '@event-portal/cms/plugin/client'
import { SpeakerClashWarning as SpeakerClashWarning_84589480ae0de6bbb07010022c743822 } from '@event-portal/cms/plugin/client'
import { EventZonedDateTimeField as EventZonedDateTimeField_84589480ae0de6bbb07010022c743822 } from '@event-portal/cms/plugin/client'
import { CampaignProgress as CampaignProgress_84589480ae0de6bbb07010022c743822 } from '@event-portal/cms/plugin/client'
import { NavLinks as NavLinks_84589480ae0de6bbb07010022c743822 } from '@event-portal/cms/plugin/client'
import { DashboardIntro as DashboardIntro_84589480ae0de6bbb07010022c743822 } from '@event-portal/cms/plugin/client'
import { AnalyticsView as AnalyticsView_4a3c9953ba42934c6945440c395d776f } from '@event-portal/cms/plugin/rsc'
import { ApprovalsView as ApprovalsView_4a3c9953ba42934c6945440c395d776f } from '@event-portal/cms/plugin/rsc'
import { OverviewView as OverviewView_4a3c9953ba42934c6945440c395d776f } from '@event-portal/cms/plugin/rsc'
import { AttendeesView as AttendeesView_4a3c9953ba42934c6945440c395d776f } from '@event-portal/cms/plugin/rsc'
import { ModerationView as ModerationView_4a3c9953ba42934c6945440c395d776f } from '@event-portal/cms/plugin/rsc'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/ui#PasswordField": PasswordField_3817bf644402e67bfe6577f60ef982de,
  "@event-portal/cms/plugin/client#EventToolsLinks": EventToolsLinks_84589480ae0de6bbb07010022c743822,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@event-portal/cms/plugin/client#ZonedDateCell": ZonedDateCell_84589480ae0de6bbb07010022c743822,
  "@event-portal/cms/plugin/client#ZonedDateTimeField": ZonedDateTimeField_84589480ae0de6bbb07010022c743822,
  "@event-portal/cms/plugin/client#TimeZoneSelectField": TimeZoneSelectField_84589480ae0de6bbb07010022c743822,
  "@event-portal/cms/plugin/client#MoneyCell": MoneyCell_84589480ae0de6bbb07010022c743822,
  "@event-portal/cms/plugin/client#MoneyField": MoneyField_84589480ae0de6bbb07010022c743822,
  "@event-portal/cms/plugin/client#NamedRowLabel": NamedRowLabel_84589480ae0de6bbb07010022c743822,
  "@event-portal/cms/plugin/client#EventWorkflow": EventWorkflow_84589480ae0de6bbb07010022c743822,
  "@event-portal/cms/plugin/client#AgendaImport": AgendaImport_84589480ae0de6bbb07010022c743822,
  "@event-portal/cms/plugin/client#SpeakerClashWarning": SpeakerClashWarning_84589480ae0de6bbb07010022c743822,
  "@event-portal/cms/plugin/client#EventZonedDateTimeField": EventZonedDateTimeField_84589480ae0de6bbb07010022c743822,
  "@event-portal/cms/plugin/client#CampaignProgress": CampaignProgress_84589480ae0de6bbb07010022c743822,
  "@event-portal/cms/plugin/client#NavLinks": NavLinks_84589480ae0de6bbb07010022c743822,
  "@event-portal/cms/plugin/client#DashboardIntro": DashboardIntro_84589480ae0de6bbb07010022c743822,
  "@event-portal/cms/plugin/rsc#AnalyticsView": AnalyticsView_4a3c9953ba42934c6945440c395d776f,
  "@event-portal/cms/plugin/rsc#ApprovalsView": ApprovalsView_4a3c9953ba42934c6945440c395d776f,
  "@event-portal/cms/plugin/rsc#OverviewView": OverviewView_4a3c9953ba42934c6945440c395d776f,
  "@event-portal/cms/plugin/rsc#AttendeesView": AttendeesView_4a3c9953ba42934c6945440c395d776f,
  "@event-portal/cms/plugin/rsc#ModerationView": ModerationView_4a3c9953ba42934c6945440c395d776f,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
