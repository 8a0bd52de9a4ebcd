/** The metadata every sandbox environment starts with: what the common dual-write maps touch. */

export interface TableSeed {
  logicalName: string;
  entitySet: string;
  columns: string[];
  /** Lookup column -> the table it points at. */
  lookups: Record<string, string>;
}

const COMMON_COLUMNS = ["createdon", "modifiedon", "versionnumber", "statecode", "statuscode", "ownerid"];
const COMPANY = { msdyn_company: "cdm_company" };

function table(logicalName: string, entitySet: string, columns: string[], lookups: Record<string, string> = {}): TableSeed {
  const all = new Set([`${logicalName}id`, ...columns, ...Object.keys(lookups), ...COMMON_COLUMNS]);
  return { logicalName, entitySet, columns: [...all], lookups };
}

export const TABLE_SEEDS: readonly TableSeed[] = [
  table(
    "account",
    "accounts",
    [
      "accountnumber", "name", "creditlimit", "msdyn_creditlimitismandatory", "msdyn_onholdstatus", "emailaddress1", "telephone1",
      "websiteurl", "address2_line1", "address2_city", "address2_postalcode", "address2_country", "address2_latitude",
      "address2_longitude", "address1_line1", "address1_city", "address1_postalcode", "address1_country", "customertypecode",
      "address1_addresstypecode", "msdyn_partynumber", "msdyn_invoiceaddress",
    ],
    {
      ...COMPANY,
      transactioncurrencyid: "transactioncurrency",
      msdyn_customergroupid: "msdyn_customergroup",
      msdyn_paymentterm: "msdyn_paymentterm",
      msdyn_billingaccount: "account",
      primarycontactid: "contact",
    },
  ),
  table(
    "contact",
    "contacts",
    [
      "msdyn_contactpersonid", "msdyn_partynumber", "firstname", "middlename", "lastname", "fullname", "emailaddress1", "telephone1",
      "department", "jobtitle", "address1_line1", "address1_city", "address1_postalcode", "address1_country", "donotemail",
      "msdyn_contactforvendor", "msdyn_sellable", "gendercode",
    ],
    { ...COMPANY, msdyn_vendorcontactid: "msdyn_vendor", parentcustomerid: "account" },
  ),
  table("cdm_company", "cdm_companies", ["cdm_companycode", "cdm_name"]),
  table("transactioncurrency", "transactioncurrencies", ["isocurrencycode", "currencyname", "currencysymbol", "exchangerate", "currencyprecision"]),
  table(
    "msdyn_customergroup",
    "msdyn_customergroups",
    ["msdyn_groupid", "msdyn_description", "msdyn_issalestaxincludedinprice"],
    { ...COMPANY, msdyn_paymenttermid: "msdyn_paymentterm" },
  ),
  table("msdyn_vendorgroup", "msdyn_vendorgroups", ["msdyn_vendorgroup", "msdyn_description"], { ...COMPANY, msdyn_paymentterms: "msdyn_paymentterm" }),
  table(
    "msdyn_vendor",
    "msdyn_vendors",
    ["msdyn_vendoraccountnumber", "msdyn_name", "msdyn_isperson", "msdyn_vendorcreditlimit", "msdyn_isonetimevendor", "msdyn_onholdstatus", "msdyn_dunsnumber"],
    {
      ...COMPANY,
      msdyn_vendorgroupid: "msdyn_vendorgroup",
      msdyn_currencycode: "transactioncurrency",
      msdyn_paymentterms: "msdyn_paymentterm",
      msdyn_invoicevendoraccountnumber: "msdyn_vendor",
    },
  ),
  table(
    "msdyn_paymentterm",
    "msdyn_paymentterms",
    ["msdyn_name", "msdyn_description", "msdyn_days", "msdyn_numberofmonth", "msdyn_iscashpayment", "msdyn_isdefaultpaymentterm", "msdyn_paymentmethodtype"],
    COMPANY,
  ),
  table("msdyn_dualwriteentitymap", "msdyn_dualwriteentitymaps", ["msdyn_name", "msdyn_displayname", "msdyn_mapping", "msdyn_properties", "msdyn_version", "solutionid"]),
  // The organization a runtime row was written for: the dual-write plug-in compares it with its own
  // (docs data-entities/dual-write/dual-write-troubleshooting-live-sync.md, "SecureConfig Organization").
  table("msdyn_dualwriteruntimeconfig", "msdyn_dualwriteruntimeconfigs", ["msdyn_name", "msdyn_unsecure", "msdyn_secureconfig"]),
  // Documented Web API tables (docs power-apps reference/entities/publisher.md, solution.md).
  table("publisher", "publishers", ["uniquename", "friendlyname", "customizationprefix"]),
  table("solution", "solutions", ["uniquename", "friendlyname", "version", "ismanaged", "description"], { publisherid: "publisher" }),
  table("environmentvariabledefinition", "environmentvariabledefinitions", ["schemaname", "displayname", "type", "defaultvalue"]),
  table("environmentvariablevalue", "environmentvariablevalues", ["schemaname", "value"], { environmentvariabledefinitionid: "environmentvariabledefinition" }),
];

export interface EntityProperty {
  Name: string;
  DataType: "String" | "Enum" | "Real" | "Int" | "Date";
  IsKey: boolean;
  IsMandatory: boolean;
  /** The enumeration of an Enum property. */
  TypeName?: string;
}

export interface EntitySeed {
  Name: string;
  EntitySetName: string;
  /** Company-specific entities carry dataAreaId in their key. */
  companySpecific: boolean;
  Properties: EntityProperty[];
}

type PropertyShorthand = string | [name: string, type: EntityProperty["DataType"], enumName?: string];

function entity(name: string, entitySet: string, companySpecific: boolean, keys: string[], others: PropertyShorthand[], mandatory: string[] = []): EntitySeed {
  const properties: EntityProperty[] = [];
  if (companySpecific) properties.push({ Name: "dataAreaId", DataType: "String", IsKey: true, IsMandatory: true });
  for (const key of keys) properties.push({ Name: key, DataType: "String", IsKey: true, IsMandatory: true });
  for (const other of others) {
    const [propertyName, dataType, enumName] = typeof other === "string" ? [other, "String" as const, undefined] : other;
    const property: EntityProperty = { Name: propertyName, DataType: dataType, IsKey: false, IsMandatory: mandatory.includes(propertyName) };
    if (enumName !== undefined) property.TypeName = enumName;
    properties.push(property);
  }
  return { Name: name, EntitySetName: entitySet, companySpecific, Properties: properties };
}

export const ENTITY_SEEDS: readonly EntitySeed[] = [
  entity(
    "CustomersV3",
    "CustomersV3",
    true,
    ["CustomerAccount"],
    [
      "OrganizationName", ["CreditLimit", "Real"], "SalesCurrencyCode", "CustomerGroupId", "PaymentTerms", "InvoiceAccount",
      ["CreditLimitIsMandatory", "Enum", "NoYes"], ["OnHoldStatus", "Enum", "CustVendorBlocked"], "PrimaryContactEmail",
      "PrimaryContactPhone", "PrimaryContactURL", "InvoiceAddressStreet", "InvoiceAddressCity", "InvoiceAddressZipCode",
      "InvoiceAddressCountryRegionISOCode", ["InvoiceAddressLatitude", "Real"], ["InvoiceAddressLongitude", "Real"],
      "DeliveryAddressStreet", "DeliveryAddressCity", "DeliveryAddressZipCode", "DeliveryAddressCountryRegionISOCode", "LanguageId",
      ["PartyType", "Enum", "DirPartyBaseType"], "PartyNumber", "ContactPersonId", ["InvoiceAddress", "Enum", "InvoiceAddressType"],
    ],
    ["CustomerGroupId", "SalesCurrencyCode"],
  ),
  entity(
    "CDSContactsV2",
    "CDSContactsV2",
    true,
    ["ContactPersonId"],
    [
      "ContactPersonPartyNumber", "AssociatedContactNumber", "FirstName", "MiddleName", "LastName", "PrimaryEmailAddress",
      "PrimaryPhoneNumber", "EmploymentDepartment", "EmploymentProfession", "PrimaryAddressStreet", "PrimaryAddressCity",
      "PrimaryAddressZipCode", "PrimaryAddressCountryRegionId", ["IsReceivingDirectMail", "Enum", "NoYes"],
      ["AssociatedContactType", "Enum", "ContactPersonAssociatedContactType"], ["Gender", "Enum", "Gender"],
    ],
  ),
  entity("Currencies", "Currencies", false, ["CurrencyCode"], ["Name", "Symbol"]),
  entity("CustCustomerGroup", "CustCustomerGroup", true, ["CustomerGroupId"], ["Description", ["IsSalesTaxIncludedInPrice", "Enum", "NoYes"], "PaymentTermId"]),
  entity("LegalEntities", "LegalEntities", false, ["LegalEntityId"], ["Name"]),
  entity(
    "TermsofPayment",
    "TermsofPayment",
    true,
    ["Name"],
    ["Description", ["NumberOfDays", "Int"], ["NumberOfMonths", "Int"], ["IsCashPayment", "Enum", "NoYes"], ["IsDefaultPaymentTerm", "Enum", "NoYes"], ["PaymentMethodType", "Enum", "NetCurrent"]],
  ),
  entity("VendVendorGroup", "VendVendorGroup", true, ["VendorGroupId"], ["Description", "DefaultPaymentTermName"]),
  entity(
    "VendorsV2",
    "VendorsV2",
    true,
    ["VendorAccountNumber"],
    [
      "VendorGroupId", ["VendorPartyType", "Enum", "DirPartyBaseType"], "CurrencyCode", "DefaultPaymentTermsName",
      "InvoiceVendorAccountNumber", ["CreditLimit", "Real"], ["IsOneTimeVendor", "Enum", "NoYes"], ["OnHoldStatus", "Enum", "CustVendorBlocked"],
      "DUNSNumber", "VendorOrganizationName",
    ],
    ["VendorGroupId"],
  ),
];

export interface EnumSeed {
  Name: string;
  Members: { Name: string; Value: number }[];
}

function enumeration(name: string, members: string[], values?: number[]): EnumSeed {
  return { Name: name, Members: members.map((member, index) => ({ Name: member, Value: values?.[index] ?? index })) };
}

export const ENUM_SEEDS: readonly EnumSeed[] = [
  enumeration("NoYes", ["No", "Yes"]),
  enumeration("CustVendorBlocked", ["No", "Invoice", "All", "Payment", "Requisition", "Never"]),
  enumeration("DirPartyBaseType", ["None", "Person", "Organization"]),
  enumeration("NetCurrent", ["Net", "CurrentMth", "CurrentQuart", "CurrentYear", "CurrentWeek", "COD", "CutOffDate"]),
  enumeration("ContactPersonAssociatedContactType", ["None", "Vendor", "Customer", "Prospect"]),
  enumeration("Gender", ["Unknown", "Male", "Female", "NonSpecific"]),
  enumeration("InvoiceAddressType", ["InvoiceAccount", "OrderAccount"]),
];
