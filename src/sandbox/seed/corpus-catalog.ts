// Generated from test/corpus/templates and maps by scripts/generate-sandbox-catalog.mjs (src/sandbox/seed/derive-catalog.ts).
// Do not edit: change the YAML and regenerate. test/sandbox/corpus-catalog.test.ts fails when this is stale.
import type { SandboxCatalog } from "./derive-catalog.js";

export const CORPUS_CATALOG: SandboxCatalog = {
  "tables": [
    {
      "logicalName": "account",
      "entitySet": "accounts",
      "columns": {
        "accountnumber": "String",
        "address1_addresstypecode": "Picklist",
        "address1_city": "String",
        "address1_country": "String",
        "address1_county": "String",
        "address1_latitude": "String",
        "address1_line1": "String",
        "address1_longitude": "String",
        "address1_postalcode": "String",
        "address1_stateorprovince": "String",
        "address2_city": "String",
        "address2_country": "String",
        "address2_county": "String",
        "address2_latitude": "String",
        "address2_line1": "String",
        "address2_longitude": "String",
        "address2_postalcode": "String",
        "address2_stateorprovince": "String",
        "creditlimit": "String",
        "customertypecode": "Picklist",
        "description": "String",
        "emailaddress1": "String",
        "fax": "String",
        "msdyn_billingaccount": "Lookup",
        "msdyn_company": "Lookup",
        "msdyn_creditlimitismandatory": "Boolean",
        "msdyn_creditrating": "String",
        "msdyn_customergroupid": "Lookup",
        "msdyn_customerpaymentmethod": "Lookup",
        "msdyn_emailaddress1description": "String",
        "msdyn_faxdescription": "String",
        "msdyn_faxextension": "String",
        "msdyn_identificationnumber": "String",
        "msdyn_invoiceaddress": "String",
        "msdyn_onetimecustomer": "Boolean",
        "msdyn_onholdstatus": "Picklist",
        "msdyn_partycountry": "String",
        "msdyn_partyid": "Lookup",
        "msdyn_partynumber": "String",
        "msdyn_partystateprovince": "String",
        "msdyn_paymentday": "Lookup",
        "msdyn_paymentschedule": "Lookup",
        "msdyn_paymentterm": "Lookup",
        "msdyn_paymenttermsbasedays": "String",
        "msdyn_primarycontact": "Lookup",
        "msdyn_primaryfacebookdescription": "String",
        "msdyn_primaryfacebookid": "String",
        "msdyn_primarylinkedindescrption": "String",
        "msdyn_primarylinkedinid": "String",
        "msdyn_primarytwitteriddescription": "String",
        "msdyn_salestaxgroup": "Lookup",
        "msdyn_taxexemptnumber": "String",
        "msdyn_telephone1description": "String",
        "msdyn_telephone1extension": "String",
        "msdyn_vendor": "Lookup",
        "msdyn_websiteurldescription": "String",
        "name": "String",
        "numberofemployees": "String",
        "primarycontactid": "Lookup",
        "primarytwitterid": "String",
        "telephone1": "String",
        "transactioncurrencyid": "Lookup",
        "websiteurl": "String"
      },
      "lookups": {
        "msdyn_billingaccount": [
          "account"
        ],
        "msdyn_company": [
          "cdm_company"
        ],
        "msdyn_customergroupid": [
          "msdyn_customergroup"
        ],
        "msdyn_customerpaymentmethod": [
          "msdyn_customerpaymentmethod"
        ],
        "msdyn_partyid": [
          "msdyn_party"
        ],
        "msdyn_paymentday": [
          "msdyn_paymentday"
        ],
        "msdyn_paymentschedule": [
          "msdyn_paymentschedule"
        ],
        "msdyn_paymentterm": [
          "msdyn_paymentterm"
        ],
        "msdyn_primarycontact": [
          "msdyn_contactforparty"
        ],
        "msdyn_salestaxgroup": [
          "msdyn_taxgroup"
        ],
        "msdyn_vendor": [
          "msdyn_vendor"
        ],
        "primarycontactid": [
          "contact"
        ],
        "transactioncurrencyid": [
          "transactioncurrency"
        ]
      }
    },
    {
      "logicalName": "annotation",
      "entitySet": "annotations",
      "columns": {
        "msdyn_notesid": "String",
        "msdyn_relatedentityid": "String",
        "msdyn_relatedentityid2": "String",
        "msdyn_restriction": "Picklist",
        "notetext": "String",
        "objecttypecode": "String",
        "subject": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "cdm_company",
      "entitySet": "cdm_companies",
      "columns": {
        "cdm_companycode": "String",
        "cdm_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "cdm_department",
      "entitySet": "cdm_departments",
      "columns": {
        "cdm_departmentnumber": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "cdm_employment",
      "entitySet": "cdm_employments",
      "columns": {
        "cdm_adjustedworkerstartdate": "String",
        "cdm_companyid": "Lookup",
        "cdm_employernoticeamount": "String",
        "cdm_employerunitofnotice": "String",
        "cdm_employmentenddate": "String",
        "cdm_employmentstartdate": "String",
        "cdm_lastdateworked": "String",
        "cdm_transitiondate": "String",
        "cdm_validfrom": "String",
        "cdm_validto": "String",
        "cdm_workerid": "Lookup",
        "cdm_workernoticeamount": "String",
        "cdm_workertype": "Picklist",
        "cdm_workerunitofnotice": "String"
      },
      "lookups": {
        "cdm_companyid": [
          "cdm_company"
        ],
        "cdm_workerid": [
          "cdm_worker"
        ]
      }
    },
    {
      "logicalName": "cdm_ethnicorigin",
      "entitySet": "cdm_ethnicorigins",
      "columns": {
        "cdm_description": "String",
        "cdm_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "cdm_job",
      "entitySet": "cdm_jobs",
      "columns": {
        "cdm_allowunlimitedpositions": "Boolean",
        "cdm_defaultfulltimeequivalent": "String",
        "cdm_description": "String",
        "cdm_jobdescription": "String",
        "cdm_jobfunctionid": "Lookup",
        "cdm_jobtypeid": "Lookup",
        "cdm_maximumnumberofpositions": "String",
        "cdm_name": "String",
        "cdm_validfrom": "String",
        "cdm_validto": "String"
      },
      "lookups": {
        "cdm_jobfunctionid": [
          "cdm_positiontype"
        ],
        "cdm_jobtypeid": [
          "cdm_positiontype"
        ]
      }
    },
    {
      "logicalName": "cdm_jobfunction",
      "entitySet": "cdm_jobfunctions",
      "columns": {
        "cdm_description": "String",
        "cdm_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "cdm_jobposition",
      "entitySet": "cdm_jobpositions",
      "columns": {
        "cdm_activation": "String",
        "cdm_availableforassignment": "String",
        "cdm_departmentid": "Lookup",
        "cdm_description": "String",
        "cdm_fulltimeequivalent": "String",
        "cdm_jobid": "Lookup",
        "cdm_jobpositionnumber": "String",
        "cdm_parentjobpositionid": "Lookup",
        "cdm_positiontypeid": "Lookup",
        "cdm_retirement": "String",
        "cdm_validfrom": "String",
        "cdm_validto": "String"
      },
      "lookups": {
        "cdm_departmentid": [
          "cdm_department"
        ],
        "cdm_jobid": [
          "cdm_positiontype"
        ],
        "cdm_parentjobpositionid": [
          "cdm_parentjobposition"
        ],
        "cdm_positiontypeid": [
          "cdm_positiontype"
        ]
      }
    },
    {
      "logicalName": "cdm_jobtype",
      "entitySet": "cdm_jobtypes",
      "columns": {
        "cdm_description": "String",
        "cdm_exemptstatus": "Picklist",
        "cdm_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "cdm_language",
      "entitySet": "cdm_languages",
      "columns": {
        "cdm_description": "String",
        "cdm_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "cdm_parentjobposition",
      "entitySet": "cdm_parentjobpositions",
      "columns": {
        "cdm_jobpositionnumber": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "cdm_positiontype",
      "entitySet": "cdm_positiontypes",
      "columns": {
        "cdm_classification": "Picklist",
        "cdm_description": "String",
        "cdm_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "cdm_positionworkerassignmentmap",
      "entitySet": "cdm_positionworkerassignmentmaps",
      "columns": {
        "cdm_jobpositionid": "Lookup",
        "cdm_validfrom": "String",
        "cdm_validto": "String",
        "cdm_workerid": "Lookup"
      },
      "lookups": {
        "cdm_jobpositionid": [
          "cdm_jobposition"
        ],
        "cdm_workerid": [
          "cdm_worker"
        ]
      }
    },
    {
      "logicalName": "cdm_veteranstatus",
      "entitySet": "cdm_veteranstatuses",
      "columns": {
        "cdm_description": "String",
        "cdm_isprotectedveteran": "Boolean",
        "cdm_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "cdm_worker",
      "entitySet": "cdm_workers",
      "columns": {
        "cdm_birthdate": "String",
        "cdm_facebookidentity": "String",
        "cdm_firstname": "String",
        "cdm_fullname": "String",
        "cdm_gender": "Picklist",
        "cdm_lastname": "String",
        "cdm_linkedinidentity": "String",
        "cdm_middlename": "String",
        "cdm_primaryemailaddress": "String",
        "cdm_primarytelephone": "String",
        "cdm_status": "Picklist",
        "cdm_twitteridentity": "String",
        "cdm_type": "Picklist",
        "cdm_websiteurl": "String",
        "cdm_workernumber": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "contact",
      "entitySet": "contacts",
      "columns": {
        "address1_addresstypecode": "Picklist",
        "address1_city": "String",
        "address1_country": "String",
        "address1_county": "String",
        "address1_latitude": "String",
        "address1_line1": "String",
        "address1_longitude": "String",
        "address1_postalcode": "String",
        "address1_postofficebox": "String",
        "address1_stateorprovince": "String",
        "address2_city": "String",
        "address2_country": "String",
        "address2_county": "String",
        "address2_latitude": "String",
        "address2_line1": "String",
        "address2_longitude": "String",
        "address2_postalcode": "String",
        "address2_stateorprovince": "String",
        "address3_city": "String",
        "address3_country": "String",
        "address3_county": "String",
        "address3_latitude": "String",
        "address3_line1": "String",
        "address3_longitude": "String",
        "address3_postalcode": "String",
        "address3_stateorprovince": "String",
        "department": "String",
        "description": "String",
        "donotemail": "Boolean",
        "emailaddress1": "String",
        "familystatuscode": "String",
        "fax": "String",
        "firstname": "String",
        "gendercode": "String",
        "governmentid": "String",
        "jobtitle": "String",
        "lastname": "String",
        "middlename": "String",
        "msdyn_company": "Lookup",
        "msdyn_contactforvendor": "Boolean",
        "msdyn_contactpersonid": "String",
        "msdyn_customergroupid": "Lookup",
        "msdyn_customerpaymentmethod": "Lookup",
        "msdyn_emailaddress1description": "String",
        "msdyn_faxdescription": "String",
        "msdyn_faxextension": "String",
        "msdyn_identificationnumber": "String",
        "msdyn_partycountry": "String",
        "msdyn_partyid": "Lookup",
        "msdyn_partynumber": "String",
        "msdyn_partystateprovince": "String",
        "msdyn_paymentday": "Lookup",
        "msdyn_paymentschedule": "Lookup",
        "msdyn_paymentterms": "Lookup",
        "msdyn_primarycontact": "Lookup",
        "msdyn_primaryfacebookdescription": "String",
        "msdyn_primaryfacebookid": "String",
        "msdyn_primaryinkedinid": "String",
        "msdyn_primarylinkedindescrption": "String",
        "msdyn_primarytwitterid": "String",
        "msdyn_primarytwitteriddescription": "String",
        "msdyn_salestaxgroup": "Lookup",
        "msdyn_sellable": "Boolean",
        "msdyn_telephone1description": "String",
        "msdyn_telephone1extension": "String",
        "msdyn_vendorcontactid": "Lookup",
        "msdyn_websiteurldescription": "String",
        "spousesname": "String",
        "telephone1": "String",
        "transactioncurrencyid": "Lookup",
        "websiteurl": "String"
      },
      "lookups": {
        "msdyn_company": [
          "cdm_company"
        ],
        "msdyn_customergroupid": [
          "msdyn_customergroup"
        ],
        "msdyn_customerpaymentmethod": [
          "msdyn_customerpaymentmethod"
        ],
        "msdyn_partyid": [
          "msdyn_party"
        ],
        "msdyn_paymentday": [
          "msdyn_paymentday"
        ],
        "msdyn_paymentschedule": [
          "msdyn_paymentschedule"
        ],
        "msdyn_paymentterms": [
          "msdyn_paymentterm"
        ],
        "msdyn_primarycontact": [
          "msdyn_contactforparty"
        ],
        "msdyn_salestaxgroup": [
          "msdyn_taxgroup"
        ],
        "msdyn_vendorcontactid": [
          "msdyn_vendor"
        ],
        "transactioncurrencyid": [
          "transactioncurrency"
        ]
      }
    },
    {
      "logicalName": "invoice",
      "entitySet": "invoices",
      "columns": {
        "billto_city": "String",
        "billto_country": "String",
        "billto_line1": "String",
        "billto_line2": "String",
        "billto_postalcode": "String",
        "billto_stateorprovince": "String",
        "customerid": "Customer",
        "description": "String",
        "discountamount": "String",
        "freightamount": "String",
        "ispricelocked": "Boolean",
        "msdyn_associatedcontact": "Lookup",
        "msdyn_company": "Lookup",
        "msdyn_contactperson": "Lookup",
        "msdyn_invoicedate": "String",
        "msdyn_invoicenumber": "String",
        "msdyn_ledgervoucher": "String",
        "msdyn_ordertype": "Picklist",
        "msdyn_paymentterms": "Lookup",
        "msdyn_totalamount": "String",
        "msdyn_totaldiscountamount": "String",
        "msdyn_totaltax": "String",
        "salesorderid": "Lookup",
        "statuscode": "Picklist",
        "totalamount": "String",
        "totaldiscountamount": "String",
        "totaltax": "String",
        "transactioncurrencyid": "Lookup"
      },
      "lookups": {
        "customerid": [
          "account",
          "contact"
        ],
        "msdyn_associatedcontact": [
          "msdyn_contactforparty"
        ],
        "msdyn_company": [
          "cdm_company"
        ],
        "msdyn_contactperson": [
          "contact"
        ],
        "msdyn_paymentterms": [
          "msdyn_paymentterm"
        ],
        "salesorderid": [
          "salesorder"
        ],
        "transactioncurrencyid": [
          "transactioncurrency"
        ]
      }
    },
    {
      "logicalName": "invoicedetail",
      "entitySet": "invoicedetails",
      "columns": {
        "description": "String",
        "extendedamount": "String",
        "invoiceid": "Lookup",
        "ispriceoverridden": "Boolean",
        "manualdiscountamount": "String",
        "msdyn_confirmedshippingdate": "String",
        "msdyn_inventorysite": "Lookup",
        "msdyn_inventorywarehouse": "Lookup",
        "msdyn_salesproductcategory": "Lookup",
        "msdyn_totalchargeamount": "String",
        "priceperunit": "String",
        "productid": "Lookup",
        "producttypecode": "Picklist",
        "propertyconfigurationstatus": "Picklist",
        "quantity": "String",
        "sequencenumber": "String",
        "tax": "String",
        "transactioncurrencyid": "Lookup",
        "uomid": "Lookup"
      },
      "lookups": {
        "invoiceid": [
          "invoice"
        ],
        "msdyn_inventorysite": [
          "msdyn_operationalsite"
        ],
        "msdyn_inventorywarehouse": [
          "msdyn_warehouse"
        ],
        "msdyn_salesproductcategory": [
          "msdyn_salesproductcategory"
        ],
        "productid": [
          "product"
        ],
        "transactioncurrencyid": [
          "transactioncurrency"
        ],
        "uomid": [
          "uom"
        ]
      }
    },
    {
      "logicalName": "lead",
      "entitySet": "leads",
      "columns": {
        "address1_addresstypecode": "Picklist",
        "address1_city": "String",
        "address1_country": "String",
        "address1_county": "String",
        "address1_latitude": "String",
        "address1_line1": "String",
        "address1_longitude": "String",
        "address1_postalcode": "String",
        "address1_postofficebox": "String",
        "address1_stateorprovince": "String",
        "companyname": "String",
        "description": "String",
        "emailaddress1": "String",
        "fax": "String",
        "fullname": "String",
        "msdyn_b2bcommerceprospect": "Boolean",
        "msdyn_b2bprospectstatus": "Picklist",
        "msdyn_customergroupid": "Lookup",
        "msdyn_emailaddress1description": "String",
        "msdyn_faxdescription": "String",
        "msdyn_faxextension": "String",
        "msdyn_partyid": "Lookup",
        "msdyn_prospectid": "String",
        "msdyn_retailchannel": "Lookup",
        "msdyn_salestaxgroup": "Lookup",
        "msdyn_telephone1extension": "String",
        "msdyn_websiteurldescription": "String",
        "numberofemployees": "String",
        "telephone1": "String",
        "transactioncurrencyid": "Lookup",
        "websiteurl": "String"
      },
      "lookups": {
        "msdyn_customergroupid": [
          "msdyn_customergroup"
        ],
        "msdyn_partyid": [
          "msdyn_party"
        ],
        "msdyn_retailchannel": [
          "msdyn_retailchannel"
        ],
        "msdyn_salestaxgroup": [
          "msdyn_taxgroup"
        ],
        "transactioncurrencyid": [
          "transactioncurrency"
        ]
      }
    },
    {
      "logicalName": "msdyn_activelifecyclestate",
      "entitySet": "msdyn_activelifecyclestates",
      "columns": {
        "msdyn_assetlifecyclestate_id": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_addressrole",
      "entitySet": "msdyn_addressroles",
      "columns": {
        "msdyn_iselectronicaddressrole": "Boolean",
        "msdyn_ispostaladdressrole": "Boolean",
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_alternativeitemnumber",
      "entitySet": "msdyn_alternativeitemnumbers",
      "columns": {
        "msdyn_itemnumber": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_assetlifecyclemodel",
      "entitySet": "msdyn_assetlifecyclemodels",
      "columns": {
        "msdyn_activelifecyclestate": "Lookup",
        "msdyn_assetlifecyclemodel_id": "String",
        "msdyn_inboundlifecyclestate": "Lookup",
        "msdyn_instoragelifecyclestate": "Lookup",
        "msdyn_name": "String",
        "msdyn_onloanlifecyclestate": "Lookup",
        "msdyn_outboundlifecyclestate": "Lookup",
        "msdyn_receivedlifecyclestate": "Lookup"
      },
      "lookups": {
        "msdyn_activelifecyclestate": [
          "msdyn_activelifecyclestate"
        ],
        "msdyn_inboundlifecyclestate": [
          "msdyn_inboundlifecyclestate"
        ],
        "msdyn_instoragelifecyclestate": [
          "msdyn_instoragelifecyclestate"
        ],
        "msdyn_onloanlifecyclestate": [
          "msdyn_onloanlifecyclestate"
        ],
        "msdyn_outboundlifecyclestate": [
          "msdyn_outboundlifecyclestate"
        ],
        "msdyn_receivedlifecyclestate": [
          "msdyn_receivedlifecyclestate"
        ]
      }
    },
    {
      "logicalName": "msdyn_assetlifecyclestate",
      "entitySet": "msdyn_assetlifecyclestates",
      "columns": {
        "msdyn_assetlifecyclestate_id": "String",
        "msdyn_deleteopencalendarlines": "Boolean",
        "msdyn_line": "String",
        "msdyn_maintenanceassetactive": "Boolean",
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_chartofaccounts",
      "entitySet": "msdyn_chartofaccountses",
      "columns": {
        "msdyn_description": "String",
        "msdyn_mainaccountmask": "String",
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_child",
      "entitySet": "msdyn_childs",
      "columns": {
        "msdyn_partynumber": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_clearingperiodpaymentpermname",
      "entitySet": "msdyn_clearingperiodpaymentpermnames",
      "columns": {
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_complimentaryclosing",
      "entitySet": "msdyn_complimentaryclosings",
      "columns": {
        "msdyn_closingphrase": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_contactforparty",
      "entitySet": "msdyn_contactforparties",
      "columns": {
        "msdyn_assistantname": "String",
        "msdyn_assistantphonenumber": "String",
        "msdyn_associatedpartyid": "Lookup",
        "msdyn_availablefromtime": "String",
        "msdyn_availabletotime": "String",
        "msdyn_contactactivitysensitivitylevel": "Picklist",
        "msdyn_contactforpartynumber": "String",
        "msdyn_contactpartyid": "Lookup",
        "msdyn_decisionmakingrole": "Lookup",
        "msdyn_employeeresponsible": "Lookup",
        "msdyn_employmentcomputernetworkname": "String",
        "msdyn_employmentdepartment": "String",
        "msdyn_employmentjobfunctionname": "String",
        "msdyn_employmentofficelocation": "String",
        "msdyn_employmentprofession": "String",
        "msdyn_governmentidentificationnumber": "String",
        "msdyn_hasrequestedinternetaccess": "Boolean",
        "msdyn_identitycardnumber": "String",
        "msdyn_isreceivingdirectmail": "Boolean",
        "msdyn_isvip": "Boolean",
        "msdyn_jobtitle": "Lookup",
        "msdyn_loyaltylevelphrase": "Lookup",
        "msdyn_microsoftoutlookcategories": "String",
        "msdyn_mileagedistance": "String",
        "msdyn_nativelanguage": "Picklist",
        "msdyn_notes": "String",
        "msdyn_organizationidentificationnumber": "String",
        "msdyn_parentcontactforpartyid": "Lookup",
        "msdyn_personalcharactertypecode": "Lookup",
        "msdyn_primarycomplimentaryclosingphrase": "Lookup",
        "msdyn_primarysalutationphrase": "Lookup",
        "msdyn_spousename": "String"
      },
      "lookups": {
        "msdyn_associatedpartyid": [
          "msdyn_party"
        ],
        "msdyn_contactpartyid": [
          "msdyn_party"
        ],
        "msdyn_decisionmakingrole": [
          "msdyn_decisionmakingrole"
        ],
        "msdyn_employeeresponsible": [
          "cdm_worker"
        ],
        "msdyn_jobtitle": [
          "msdyn_jobtitle"
        ],
        "msdyn_loyaltylevelphrase": [
          "msdyn_loyaltylevelphrase"
        ],
        "msdyn_parentcontactforpartyid": [
          "msdyn_contactforparty"
        ],
        "msdyn_personalcharactertypecode": [
          "msdyn_personalcharactertypecode"
        ],
        "msdyn_primarycomplimentaryclosingphrase": [
          "msdyn_primarycomplimentaryclosingphrase"
        ],
        "msdyn_primarysalutationphrase": [
          "msdyn_primarysalutationphrase"
        ]
      }
    },
    {
      "logicalName": "msdyn_currencyexchangerate",
      "entitySet": "msdyn_currencyexchangerates",
      "columns": {
        "msdyn_currencyexchangeratepair": "Lookup",
        "msdyn_exchangerate": "String",
        "msdyn_exchangeratetypename": "String",
        "msdyn_fromcurrencycode": "String",
        "msdyn_tocurrencycode": "String",
        "msdyn_validfrom": "String",
        "msdyn_validto": "String"
      },
      "lookups": {
        "msdyn_currencyexchangeratepair": [
          "msdyn_currencyexchangeratepair"
        ]
      }
    },
    {
      "logicalName": "msdyn_currencyexchangeratepair",
      "entitySet": "msdyn_currencyexchangeratepairs",
      "columns": {
        "msdyn_currencyexchangeratetypeid": "Customer",
        "msdyn_displayfactor": "Picklist",
        "msdyn_fromtransactioncurrencyid": "Customer",
        "msdyn_totransactioncurrencyid": "Customer"
      },
      "lookups": {
        "msdyn_currencyexchangeratetypeid": [
          "msdyn_currencyexchangeratetype",
          "msdyn_exchangeratetype"
        ],
        "msdyn_fromtransactioncurrencyid": [
          "msdyn_fromtransactioncurrency",
          "transactioncurrency"
        ],
        "msdyn_totransactioncurrencyid": [
          "msdyn_totransactioncurrency",
          "transactioncurrency"
        ]
      }
    },
    {
      "logicalName": "msdyn_currencyexchangeratetype",
      "entitySet": "msdyn_currencyexchangeratetypes",
      "columns": {
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_customerasset",
      "entitySet": "msdyn_customerassets",
      "columns": {
        "msdyn_acquisitioncost": "String",
        "msdyn_acquisitiondate": "String",
        "msdyn_activefrom": "String",
        "msdyn_activeto": "String",
        "msdyn_assetlifecyclestate": "Lookup",
        "msdyn_customerassetcategory": "Lookup",
        "msdyn_fixedassetid": "String",
        "msdyn_functionallocation": "Lookup",
        "msdyn_maintenanceassetid": "String",
        "msdyn_manufacturer": "Lookup",
        "msdyn_model": "Lookup",
        "msdyn_modelyear": "String",
        "msdyn_name": "String",
        "msdyn_notes": "String",
        "msdyn_parentasset": "Lookup",
        "msdyn_purchaseorderid": "String",
        "msdyn_replacementdate": "String",
        "msdyn_replacementvalue": "String",
        "msdyn_serialid": "String",
        "msdyn_vendaccount": "String",
        "msdyn_warranty": "Lookup",
        "msdyn_warrantydatefromvend": "String",
        "msdyn_wrkctrid": "String"
      },
      "lookups": {
        "msdyn_assetlifecyclestate": [
          "msdyn_assetlifecyclestate"
        ],
        "msdyn_customerassetcategory": [
          "msdyn_customerassetcategory"
        ],
        "msdyn_functionallocation": [
          "msdyn_functionallocation"
        ],
        "msdyn_manufacturer": [
          "msdyn_manufacturer"
        ],
        "msdyn_model": [
          "msdyn_model"
        ],
        "msdyn_parentasset": [
          "msdyn_parentasset"
        ],
        "msdyn_warranty": [
          "msdyn_warranty"
        ]
      }
    },
    {
      "logicalName": "msdyn_customerassetcategory",
      "entitySet": "msdyn_customerassetcategories",
      "columns": {
        "msdyn_calculatekpitotal": "Boolean",
        "msdyn_lifecyclemodel": "Lookup",
        "msdyn_maintenanceassettypeid": "String",
        "msdyn_name": "String"
      },
      "lookups": {
        "msdyn_lifecyclemodel": [
          "msdyn_lifecyclemodel"
        ]
      }
    },
    {
      "logicalName": "msdyn_customergroup",
      "entitySet": "msdyn_customergroups",
      "columns": {
        "msdyn_clearingperiodpaymenttermname": "Lookup",
        "msdyn_company": "Lookup",
        "msdyn_description": "String",
        "msdyn_groupid": "String",
        "msdyn_issalestaxincludedinprice": "Boolean",
        "msdyn_paymenttermid": "Lookup"
      },
      "lookups": {
        "msdyn_clearingperiodpaymenttermname": [
          "msdyn_paymentterm"
        ],
        "msdyn_company": [
          "cdm_company"
        ],
        "msdyn_paymenttermid": [
          "msdyn_paymentterm"
        ]
      }
    },
    {
      "logicalName": "msdyn_customerhierarchy",
      "entitySet": "msdyn_customerhierarchies",
      "columns": {
        "msdyn_customerhierarchynumber": "String",
        "msdyn_name": "String",
        "msdyn_organizationpartynumber": "Lookup",
        "msdyn_purpose": "Picklist"
      },
      "lookups": {
        "msdyn_organizationpartynumber": [
          "msdyn_party"
        ]
      }
    },
    {
      "logicalName": "msdyn_customerhierarchynode",
      "entitySet": "msdyn_customerhierarchynodes",
      "columns": {
        "msdyn_customerhierarchynumber": "Lookup",
        "msdyn_nodepartynumber": "Lookup",
        "msdyn_nodetype": "Picklist",
        "msdyn_role": "Picklist"
      },
      "lookups": {
        "msdyn_customerhierarchynumber": [
          "msdyn_customerhierarchynumber"
        ],
        "msdyn_nodepartynumber": [
          "msdyn_party"
        ]
      }
    },
    {
      "logicalName": "msdyn_customerhierarchynumber",
      "entitySet": "msdyn_customerhierarchynumbers",
      "columns": {
        "msdyn_customerhierarchynumber": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_customerpaymentmethod",
      "entitySet": "msdyn_customerpaymentmethods",
      "columns": {
        "msdyn_accounttype": "Picklist",
        "msdyn_billofexchangedrafttype": "Picklist",
        "msdyn_bridgingpostingenabled": "Boolean",
        "msdyn_company": "Lookup",
        "msdyn_description": "String",
        "msdyn_directdebit": "Boolean",
        "msdyn_discountgraceperioddays": "String",
        "msdyn_enablepostdatescheckclearingposting": "Boolean",
        "msdyn_invoiceupdate": "Boolean",
        "msdyn_issepa": "Boolean",
        "msdyn_lastfilenumber": "String",
        "msdyn_lastfilenumbertoday": "String",
        "msdyn_name": "String",
        "msdyn_paymentstatus": "Picklist",
        "msdyn_paymenttype": "Picklist",
        "msdyn_sumbyperiod": "Picklist"
      },
      "lookups": {
        "msdyn_company": [
          "cdm_company"
        ]
      }
    },
    {
      "logicalName": "msdyn_decisionmakingrole",
      "entitySet": "msdyn_decisionmakingroles",
      "columns": {
        "msdyn_roledescription": "String",
        "msdyn_rolename": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_deliverymode",
      "entitySet": "msdyn_deliverymodes",
      "columns": {
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_deliveryterm",
      "entitySet": "msdyn_deliveryterms",
      "columns": {
        "msdyn_termscode": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_deliveryterms",
      "entitySet": "msdyn_deliverytermses",
      "columns": {
        "msdyn_termscode": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_dimensionattribute",
      "entitySet": "msdyn_dimensionattributes",
      "columns": {
        "msdyn_copyvaluesoncreate": "Boolean",
        "msdyn_dimensionname": "String",
        "msdyn_dimensionvaluemask": "String",
        "msdyn_givederiveddimensionsprecedence": "Boolean",
        "msdyn_reportcolumnname": "String",
        "msdyn_usevaluesfrom": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_employmentjobfunction",
      "entitySet": "msdyn_employmentjobfunctions",
      "columns": {
        "msdyn_functiondescription": "String",
        "msdyn_functionname": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_exchangeadjustmentratetype",
      "entitySet": "msdyn_exchangeadjustmentratetypes",
      "columns": {
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_exchangeratetype",
      "entitySet": "msdyn_exchangeratetypes",
      "columns": {
        "msdyn_description": "String",
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_financialdimensionformat",
      "entitySet": "msdyn_financialdimensionformats",
      "columns": {
        "msdyn_dimensionformatname": "String",
        "msdyn_dimensionformattype": "Picklist",
        "msdyn_financialdimensionformat": "String",
        "msdyn_isactive": "Boolean"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_firstadditionalwarehousezone",
      "entitySet": "msdyn_firstadditionalwarehousezones",
      "columns": {
        "msdyn_zoneid": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_fiscalcalendar",
      "entitySet": "msdyn_fiscalcalendars",
      "columns": {
        "msdyn_calendar": "String",
        "msdyn_description": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_fiscalcalendarperiod",
      "entitySet": "msdyn_fiscalcalendarperiods",
      "columns": {
        "msdyn_comments": "String",
        "msdyn_enddate": "String",
        "msdyn_fiscalcalendar": "Lookup",
        "msdyn_fiscalcalendaryear": "Lookup",
        "msdyn_fiscalperiodtype": "Picklist",
        "msdyn_month": "Picklist",
        "msdyn_periodname": "String",
        "msdyn_quarter": "Picklist",
        "msdyn_shortname": "String",
        "msdyn_startdate": "String"
      },
      "lookups": {
        "msdyn_fiscalcalendar": [
          "msdyn_fiscalcalendar"
        ],
        "msdyn_fiscalcalendaryear": [
          "msdyn_fiscalcalendaryear"
        ]
      }
    },
    {
      "logicalName": "msdyn_fiscalcalendaryear",
      "entitySet": "msdyn_fiscalcalendaryears",
      "columns": {
        "msdyn_calendar": "Lookup",
        "msdyn_enddate": "String",
        "msdyn_fiscalcalendarname": "String",
        "msdyn_name": "String",
        "msdyn_startdate": "String"
      },
      "lookups": {
        "msdyn_calendar": [
          "msdyn_fiscalcalendar"
        ]
      }
    },
    {
      "logicalName": "msdyn_fromtransactioncurrency",
      "entitySet": "msdyn_fromtransactioncurrencies",
      "columns": {
        "isocurrencycode": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_functionallocation",
      "entitySet": "msdyn_functionallocations",
      "columns": {
        "msdyn_functionallocation_id": "String",
        "msdyn_functionallocationlifecyclestate": "Lookup",
        "msdyn_functionallocationtype": "Lookup",
        "msdyn_inventorylocationid": "String",
        "msdyn_inventorysiteid": "String",
        "msdyn_name": "String",
        "msdyn_notes": "String",
        "msdyn_parentfunctionallocation": "Lookup"
      },
      "lookups": {
        "msdyn_functionallocationlifecyclestate": [
          "msdyn_functionallocationlifecyclestate"
        ],
        "msdyn_functionallocationtype": [
          "msdyn_functionallocationtype"
        ],
        "msdyn_parentfunctionallocation": [
          "msdyn_parentfunctionallocation"
        ]
      }
    },
    {
      "logicalName": "msdyn_functionallocationlifecyclemodel",
      "entitySet": "msdyn_functionallocationlifecyclemodels",
      "columns": {
        "msdyn_functionallocationlifecyclemodel_id": "String",
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_functionallocationlifecyclestate",
      "entitySet": "msdyn_functionallocationlifecyclestates",
      "columns": {
        "msdyn_allowdeletelocation": "Boolean",
        "msdyn_allowinstallmaintenanceassets": "Boolean",
        "msdyn_allownewsublocations": "Boolean",
        "msdyn_allowrenamelocation": "Boolean",
        "msdyn_assetlifecyclestate": "Lookup",
        "msdyn_createlocationmaintenanceasset": "Boolean",
        "msdyn_functionallocationactive": "Boolean",
        "msdyn_functionallocationlifecyclestate_id": "String",
        "msdyn_name": "String"
      },
      "lookups": {
        "msdyn_assetlifecyclestate": [
          "msdyn_assetlifecyclestate"
        ]
      }
    },
    {
      "logicalName": "msdyn_functionallocationtype",
      "entitySet": "msdyn_functionallocationtypes",
      "columns": {
        "msdyn_allowmultipleinstalledassets": "Boolean",
        "msdyn_functionallocationtype_id": "String",
        "msdyn_lifecyclemodelid": "Lookup",
        "msdyn_maintenanceassettype": "Lookup",
        "msdyn_name": "String",
        "msdyn_updateassetdimension": "Boolean"
      },
      "lookups": {
        "msdyn_lifecyclemodelid": [
          "msdyn_lifecyclemodel"
        ],
        "msdyn_maintenanceassettype": [
          "msdyn_maintenanceassettype"
        ]
      }
    },
    {
      "logicalName": "msdyn_globalproduct",
      "entitySet": "msdyn_globalproducts",
      "columns": {
        "msdyn_productname": "String",
        "msdyn_productnumber": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_hierarchy",
      "entitySet": "msdyn_hierarchies",
      "columns": {
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_hierarchytype",
      "entitySet": "msdyn_hierarchytypes",
      "columns": {
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_inboundlifecyclestate",
      "entitySet": "msdyn_inboundlifecyclestates",
      "columns": {
        "msdyn_assetlifecyclestate_id": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_instoragelifecyclestate",
      "entitySet": "msdyn_instoragelifecyclestates",
      "columns": {
        "msdyn_assetlifecyclestate_id": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_internalorganization",
      "entitySet": "msdyn_internalorganizations",
      "columns": {
        "msdyn_companycode": "String",
        "msdyn_languageid": "String",
        "msdyn_name": "String",
        "msdyn_namealias": "String",
        "msdyn_partynumber": "String",
        "msdyn_type": "Picklist"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_internalorganizationhierarchy",
      "entitySet": "msdyn_internalorganizationhierarchies",
      "columns": {
        "msdyn_childid": "Lookup",
        "msdyn_childpartyid": "String",
        "msdyn_hierarchytypeid": "Lookup",
        "msdyn_hierarchytypename": "String",
        "msdyn_parentid": "Lookup",
        "msdyn_parentpartyid": "String",
        "msdyn_validfrom": "String",
        "msdyn_validto": "String"
      },
      "lookups": {
        "msdyn_childid": [
          "msdyn_child"
        ],
        "msdyn_hierarchytypeid": [
          "msdyn_hierarchytype"
        ],
        "msdyn_parentid": [
          "msdyn_parent"
        ]
      }
    },
    {
      "logicalName": "msdyn_internalorganizationhierarchypurpose",
      "entitySet": "msdyn_internalorganizationhierarchypurposes",
      "columns": {
        "msdyn_hierarchypurpose": "Picklist",
        "msdyn_hierarchypurposetypename": "String",
        "msdyn_hierarchytype": "Lookup",
        "msdyn_immutable": "Boolean",
        "msdyn_setasdefault": "Boolean"
      },
      "lookups": {
        "msdyn_hierarchytype": [
          "msdyn_hierarchytype"
        ]
      }
    },
    {
      "logicalName": "msdyn_internalorganizationhierarchytype",
      "entitySet": "msdyn_internalorganizationhierarchytypes",
      "columns": {
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_inventorylocation",
      "entitySet": "msdyn_inventorylocations",
      "columns": {
        "msdyn_agingdate": "String",
        "msdyn_binid": "String",
        "msdyn_checkdigits": "String",
        "msdyn_firstadditionalwarehousezone": "Lookup",
        "msdyn_generatecheckdigits": "Boolean",
        "msdyn_inputwarehouselocationblockingcauseid": "String",
        "msdyn_isdefaultcreditonlyreturnwarehouseloc": "Boolean",
        "msdyn_isdefaultissuewarehouselocation": "Boolean",
        "msdyn_isdefaultkanbanfinishedgoodswarehouseloc": "Boolean",
        "msdyn_isdefaultproductionfinishedgoodswhsloc": "Boolean",
        "msdyn_isdefaultproductioninputwarehouseloc": "Boolean",
        "msdyn_isdefaultqualitymaintenancewarehouseloc": "Boolean",
        "msdyn_isdefaultreceiptwarehouselocation": "Boolean",
        "msdyn_isdefaultretailstorereturnwarehouseloc": "Boolean",
        "msdyn_isdefaultretailstorewarehouselocation": "Boolean",
        "msdyn_isdefaultshipmentmaintenancewarehouseloc": "Boolean",
        "msdyn_isiteminlocationmaintained": "Boolean",
        "msdyn_islocationactivitydatetimemaintained": "Boolean",
        "msdyn_islocationstatusmaintained": "Boolean",
        "msdyn_issortordercodemanual": "Boolean",
        "msdyn_iswarehouselocationidmanual": "Boolean",
        "msdyn_itemnumberinlocation": "Lookup",
        "msdyn_lastactivitydatetime": "String",
        "msdyn_lastcountedutcdatetime": "String",
        "msdyn_locationstatus": "Picklist",
        "msdyn_outputwarehouselocationblockingcauseid": "String",
        "msdyn_physicaldepth": "String",
        "msdyn_physicalheight": "String",
        "msdyn_physicalheightaboveground": "String",
        "msdyn_physicalmaximumstoragevolume": "String",
        "msdyn_physicalmaximumstorageweight": "String",
        "msdyn_physicalwidth": "String",
        "msdyn_rackid": "String",
        "msdyn_secondadditionalwarehousezone": "Lookup",
        "msdyn_shelfid": "String",
        "msdyn_thirdadditionalwarehousezone": "Lookup",
        "msdyn_warehouse": "Lookup",
        "msdyn_warehouseaisle": "Lookup",
        "msdyn_warehouselocationid": "String",
        "msdyn_warehouselocationprofileid": "String",
        "msdyn_warehouselocationtype": "Picklist",
        "msdyn_warehousezone": "Lookup"
      },
      "lookups": {
        "msdyn_firstadditionalwarehousezone": [
          "msdyn_firstadditionalwarehousezone"
        ],
        "msdyn_itemnumberinlocation": [
          "msdyn_itemnumberinlocation"
        ],
        "msdyn_secondadditionalwarehousezone": [
          "msdyn_secondadditionalwarehousezone"
        ],
        "msdyn_thirdadditionalwarehousezone": [
          "msdyn_thirdadditionalwarehousezone"
        ],
        "msdyn_warehouse": [
          "msdyn_warehouse"
        ],
        "msdyn_warehouseaisle": [
          "msdyn_warehouseaisle"
        ],
        "msdyn_warehousezone": [
          "msdyn_warehousezone"
        ]
      }
    },
    {
      "logicalName": "msdyn_inventoryonhandentry",
      "entitySet": "msdyn_inventoryonhandentries",
      "columns": {
        "msdyn_atpdate": "String",
        "msdyn_atpquantity": "String",
        "msdyn_availableonhandquantity": "String",
        "msdyn_availableorderedquantity": "String",
        "msdyn_inventorysite": "Lookup",
        "msdyn_inventorywarehouse": "Lookup",
        "msdyn_onhandquantity": "String",
        "msdyn_onorderquantity": "String",
        "msdyn_orderedquantity": "String",
        "msdyn_orderquantity": "String",
        "msdyn_projectedissuequantity": "String",
        "msdyn_projectedonhandquantity": "String",
        "msdyn_projectedreceiptquantity": "String",
        "msdyn_request": "Lookup",
        "msdyn_reservedonhandquantity": "String",
        "msdyn_reservedorderedquantity": "String",
        "msdyn_totalavailablequantity": "String",
        "msdyn_unavailableonhandquantity": "String"
      },
      "lookups": {
        "msdyn_inventorysite": [
          "msdyn_operationalsite"
        ],
        "msdyn_inventorywarehouse": [
          "msdyn_warehouse"
        ],
        "msdyn_request": [
          "msdyn_request"
        ]
      }
    },
    {
      "logicalName": "msdyn_inventoryonhandrequest",
      "entitySet": "msdyn_inventoryonhandrequests",
      "columns": {
        "msdyn_inventorysite": "Lookup",
        "msdyn_inventorywarehouse": "Lookup",
        "msdyn_isatpcalculation": "Boolean",
        "msdyn_linecreationsequencenumber": "String",
        "msdyn_orderquantity": "String",
        "msdyn_product": "Lookup",
        "msdyn_referencenumber": "String",
        "msdyn_requestid": "String"
      },
      "lookups": {
        "msdyn_inventorysite": [
          "msdyn_operationalsite"
        ],
        "msdyn_inventorywarehouse": [
          "msdyn_warehouse"
        ],
        "msdyn_product": [
          "msdyn_product"
        ]
      }
    },
    {
      "logicalName": "msdyn_item",
      "entitySet": "msdyn_items",
      "columns": {
        "msdyn_itemnumber": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_itemnumber",
      "entitySet": "msdyn_itemnumbers",
      "columns": {
        "msdyn_itemnumber": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_itemnumberinlocation",
      "entitySet": "msdyn_itemnumberinlocations",
      "columns": {
        "msdyn_itemnumber": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_jobtitle",
      "entitySet": "msdyn_jobtitles",
      "columns": {
        "msdyn_jobtitlealias": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_ledger",
      "entitySet": "msdyn_ledgers",
      "columns": {
        "msdyn_accountingcurrency": "Lookup",
        "msdyn_budgetexchangeratetype": "Lookup",
        "msdyn_chartofaccounts": "Lookup",
        "msdyn_company": "Lookup",
        "msdyn_description": "String",
        "msdyn_exchangeratetype": "Lookup",
        "msdyn_fiscalcalendar": "Lookup",
        "msdyn_isbudgetcontrolenabled": "Boolean",
        "msdyn_name": "String",
        "msdyn_reportingcurrency": "Lookup",
        "msdyn_reportingcurrencyexchangeratetype": "Lookup"
      },
      "lookups": {
        "msdyn_accountingcurrency": [
          "transactioncurrency"
        ],
        "msdyn_budgetexchangeratetype": [
          "msdyn_exchangeratetype"
        ],
        "msdyn_chartofaccounts": [
          "msdyn_chartofaccounts"
        ],
        "msdyn_company": [
          "cdm_company"
        ],
        "msdyn_exchangeratetype": [
          "msdyn_exchangeratetype"
        ],
        "msdyn_fiscalcalendar": [
          "msdyn_fiscalcalendar"
        ],
        "msdyn_reportingcurrency": [
          "transactioncurrency"
        ],
        "msdyn_reportingcurrencyexchangeratetype": [
          "msdyn_exchangeratetype"
        ]
      }
    },
    {
      "logicalName": "msdyn_lifecyclemodel",
      "entitySet": "msdyn_lifecyclemodels",
      "columns": {
        "msdyn_assetlifecyclemodel_id": "String",
        "msdyn_functionallocationlifecyclemodel_id": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_loyaltycard",
      "entitySet": "msdyn_loyaltycards",
      "columns": {
        "msdyn_cardnumber": "String",
        "msdyn_cardtendertype": "Picklist",
        "msdyn_effectivedate": "String",
        "msdyn_enrollmentdate": "String",
        "msdyn_operatingunitnumber": "String",
        "msdyn_partynumber": "String",
        "msdyn_replacementcardnumber": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_loyaltylevel",
      "entitySet": "msdyn_loyaltylevels",
      "columns": {
        "msdyn_description": "String",
        "msdyn_levelphrase": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_loyaltylevelphrase",
      "entitySet": "msdyn_loyaltylevelphrases",
      "columns": {
        "msdyn_levelphrase": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_loyaltyrewardpoint",
      "entitySet": "msdyn_loyaltyrewardpoints",
      "columns": {
        "msdyn_expirationtimeunit": "Picklist",
        "msdyn_expirationtimevalue": "String",
        "msdyn_maximumloyaltyrewardpoints": "String",
        "msdyn_redeemable": "Boolean",
        "msdyn_redeemranking": "String",
        "msdyn_rewardpointcurrency": "Lookup",
        "msdyn_rewardpointid": "String",
        "msdyn_rewardpointtype": "Picklist",
        "msdyn_vestingtimeunit": "Picklist",
        "msdyn_vestingtimevalue": "String"
      },
      "lookups": {
        "msdyn_rewardpointcurrency": [
          "transactioncurrency"
        ]
      }
    },
    {
      "logicalName": "msdyn_mainaccount",
      "entitySet": "msdyn_mainaccounts",
      "columns": {
        "msdyn_accountnumber": "String",
        "msdyn_balancecontrol": "Picklist",
        "msdyn_chartofaccounts": "Lookup",
        "msdyn_closing": "Picklist",
        "msdyn_debitcreditdefault": "Picklist",
        "msdyn_debitcreditrequirement": "Picklist",
        "msdyn_defaultcurrency": "Lookup",
        "msdyn_exchangeadjustmentratetype": "Lookup",
        "msdyn_financialreportingcurrencytrantype": "Picklist",
        "msdyn_financialreportingexchangeratetype": "Lookup",
        "msdyn_foreigncurrencyrevaluation": "Boolean",
        "msdyn_mainaccountcategoryname": "String",
        "msdyn_mainaccounttype": "Picklist",
        "msdyn_mandatorypaymentreference": "Boolean",
        "msdyn_monetary": "Boolean",
        "msdyn_name": "String",
        "msdyn_offsetaccount": "String",
        "msdyn_postingtype": "Picklist",
        "msdyn_reportingexchangeadjustmentratetype": "Lookup",
        "msdyn_srucode": "String",
        "msdyn_user": "String",
        "msdyn_validatecurrencycode": "Picklist",
        "msdyn_validateposting": "Picklist",
        "msdyn_validateuser": "Picklist"
      },
      "lookups": {
        "msdyn_chartofaccounts": [
          "msdyn_chartofaccounts"
        ],
        "msdyn_defaultcurrency": [
          "transactioncurrency"
        ],
        "msdyn_exchangeadjustmentratetype": [
          "msdyn_exchangeadjustmentratetype"
        ],
        "msdyn_financialreportingexchangeratetype": [
          "msdyn_exchangeratetype"
        ],
        "msdyn_reportingexchangeadjustmentratetype": [
          "msdyn_reportingexchangeadjustmentratetype"
        ]
      }
    },
    {
      "logicalName": "msdyn_mainaccountcategory",
      "entitySet": "msdyn_mainaccountcategories",
      "columns": {
        "msdyn_closed": "Boolean",
        "msdyn_description": "String",
        "msdyn_displayorder": "String",
        "msdyn_mainaccountcategory": "String",
        "msdyn_mainaccounttypevalue": "Picklist",
        "msdyn_referenceid": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_maintenanceassettype",
      "entitySet": "msdyn_maintenanceassettypes",
      "columns": {
        "msdyn_maintenanceassettypeid": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_manufacturer",
      "entitySet": "msdyn_manufacturers",
      "columns": {
        "msdyn_description": "String",
        "msdyn_manufacturer_id": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_model",
      "entitySet": "msdyn_models",
      "columns": {
        "msdyn_description": "String",
        "msdyn_maintenanceassettype": "Lookup",
        "msdyn_manufacturer": "Lookup",
        "msdyn_model_id": "String"
      },
      "lookups": {
        "msdyn_maintenanceassettype": [
          "msdyn_maintenanceassettype"
        ],
        "msdyn_manufacturer": [
          "msdyn_manufacturer"
        ]
      }
    },
    {
      "logicalName": "msdyn_nameaffix",
      "entitySet": "msdyn_nameaffixes",
      "columns": {
        "msdyn_affix": "String",
        "msdyn_affixtype": "Picklist",
        "msdyn_description": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_onloanlifecyclestate",
      "entitySet": "msdyn_onloanlifecyclestates",
      "columns": {
        "msdyn_assetlifecyclestate_id": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_operatingunit",
      "entitySet": "msdyn_operatingunits",
      "columns": {
        "msdyn_partynumber": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_operationalsite",
      "entitySet": "msdyn_operationalsites",
      "columns": {
        "msdyn_company": "Lookup",
        "msdyn_defaultfinancialdimensionvalue": "String",
        "msdyn_defaultinventorystatusid": "String",
        "msdyn_fiscalestablishmentid": "String",
        "msdyn_formattedprimaryaddress": "String",
        "msdyn_isprimaryaddressassigned": "Boolean",
        "msdyn_isreceivingwarehouseoverrideallowed": "Boolean",
        "msdyn_masterplannedusestransferjournal": "Boolean",
        "msdyn_primaryaddressbuildingcompliment": "String",
        "msdyn_primaryaddresscity": "String",
        "msdyn_primaryaddresscityinkana": "String",
        "msdyn_primaryaddresscountryregionid": "String",
        "msdyn_primaryaddresscountyid": "String",
        "msdyn_primaryaddressdescription": "String",
        "msdyn_primaryaddressdistrictname": "String",
        "msdyn_primaryaddresslatitude": "String",
        "msdyn_primaryaddresslocationrole": "String",
        "msdyn_primaryaddresslocationsalestaxgroupcode": "String",
        "msdyn_primaryaddresslongitude": "String",
        "msdyn_primaryaddresspostbox": "String",
        "msdyn_primaryaddressstateid": "String",
        "msdyn_primaryaddressstreet": "String",
        "msdyn_primaryaddressstreetinkana": "String",
        "msdyn_primaryaddressstreetnumber": "String",
        "msdyn_primaryaddresszipcode": "String",
        "msdyn_siteid": "String",
        "msdyn_sitename": "String",
        "msdyn_taxbranchcode": "String"
      },
      "lookups": {
        "msdyn_company": [
          "cdm_company"
        ]
      }
    },
    {
      "logicalName": "msdyn_outboundlifecyclestate",
      "entitySet": "msdyn_outboundlifecyclestates",
      "columns": {
        "msdyn_assetlifecyclestate_id": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_parent",
      "entitySet": "msdyn_parents",
      "columns": {
        "msdyn_partynumber": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_parentasset",
      "entitySet": "msdyn_parentassets",
      "columns": {
        "msdyn_maintenanceassetid": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_parentfunctionallocation",
      "entitySet": "msdyn_parentfunctionallocations",
      "columns": {
        "msdyn_functionallocation_id": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_parentproductcategory",
      "entitySet": "msdyn_parentproductcategories",
      "columns": {
        "msdyn_hierarchy": "Lookup",
        "msdyn_name": "String"
      },
      "lookups": {
        "msdyn_hierarchy": [
          "msdyn_hierarchy"
        ]
      }
    },
    {
      "logicalName": "msdyn_party",
      "entitySet": "msdyn_parties",
      "columns": {
        "msdyn_anniversaryday": "String",
        "msdyn_anniversarymonth": "Picklist",
        "msdyn_anniversaryyear": "String",
        "msdyn_birthday": "String",
        "msdyn_birthmonth": "Picklist",
        "msdyn_birthyear": "String",
        "msdyn_childrennames": "String",
        "msdyn_firstname": "String",
        "msdyn_gender": "Picklist",
        "msdyn_hobbies": "String",
        "msdyn_initials": "String",
        "msdyn_language": "Picklist",
        "msdyn_lastname": "String",
        "msdyn_lastnameprefix": "String",
        "msdyn_maritalstatus": "Picklist",
        "msdyn_middlename": "String",
        "msdyn_namealias": "String",
        "msdyn_nickname": "String",
        "msdyn_numberofemployees": "String",
        "msdyn_organizationabccode": "Picklist",
        "msdyn_organizationname": "String",
        "msdyn_organizationnumber": "String",
        "msdyn_organizationphoneticname": "String",
        "msdyn_partynumber": "String",
        "msdyn_partytype": "Picklist",
        "msdyn_phoneticfirstname": "String",
        "msdyn_phoneticlastname": "String",
        "msdyn_phoneticmiddlename": "String",
        "msdyn_professionalsuffix": "String",
        "msdyn_professionaltitle": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_partyelectronicaddress",
      "entitySet": "msdyn_partyelectronicaddresses",
      "columns": {
        "msdyn_description": "String",
        "msdyn_electronicaddressnumber": "String",
        "msdyn_internationalcallingcode": "String",
        "msdyn_isinstantmessage": "Boolean",
        "msdyn_ismobile": "Boolean",
        "msdyn_isprimary": "Boolean",
        "msdyn_isprivate": "Boolean",
        "msdyn_locator": "String",
        "msdyn_locatorextension": "String",
        "msdyn_partyid": "Lookup",
        "msdyn_purpose": "String",
        "msdyn_type": "Picklist"
      },
      "lookups": {
        "msdyn_partyid": [
          "msdyn_party"
        ]
      }
    },
    {
      "logicalName": "msdyn_partypostaladdress",
      "entitySet": "msdyn_partypostaladdresses",
      "columns": {
        "msdyn_islocationowner": "Boolean",
        "msdyn_isprimary": "Boolean",
        "msdyn_partyid": "Lookup",
        "msdyn_postaladdresscollectionid": "Lookup",
        "msdyn_postaladdresspurposenames": "String"
      },
      "lookups": {
        "msdyn_partyid": [
          "msdyn_party"
        ],
        "msdyn_postaladdresscollectionid": [
          "msdyn_postaladdresscollection"
        ]
      }
    },
    {
      "logicalName": "msdyn_paymentday",
      "entitySet": "msdyn_paymentdays",
      "columns": {
        "msdyn_company": "Lookup",
        "msdyn_description": "String",
        "msdyn_name": "String"
      },
      "lookups": {
        "msdyn_company": [
          "cdm_company"
        ]
      }
    },
    {
      "logicalName": "msdyn_paymentdayline",
      "entitySet": "msdyn_paymentdaylines",
      "columns": {
        "msdyn_company": "Lookup",
        "msdyn_dayofmonth": "String",
        "msdyn_dayofweek": "Picklist",
        "msdyn_frequency": "Picklist",
        "msdyn_linenumber": "String",
        "msdyn_paymentday": "Lookup"
      },
      "lookups": {
        "msdyn_company": [
          "cdm_company"
        ],
        "msdyn_paymentday": [
          "msdyn_paymentday"
        ]
      }
    },
    {
      "logicalName": "msdyn_paymentschedule",
      "entitySet": "msdyn_paymentschedules",
      "columns": {
        "msdyn_allocationmethod": "Picklist",
        "msdyn_company": "Lookup",
        "msdyn_description": "String",
        "msdyn_fixedpaymentamount": "String",
        "msdyn_minimumpaymentamount": "String",
        "msdyn_name": "String",
        "msdyn_note": "String",
        "msdyn_numberofpayments": "String",
        "msdyn_paymentfrequency": "String",
        "msdyn_paymentfrequencyunit": "Picklist",
        "msdyn_salestaxallocationmethod": "Picklist"
      },
      "lookups": {
        "msdyn_company": [
          "cdm_company"
        ]
      }
    },
    {
      "logicalName": "msdyn_paymentscheduleline",
      "entitySet": "msdyn_paymentschedulelines",
      "columns": {
        "msdyn_company": "Lookup",
        "msdyn_linenumber": "String",
        "msdyn_paymentschedule": "Lookup",
        "msdyn_percentoramount": "Picklist",
        "msdyn_percentoramountvalue": "String",
        "msdyn_periodsafterduedate": "String"
      },
      "lookups": {
        "msdyn_company": [
          "cdm_company"
        ],
        "msdyn_paymentschedule": [
          "msdyn_paymentschedule"
        ]
      }
    },
    {
      "logicalName": "msdyn_paymentterm",
      "entitySet": "msdyn_paymentterms",
      "columns": {
        "msdyn_company": "Lookup",
        "msdyn_creditcardcreditchecktype": "Picklist",
        "msdyn_creditcardpaymenttype": "Picklist",
        "msdyn_cutoffdayofmonth": "String",
        "msdyn_days": "String",
        "msdyn_description": "String",
        "msdyn_iscashpayment": "Boolean",
        "msdyn_iscertifiedcompanycheck": "Boolean",
        "msdyn_isdefaultpaymentterm": "Boolean",
        "msdyn_name": "String",
        "msdyn_numberofmonth": "String",
        "msdyn_paymentdayname": "Lookup",
        "msdyn_paymentmethodtype": "Picklist",
        "msdyn_paymentschedulename": "Lookup"
      },
      "lookups": {
        "msdyn_company": [
          "cdm_company"
        ],
        "msdyn_paymentdayname": [
          "msdyn_paymentday"
        ],
        "msdyn_paymentschedulename": [
          "msdyn_paymentschedule"
        ]
      }
    },
    {
      "logicalName": "msdyn_personalcharactertype",
      "entitySet": "msdyn_personalcharactertypes",
      "columns": {
        "msdyn_typedescription": "String",
        "msdyn_typename": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_personalcharactertypecode",
      "entitySet": "msdyn_personalcharactertypecodes",
      "columns": {
        "msdyn_typename": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_postaladdress",
      "entitySet": "msdyn_postaladdresses",
      "columns": {
        "msdyn_buildingcompliment": "String",
        "msdyn_city": "String",
        "msdyn_countryregionid": "String",
        "msdyn_county": "String",
        "msdyn_district": "String",
        "msdyn_name": "String",
        "msdyn_postaladdresscollectionid": "Lookup",
        "msdyn_postbox": "String",
        "msdyn_state": "String",
        "msdyn_street": "String",
        "msdyn_streetnumber": "String",
        "msdyn_validfrom": "String",
        "msdyn_validto": "String",
        "msdyn_zipcode": "String"
      },
      "lookups": {
        "msdyn_postaladdresscollectionid": [
          "msdyn_postaladdresscollection"
        ]
      }
    },
    {
      "logicalName": "msdyn_postaladdresscollection",
      "entitySet": "msdyn_postaladdresscollections",
      "columns": {
        "msdyn_description": "String",
        "msdyn_location": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_pricecustomergroup",
      "entitySet": "msdyn_pricecustomergroups",
      "columns": {
        "msdyn_groupcode": "String",
        "msdyn_groupname": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_primarycomplimentaryclosingphrase",
      "entitySet": "msdyn_primarycomplimentaryclosingphrases",
      "columns": {
        "msdyn_closingphrase": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_primarysalutationphrase",
      "entitySet": "msdyn_primarysalutationphrases",
      "columns": {
        "msdyn_salutationphrase": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_procurementproductcategory",
      "entitySet": "msdyn_procurementproductcategories",
      "columns": {
        "msdyn_hierarchy": "Lookup",
        "msdyn_name": "String"
      },
      "lookups": {
        "msdyn_hierarchy": [
          "msdyn_hierarchy"
        ]
      }
    },
    {
      "logicalName": "msdyn_product",
      "entitySet": "msdyn_products",
      "columns": {
        "msdyn_productnumber": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_productbarcode",
      "entitySet": "msdyn_productbarcodes",
      "columns": {
        "msdyn_barcode": "String",
        "msdyn_barcodesetupid": "String",
        "msdyn_isdefaultdisplayedbarcode": "Boolean",
        "msdyn_isdefaultprintedbarcode": "Boolean",
        "msdyn_isdefaultscannedbarcode": "Boolean",
        "msdyn_name": "String",
        "msdyn_productdescription": "String",
        "msdyn_productnumberid": "Lookup",
        "msdyn_productquantity": "String",
        "msdyn_unitofmeasureid": "Lookup"
      },
      "lookups": {
        "msdyn_productnumberid": [
          "msdyn_productnumber"
        ],
        "msdyn_unitofmeasureid": [
          "uom"
        ]
      }
    },
    {
      "logicalName": "msdyn_productcategory",
      "entitySet": "msdyn_productcategories",
      "columns": {
        "msdyn_code": "String",
        "msdyn_description": "String",
        "msdyn_externalproductcategoryid": "String",
        "msdyn_friendlycategoryname": "String",
        "msdyn_hierarchy": "Lookup",
        "msdyn_integrationid": "String",
        "msdyn_isinheritingparentcategoryattributes": "Boolean",
        "msdyn_isinheritingparentproductattributes": "Boolean",
        "msdyn_istangibleproduct": "Boolean",
        "msdyn_keywords": "String",
        "msdyn_name": "String",
        "msdyn_parentproductcategory": "Lookup",
        "msdyn_projectcategoryname": "String"
      },
      "lookups": {
        "msdyn_hierarchy": [
          "msdyn_hierarchy"
        ],
        "msdyn_parentproductcategory": [
          "msdyn_parentproductcategory"
        ]
      }
    },
    {
      "logicalName": "msdyn_productcategoryassignment",
      "entitySet": "msdyn_productcategoryassignments",
      "columns": {
        "msdyn_globalproduct": "Lookup",
        "msdyn_name": "String",
        "msdyn_productcategory": "Lookup"
      },
      "lookups": {
        "msdyn_globalproduct": [
          "msdyn_globalproduct"
        ],
        "msdyn_productcategory": [
          "msdyn_productcategory"
        ]
      }
    },
    {
      "logicalName": "msdyn_productcategoryhierarchy",
      "entitySet": "msdyn_productcategoryhierarchies",
      "columns": {
        "msdyn_description": "String",
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_productcategoryhierarchyrole",
      "entitySet": "msdyn_productcategoryhierarchyroles",
      "columns": {
        "msdyn_hierarchy": "Lookup",
        "msdyn_hierarchyrole": "Picklist"
      },
      "lookups": {
        "msdyn_hierarchy": [
          "msdyn_hierarchy"
        ]
      }
    },
    {
      "logicalName": "msdyn_productcolor",
      "entitySet": "msdyn_productcolors",
      "columns": {
        "msdyn_productcolorname": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_productconfiguration",
      "entitySet": "msdyn_productconfigurations",
      "columns": {
        "msdyn_productconfiguration": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_productdefaultordersetting",
      "entitySet": "msdyn_productdefaultordersettings",
      "columns": {
        "msdyn_areinventoryorderdefaultsoverridden": "Boolean",
        "msdyn_aresalesorderdefaultsoverridden": "Boolean",
        "msdyn_inventoryatpbackwarddemandtimefencedays": "String",
        "msdyn_inventoryatpbackwardsupplytimefencedays": "String",
        "msdyn_inventoryatpdelayeddemandoffsetdays": "String",
        "msdyn_inventoryatpdelayedsupplyoffsetdays": "String",
        "msdyn_inventoryatptimefencedays": "String",
        "msdyn_inventoryleadtimedays": "String",
        "msdyn_inventoryorderpromisingmethod": "Picklist",
        "msdyn_inventoryquantitymultiples": "String",
        "msdyn_inventorysite": "Lookup",
        "msdyn_inventorywarehouse": "Lookup",
        "msdyn_isinventoryatpincludingplannedorders": "Boolean",
        "msdyn_isinventoryprocessingstopped": "Boolean",
        "msdyn_isinventorysitemandatory": "Boolean",
        "msdyn_isinventoryusingworkingdays": "Boolean",
        "msdyn_isinventorywarehousemandatory": "Boolean",
        "msdyn_isprocurementprocessingstopped": "Boolean",
        "msdyn_isprocurementsitemandatory": "Boolean",
        "msdyn_isprocurementusingworkingdays": "Boolean",
        "msdyn_isprocurementwarehousemandatory": "Boolean",
        "msdyn_issalesatpincludingplannedorders": "Boolean",
        "msdyn_issalesleadtimeoverridden": "Boolean",
        "msdyn_issalesprocessingstopped": "Boolean",
        "msdyn_issalessitemandatory": "Boolean",
        "msdyn_issaleswarehousemandatory": "Boolean",
        "msdyn_itemnumber": "Lookup",
        "msdyn_maximuminventoryorderquantity": "String",
        "msdyn_maximumprocurementorderquantity": "String",
        "msdyn_maximumsalesorderquantity": "String",
        "msdyn_minimuminventoryorderquantity": "String",
        "msdyn_minimumprocurementorderquantity": "String",
        "msdyn_minimumsalesorderquantity": "String",
        "msdyn_procurementleadtimedays": "String",
        "msdyn_procurementquantitymultiples": "String",
        "msdyn_procurementsite": "Lookup",
        "msdyn_procurementwarehouse": "Lookup",
        "msdyn_salesatpbackwarddemandtimefencedays": "String",
        "msdyn_salesatpbackwardsupplytimefencedays": "String",
        "msdyn_salesatpdelayeddemandoffsetdays": "String",
        "msdyn_salesatpdelayedsupplyoffsetdays": "String",
        "msdyn_salesatptimefencedays": "String",
        "msdyn_salesleadtimedays": "String",
        "msdyn_salesorderpromisingmethod": "Picklist",
        "msdyn_salesquantitymultiples": "String",
        "msdyn_salessite": "Lookup",
        "msdyn_saleswarehouse": "Lookup",
        "msdyn_standardinventoryorderquantity": "String",
        "msdyn_standardprocurementorderquantity": "String",
        "msdyn_standardsalesorderquantity": "String"
      },
      "lookups": {
        "msdyn_inventorysite": [
          "msdyn_operationalsite"
        ],
        "msdyn_inventorywarehouse": [
          "msdyn_warehouse"
        ],
        "msdyn_itemnumber": [
          "msdyn_itemnumber"
        ],
        "msdyn_procurementsite": [
          "msdyn_operationalsite"
        ],
        "msdyn_procurementwarehouse": [
          "msdyn_warehouse"
        ],
        "msdyn_salessite": [
          "msdyn_operationalsite"
        ],
        "msdyn_saleswarehouse": [
          "msdyn_warehouse"
        ]
      }
    },
    {
      "logicalName": "msdyn_productdimensiongroup",
      "entitySet": "msdyn_productdimensiongroups",
      "columns": {
        "msdyn_groupdescription": "String",
        "msdyn_groupname": "String",
        "msdyn_isproductcoloractive": "Boolean",
        "msdyn_isproductconfigurationactive": "Boolean",
        "msdyn_isproductsizeactive": "Boolean",
        "msdyn_isproductstyleactive": "Boolean",
        "msdyn_productvariantnomenclaturename": "String",
        "msdyn_willpurchasepricesearchuseproductsize": "Boolean",
        "msdyn_willpurchasepricesearchuseproductstyle": "Boolean",
        "msdyn_willpurchpricesearchuseprodconfig": "Boolean",
        "msdyn_willpurchpricesearchuseproductcolor": "Boolean",
        "msdyn_willsalespricesearchuseprodconfig": "Boolean",
        "msdyn_willsalespricesearchuseproductcolor": "Boolean",
        "msdyn_willsalespricesearchuseproductsize": "Boolean",
        "msdyn_willsalespricesearchuseproductstyle": "Boolean"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_productnumber",
      "entitySet": "msdyn_productnumbers",
      "columns": {
        "msdyn_productnumber": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_productsize",
      "entitySet": "msdyn_productsizes",
      "columns": {
        "msdyn_productsize": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_productspecificdefaultordersetting",
      "entitySet": "msdyn_productspecificdefaultordersettings",
      "columns": {
        "msdyn_areinventoryorderdefaultsoverridden": "Boolean",
        "msdyn_aresalesorderdefaultsoverridden": "Boolean",
        "msdyn_inventoryatpbackwarddemandtimefencedays": "String",
        "msdyn_inventoryatpbackwardsupplytimefencedays": "String",
        "msdyn_inventoryatpdelayeddemandoffsetdays": "String",
        "msdyn_inventoryatpdelayedsupplyoffsetdays": "String",
        "msdyn_inventoryatptimefencedays": "String",
        "msdyn_inventoryleadtimedays": "String",
        "msdyn_inventoryorderpromisingmethod": "Picklist",
        "msdyn_inventoryquantitymultiples": "String",
        "msdyn_inventorysite": "Lookup",
        "msdyn_inventorywarehouse": "Lookup",
        "msdyn_isinventoryatpincludingplannedorders": "Boolean",
        "msdyn_isinventoryprocessingstopped": "Boolean",
        "msdyn_isinventorysitemandatory": "Boolean",
        "msdyn_isinventoryusingworkingdays": "Boolean",
        "msdyn_isinventorywarehousemandatory": "Boolean",
        "msdyn_isprocurementprocessingstopped": "Boolean",
        "msdyn_isprocurementsitemandatory": "Boolean",
        "msdyn_isprocurementusingworkingdays": "Boolean",
        "msdyn_isprocurementwarehousemandatory": "Boolean",
        "msdyn_issalesatpincludingplannedorders": "Boolean",
        "msdyn_issalesleadtimeoverridden": "Boolean",
        "msdyn_issalesprocessingstopped": "Boolean",
        "msdyn_issalessitemandatory": "Boolean",
        "msdyn_issaleswarehousemandatory": "Boolean",
        "msdyn_itemnumber": "Lookup",
        "msdyn_maximuminventoryorderquantity": "String",
        "msdyn_maximumprocurementorderquantity": "String",
        "msdyn_maximumsalesorderquantity": "String",
        "msdyn_minimuminventoryorderquantity": "String",
        "msdyn_minimumprocurementorderquantity": "String",
        "msdyn_minimumsalesorderquantity": "String",
        "msdyn_operationalsite": "Lookup",
        "msdyn_procurementleadtimedays": "String",
        "msdyn_procurementquantitymultiples": "String",
        "msdyn_procurementsite": "Lookup",
        "msdyn_procurementwarehouse": "Lookup",
        "msdyn_productcolor": "Lookup",
        "msdyn_productconfiguration": "Lookup",
        "msdyn_productsize": "Lookup",
        "msdyn_productstyle": "Lookup",
        "msdyn_salesatpbackwarddemandtimefencedays": "String",
        "msdyn_salesatpbackwardsupplytimefencedays": "String",
        "msdyn_salesatpdelayeddemandoffsetdays": "String",
        "msdyn_salesatpdelayedsupplyoffsetdays": "String",
        "msdyn_salesatptimefencedays": "String",
        "msdyn_salesleadtimedays": "String",
        "msdyn_salesorderpromisingmethod": "Picklist",
        "msdyn_salesquantitymultiples": "String",
        "msdyn_salessite": "Lookup",
        "msdyn_saleswarehouse": "Lookup",
        "msdyn_standardinventoryorderquantity": "String",
        "msdyn_standardprocurementorderquantity": "String",
        "msdyn_standardsalesorderquantity": "String"
      },
      "lookups": {
        "msdyn_inventorysite": [
          "msdyn_operationalsite"
        ],
        "msdyn_inventorywarehouse": [
          "msdyn_warehouse"
        ],
        "msdyn_itemnumber": [
          "msdyn_itemnumber"
        ],
        "msdyn_operationalsite": [
          "msdyn_operationalsite"
        ],
        "msdyn_procurementsite": [
          "msdyn_operationalsite"
        ],
        "msdyn_procurementwarehouse": [
          "msdyn_warehouse"
        ],
        "msdyn_productcolor": [
          "msdyn_productcolor"
        ],
        "msdyn_productconfiguration": [
          "msdyn_productconfiguration"
        ],
        "msdyn_productsize": [
          "msdyn_productsize"
        ],
        "msdyn_productstyle": [
          "msdyn_productstyle"
        ],
        "msdyn_salessite": [
          "msdyn_operationalsite"
        ],
        "msdyn_saleswarehouse": [
          "msdyn_warehouse"
        ]
      }
    },
    {
      "logicalName": "msdyn_productspecificunitofmeasureconversion",
      "entitySet": "msdyn_productspecificunitofmeasureconversions",
      "columns": {
        "msdyn_denominator": "String",
        "msdyn_factor": "String",
        "msdyn_fromunit": "Lookup",
        "msdyn_globalproduct": "Lookup",
        "msdyn_inneroffset": "String",
        "msdyn_numerator": "String",
        "msdyn_outeroffset": "String",
        "msdyn_rounding": "Picklist",
        "msdyn_tounit": "Lookup"
      },
      "lookups": {
        "msdyn_fromunit": [
          "uom"
        ],
        "msdyn_globalproduct": [
          "msdyn_globalproduct"
        ],
        "msdyn_tounit": [
          "uom"
        ]
      }
    },
    {
      "logicalName": "msdyn_productstoragedimensiongroup",
      "entitySet": "msdyn_productstoragedimensiongroups",
      "columns": {
        "msdyn_areadvancedwmprocessesenabled": "Boolean",
        "msdyn_groupdescription": "String",
        "msdyn_groupname": "String",
        "msdyn_isblankissueallowedforlocation": "Boolean",
        "msdyn_isblankreceiptallowedforlocation": "Boolean",
        "msdyn_iscoverageplanenabledforlocation": "Boolean",
        "msdyn_isfinancialinventoryenabledforwarehouse": "Boolean",
        "msdyn_islocationactive": "Boolean",
        "msdyn_isphysicalinventoryenabledforlocation": "Boolean",
        "msdyn_isphysicalinventoryenabledforwarehouse": "Boolean",
        "msdyn_iswarehousemandatory": "Boolean",
        "msdyn_iswarehouseprimarystoragedimension": "Boolean",
        "msdyn_willcoverageplanuseinventorystatus": "Boolean",
        "msdyn_willcoverageplanusewarehouse": "Boolean",
        "msdyn_willpurchasepricesearchusesite": "Boolean",
        "msdyn_willpurchasepricesearchusewarehouse": "Boolean",
        "msdyn_willpurchpricesearchuseinventstatus": "Boolean",
        "msdyn_willsalespricesearchuseinventorystatus": "Boolean",
        "msdyn_willsalespricesearchusesite": "Boolean",
        "msdyn_willsalespricesearchusewarehouse": "Boolean"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_productstyle",
      "entitySet": "msdyn_productstyles",
      "columns": {
        "msdyn_productstyle": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_producttrackingdimensiongroup",
      "entitySet": "msdyn_producttrackingdimensiongroups",
      "columns": {
        "msdyn_groupdescription": "String",
        "msdyn_groupname": "String",
        "msdyn_isbatchnumberactive": "Boolean",
        "msdyn_isblankissueallowedforbatchnumber": "Boolean",
        "msdyn_isblankissueallowedforserialnumber": "Boolean",
        "msdyn_isblankreceiptallowedforbatchnumber": "Boolean",
        "msdyn_isblankreceiptallowedforserialnumber": "Boolean",
        "msdyn_iscoverageplanenabledforbatchnumber": "Boolean",
        "msdyn_iscoverageplanenabledforserialnumber": "Boolean",
        "msdyn_isfinancialinventoryenabledforbn": "Boolean",
        "msdyn_isfinancialinventoryenabledforsn": "Boolean",
        "msdyn_isinventoryowneractive": "Boolean",
        "msdyn_isphysicalinventoryenabledforbn": "Boolean",
        "msdyn_isphysicalinventoryenabledforsn": "Boolean",
        "msdyn_isprimarystockingenabledforbn": "Boolean",
        "msdyn_isprimarystockingenabledforsn": "Boolean",
        "msdyn_ispurchasepricebybatchnumber": "Boolean",
        "msdyn_ispurchasepricebyserialnumber": "Boolean",
        "msdyn_issalespricebybatchnumber": "Boolean",
        "msdyn_issalespricebyserialnumber": "Boolean",
        "msdyn_isserialnumberactive": "Boolean",
        "msdyn_isserialnumbercontrolenabled": "Boolean",
        "msdyn_isserialnumberenabledforsalesprocess": "Boolean",
        "msdyn_issnenabledforpcprocess": "Boolean",
        "msdyn_serialnumbercapturingoperation": "Picklist"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_purchaseorder",
      "entitySet": "msdyn_purchaseorders",
      "columns": {
        "msdyn_accountingdate": "String",
        "msdyn_address1": "String",
        "msdyn_address2": "String",
        "msdyn_addressname": "String",
        "msdyn_arepriceincludingsalestax": "Boolean",
        "msdyn_attentioninformation": "String",
        "msdyn_cashdiscountcode": "String",
        "msdyn_cashdiscountpercentage": "String",
        "msdyn_city": "String",
        "msdyn_confirmeddeliverydate": "String",
        "msdyn_contactpersonid": "Lookup",
        "msdyn_country": "String",
        "msdyn_dateexpected": "String",
        "msdyn_defaultreceivingsiteid": "Lookup",
        "msdyn_deliveryaddresscountryregionid": "String",
        "msdyn_deliveryaddresscountyid": "String",
        "msdyn_deliveryaddressdescription": "String",
        "msdyn_deliveryaddressdistrictname": "String",
        "msdyn_deliveryaddressdunsnumber": "String",
        "msdyn_deliveryaddresslocationid": "String",
        "msdyn_deliveryaddresspostbox": "String",
        "msdyn_deliveryaddresstimezone": "String",
        "msdyn_deliverybuildingcompliment": "String",
        "msdyn_deliveryterm": "Lookup",
        "msdyn_documentapprovalstatus": "Picklist",
        "msdyn_email": "String",
        "msdyn_formatteddeliveryaddress": "String",
        "msdyn_formattedinvoiceaddress": "String",
        "msdyn_invoiceaddresscity": "String",
        "msdyn_invoiceaddresscountryregionid": "String",
        "msdyn_invoiceaddresscounty": "String",
        "msdyn_invoiceaddressstate": "String",
        "msdyn_invoiceaddressstreet": "String",
        "msdyn_invoiceaddressstreetnumber": "String",
        "msdyn_invoiceaddresszipcode": "String",
        "msdyn_invoicevendoraccount": "Lookup",
        "msdyn_ischangemanagementactive": "Boolean",
        "msdyn_isdeliverydirectly": "Boolean",
        "msdyn_language": "Picklist",
        "msdyn_latitude": "String",
        "msdyn_longitude": "String",
        "msdyn_name": "String",
        "msdyn_ordererpersonnelnumber": "Lookup",
        "msdyn_paymentterm": "Lookup",
        "msdyn_postalcode": "String",
        "msdyn_purchaseorderstatus": "Picklist",
        "msdyn_reasoncode": "String",
        "msdyn_reasoncomment": "String",
        "msdyn_receivetowarehouse": "Lookup",
        "msdyn_shipvia": "Lookup",
        "msdyn_stateorprovince": "String",
        "msdyn_totaldiscountpercentage": "String",
        "msdyn_url": "String",
        "msdyn_vendor": "Lookup",
        "msdyn_vendororderreference": "String",
        "msdyn_vendorpaymentmethod": "Lookup",
        "msdyn_vendorpaymentmethodspecificationname": "String",
        "transactioncurrencyid": "Lookup"
      },
      "lookups": {
        "msdyn_contactpersonid": [
          "contact"
        ],
        "msdyn_defaultreceivingsiteid": [
          "msdyn_operationalsite"
        ],
        "msdyn_deliveryterm": [
          "msdyn_deliveryterm"
        ],
        "msdyn_invoicevendoraccount": [
          "account"
        ],
        "msdyn_ordererpersonnelnumber": [
          "cdm_worker"
        ],
        "msdyn_paymentterm": [
          "msdyn_paymentterm"
        ],
        "msdyn_receivetowarehouse": [
          "msdyn_warehouse"
        ],
        "msdyn_shipvia": [
          "msdyn_shipvia"
        ],
        "msdyn_vendor": [
          "account"
        ],
        "msdyn_vendorpaymentmethod": [
          "msdyn_vendorpaymentmethod"
        ],
        "transactioncurrencyid": [
          "transactioncurrency"
        ]
      }
    },
    {
      "logicalName": "msdyn_purchaseorderproduct",
      "entitySet": "msdyn_purchaseorderproducts",
      "columns": {
        "msdyn_associatetowarehouse": "Lookup",
        "msdyn_barcode": "String",
        "msdyn_catchweightunitsymbol": "Lookup",
        "msdyn_confirmeddeliverydate": "String",
        "msdyn_confirmedshippingdate": "String",
        "msdyn_customerreference": "String",
        "msdyn_customerrequisitionnumber": "String",
        "msdyn_dateexpected": "String",
        "msdyn_deliveryaddresscity": "String",
        "msdyn_deliveryaddresscountryregionid": "String",
        "msdyn_deliveryaddressdescription": "String",
        "msdyn_deliveryaddressname": "String",
        "msdyn_deliveryaddressstate": "String",
        "msdyn_deliveryaddressstreet": "String",
        "msdyn_deliveryaddressstreetnumber": "String",
        "msdyn_deliveryaddresszipcode": "String",
        "msdyn_description": "String",
        "msdyn_externalitemnumber": "String",
        "msdyn_formatteddeliveryaddress": "String",
        "msdyn_ispartialdeliveryprevented": "Boolean",
        "msdyn_issoftdeletedinscm": "Boolean",
        "msdyn_lineamount": "String",
        "msdyn_linediscountamount": "String",
        "msdyn_linediscountpercentage": "String",
        "msdyn_lineorder": "String",
        "msdyn_orderedcatchweightquantity": "String",
        "msdyn_procurementproductcategory": "Lookup",
        "msdyn_product": "Lookup",
        "msdyn_purchaseorder": "Lookup",
        "msdyn_purchaseorderlinestatus": "Picklist",
        "msdyn_purchasepricequantity": "String",
        "msdyn_quantity": "String",
        "msdyn_receivingsiteid": "Lookup",
        "msdyn_requestedshippingdate": "String",
        "msdyn_requesterpersonnelnumber": "Lookup",
        "msdyn_unit": "Lookup",
        "msdyn_unitcost": "String",
        "transactioncurrencyid": "Lookup"
      },
      "lookups": {
        "msdyn_associatetowarehouse": [
          "msdyn_warehouse"
        ],
        "msdyn_catchweightunitsymbol": [
          "uom"
        ],
        "msdyn_procurementproductcategory": [
          "msdyn_procurementproductcategory"
        ],
        "msdyn_product": [
          "msdyn_product"
        ],
        "msdyn_purchaseorder": [
          "msdyn_purchaseorder"
        ],
        "msdyn_receivingsiteid": [
          "msdyn_operationalsite"
        ],
        "msdyn_requesterpersonnelnumber": [
          "cdm_worker"
        ],
        "msdyn_unit": [
          "uom"
        ],
        "transactioncurrencyid": [
          "transactioncurrency"
        ]
      }
    },
    {
      "logicalName": "msdyn_purchaseorderreceipt",
      "entitySet": "msdyn_purchaseorderreceipts",
      "columns": {
        "msdyn_datereceived": "String",
        "msdyn_deliveryaddresscity": "String",
        "msdyn_deliveryaddresscountryregionid": "String",
        "msdyn_deliveryaddresscountyid": "String",
        "msdyn_deliveryaddressdescription": "String",
        "msdyn_deliveryaddressdistrictname": "String",
        "msdyn_deliveryaddressdunsnumber": "String",
        "msdyn_deliveryaddresslatitude": "String",
        "msdyn_deliveryaddresslocationid": "String",
        "msdyn_deliveryaddresslongitude": "String",
        "msdyn_deliveryaddressname": "String",
        "msdyn_deliveryaddresspostbox": "String",
        "msdyn_deliveryaddressstateid": "String",
        "msdyn_deliveryaddressstreet": "String",
        "msdyn_deliveryaddressstreetnumber": "String",
        "msdyn_deliveryaddresstimezone": "String",
        "msdyn_deliveryaddresszipcode": "String",
        "msdyn_deliverybuildingcompliment": "String",
        "msdyn_deliverycityinkana": "String",
        "msdyn_deliverystreetinkana": "String",
        "msdyn_deliveryterm": "Lookup",
        "msdyn_formatteddeliveryaddress": "String",
        "msdyn_isdeliveryaddressprivate": "Boolean",
        "msdyn_name": "String",
        "msdyn_note": "String",
        "msdyn_ordervendor": "Lookup",
        "msdyn_purchaseorder": "Lookup",
        "msdyn_recordid": "String",
        "msdyn_requesterpersonnel": "Lookup",
        "msdyn_shipvia": "Lookup"
      },
      "lookups": {
        "msdyn_deliveryterm": [
          "msdyn_deliveryterm"
        ],
        "msdyn_ordervendor": [
          "msdyn_vendor"
        ],
        "msdyn_purchaseorder": [
          "msdyn_purchaseorder"
        ],
        "msdyn_requesterpersonnel": [
          "cdm_worker"
        ],
        "msdyn_shipvia": [
          "msdyn_shipvia"
        ]
      }
    },
    {
      "logicalName": "msdyn_purchaseorderreceiptproduct",
      "entitySet": "msdyn_purchaseorderreceiptproducts",
      "columns": {
        "msdyn_associatetowarehouse": "Lookup",
        "msdyn_deliveryaddresscountryregionid": "String",
        "msdyn_deliveryaddresscountyid": "String",
        "msdyn_deliveryaddressstateid": "String",
        "msdyn_expecteddeliverydate": "String",
        "msdyn_externalitemnumber": "String",
        "msdyn_itembatchnumber": "String",
        "msdyn_itemserialnumber": "String",
        "msdyn_linedescription": "String",
        "msdyn_orderedpurchasequantity": "String",
        "msdyn_procurementproductcategory": "Lookup",
        "msdyn_product": "Lookup",
        "msdyn_productreceiptdate": "String",
        "msdyn_productreceiptnumber": "String",
        "msdyn_purchaseorder": "Lookup",
        "msdyn_purchaseorderproduct": "Lookup",
        "msdyn_purchaseorderreceipt": "Lookup",
        "msdyn_purchaseunitsymbol": "Lookup",
        "msdyn_quantity": "String",
        "msdyn_receivedinventoryquantity": "String",
        "msdyn_receivedinventorystatusid": "String",
        "msdyn_receivingsiteid": "Lookup",
        "msdyn_receivingwarehouselocation": "Lookup",
        "msdyn_recordid": "String",
        "msdyn_remaininginventoryquantity": "String",
        "msdyn_remainingpurchasequantity": "String"
      },
      "lookups": {
        "msdyn_associatetowarehouse": [
          "msdyn_warehouse"
        ],
        "msdyn_procurementproductcategory": [
          "msdyn_procurementproductcategory"
        ],
        "msdyn_product": [
          "msdyn_product"
        ],
        "msdyn_purchaseorder": [
          "msdyn_purchaseorder"
        ],
        "msdyn_purchaseorderproduct": [
          "msdyn_purchaseorderproduct"
        ],
        "msdyn_purchaseorderreceipt": [
          "msdyn_purchaseorderreceipt"
        ],
        "msdyn_purchaseunitsymbol": [
          "uom"
        ],
        "msdyn_receivingsiteid": [
          "msdyn_operationalsite"
        ],
        "msdyn_receivingwarehouselocation": [
          "msdyn_receivingwarehouselocation"
        ]
      }
    },
    {
      "logicalName": "msdyn_receivedlifecyclestate",
      "entitySet": "msdyn_receivedlifecyclestates",
      "columns": {
        "msdyn_assetlifecyclestate_id": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_receivingwarehouselocation",
      "entitySet": "msdyn_receivingwarehouselocations",
      "columns": {
        "msdyn_warehouse": "Lookup",
        "msdyn_warehouselocationid": "String"
      },
      "lookups": {
        "msdyn_warehouse": [
          "msdyn_warehouse"
        ]
      }
    },
    {
      "logicalName": "msdyn_reportingexchangeadjustmentratetype",
      "entitySet": "msdyn_reportingexchangeadjustmentratetypes",
      "columns": {
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_request",
      "entitySet": "msdyn_requests",
      "columns": {
        "msdyn_requestid": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_retailchannel",
      "entitySet": "msdyn_retailchannels",
      "columns": {
        "msdyn_partynumber": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_salescontactpersontitle",
      "entitySet": "msdyn_salescontactpersontitles",
      "columns": {
        "msdyn_jobtitle": "String",
        "msdyn_jobtitlealias": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_salesorderorigin",
      "entitySet": "msdyn_salesorderorigins",
      "columns": {
        "msdyn_origincode": "String",
        "msdyn_origindescription": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_salesproductcategory",
      "entitySet": "msdyn_salesproductcategories",
      "columns": {
        "msdyn_hierarchy": "Lookup",
        "msdyn_name": "String"
      },
      "lookups": {
        "msdyn_hierarchy": [
          "msdyn_hierarchy"
        ]
      }
    },
    {
      "logicalName": "msdyn_salutation",
      "entitySet": "msdyn_salutations",
      "columns": {
        "msdyn_salutationphrase": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_secondadditionalwarehousezone",
      "entitySet": "msdyn_secondadditionalwarehousezones",
      "columns": {
        "msdyn_zoneid": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_sharedproductcolor",
      "entitySet": "msdyn_sharedproductcolors",
      "columns": {
        "msdyn_displaysequencenumber": "String",
        "msdyn_globalproduct": "Lookup",
        "msdyn_productcolor": "Lookup",
        "msdyn_replenishmentweight": "String"
      },
      "lookups": {
        "msdyn_globalproduct": [
          "msdyn_globalproduct"
        ],
        "msdyn_productcolor": [
          "msdyn_productcolor"
        ]
      }
    },
    {
      "logicalName": "msdyn_sharedproductconfiguration",
      "entitySet": "msdyn_sharedproductconfigurations",
      "columns": {
        "msdyn_containerunit": "Lookup",
        "msdyn_displaysequencenumber": "String",
        "msdyn_globalproduct": "Lookup",
        "msdyn_productconfiguration": "Lookup",
        "msdyn_replenishmentweight": "String"
      },
      "lookups": {
        "msdyn_containerunit": [
          "uom"
        ],
        "msdyn_globalproduct": [
          "msdyn_globalproduct"
        ],
        "msdyn_productconfiguration": [
          "msdyn_productconfiguration"
        ]
      }
    },
    {
      "logicalName": "msdyn_sharedproductdetail",
      "entitySet": "msdyn_sharedproductdetails",
      "columns": {
        "msdyn_alternativeitemnumber": "Lookup",
        "msdyn_approximatesalestaxpercentage": "String",
        "msdyn_bestbeforeperioddays": "String",
        "msdyn_bomunitsymbol": "Lookup",
        "msdyn_carryingcostabccode": "Picklist",
        "msdyn_catchweightunitsymbol": "Lookup",
        "msdyn_comparisonpricebaseunitsymbol": "Lookup",
        "msdyn_constantscrapquantity": "String",
        "msdyn_costchargesquantity": "String",
        "msdyn_defaultreceivingquantity": "String",
        "msdyn_exemptautomaticnotificationcancel": "Boolean",
        "msdyn_fixedcostcharges": "String",
        "msdyn_fixedpurchasepricecharges": "String",
        "msdyn_fixedsalespricecharges": "String",
        "msdyn_globalproduct": "Lookup",
        "msdyn_grossdepth": "String",
        "msdyn_grossproductheight": "String",
        "msdyn_grossproductwidth": "String",
        "msdyn_intrastatchargepercentage": "String",
        "msdyn_inventoryunitsymbol": "Lookup",
        "msdyn_iscatchweight": "Boolean",
        "msdyn_isdiscountposregistrationprohibited": "Boolean",
        "msdyn_isinstallmenteligible": "Boolean",
        "msdyn_isintercompanypurchaseusageblocked": "Boolean",
        "msdyn_isintercompanysalesusageblocked": "Boolean",
        "msdyn_ismanualdiscposregistrationprohibited": "Boolean",
        "msdyn_isphantom": "Boolean",
        "msdyn_isposregistrationblocked": "Boolean",
        "msdyn_isposregistrationquantitynegative": "Boolean",
        "msdyn_ispurchasepriceautomaticallyupdated": "Boolean",
        "msdyn_ispurchasepriceincludingcharges": "Boolean",
        "msdyn_isrestrictedforcoupons": "Boolean",
        "msdyn_issalespriceadjustmentallowed": "Boolean",
        "msdyn_issalespriceincludingcharges": "Boolean",
        "msdyn_issaleswithholdingtaxcalculated": "Boolean",
        "msdyn_isscaleproduct": "Boolean",
        "msdyn_isshipaloneenabled": "Boolean",
        "msdyn_isunitcostautomaticallyupdated": "Boolean",
        "msdyn_isunitcostincludingcharges": "Boolean",
        "msdyn_isunitcostproductvariantspecific": "Boolean",
        "msdyn_isvariantshelflabelsprintingenabled": "Boolean",
        "msdyn_iszeropriceposregistrationallowed": "Boolean",
        "msdyn_itemnumber": "String",
        "msdyn_keyinpricerequirementsatposregister": "Picklist",
        "msdyn_keyinquantityrequirementsatposregister": "Picklist",
        "msdyn_marginabccode": "Picklist",
        "msdyn_maximumcatchweightquantity": "String",
        "msdyn_maximumpickquantity": "String",
        "msdyn_minimumcatchweightquantity": "String",
        "msdyn_mustkeyincommentatposregister": "Boolean",
        "msdyn_necessaryproductionworkingtimeschedulingp": "String",
        "msdyn_netproductweight": "String",
        "msdyn_packingdutyquantity": "String",
        "msdyn_posregistrationactivationdate": "String",
        "msdyn_posregistrationblockeddate": "String",
        "msdyn_posregistrationplannedblockeddate": "String",
        "msdyn_potencybaseattibutetargetvalue": "String",
        "msdyn_potencybaseattributevalueentryevent": "Picklist",
        "msdyn_productdimensiongroupid": "Lookup",
        "msdyn_productionconsumptiondensityconversion": "String",
        "msdyn_productionconsumptiondepthconversion": "String",
        "msdyn_productionconsumptionheightconversion": "String",
        "msdyn_productionconsumptionwidthconversion": "String",
        "msdyn_producttype": "Picklist",
        "msdyn_productvolume": "String",
        "msdyn_purchasechargesquantity": "String",
        "msdyn_purchaseoverdeliverypercentage": "String",
        "msdyn_purchaseprice": "String",
        "msdyn_purchasepricedate": "String",
        "msdyn_purchasepricequantity": "String",
        "msdyn_purchasepricingprecision": "String",
        "msdyn_purchaseunderdeliverypercentage": "String",
        "msdyn_purchaseunitsymbol": "Lookup",
        "msdyn_rawmaterialpickingprinciple": "Picklist",
        "msdyn_saleschargesquantity": "String",
        "msdyn_salesoverdeliverypercentage": "String",
        "msdyn_salesprice": "String",
        "msdyn_salespricecalculationchargespercentage": "String",
        "msdyn_salespricecalculationcontributionratio": "String",
        "msdyn_salespricecalculationmodel": "Picklist",
        "msdyn_salespricedate": "String",
        "msdyn_salespricingprecision": "String",
        "msdyn_salesunderdeliverypercentage": "String",
        "msdyn_salesunitsymbol": "Lookup",
        "msdyn_scaleindicator": "Picklist",
        "msdyn_sellstartdate": "String",
        "msdyn_shelfadviceperioddays": "String",
        "msdyn_shelflifeperioddays": "String",
        "msdyn_shipstartdate": "String",
        "msdyn_storagedimensiongroup": "Lookup",
        "msdyn_tareproductweight": "String",
        "msdyn_trackingdimensiongroup": "Lookup",
        "msdyn_transferorderoverdeliverypercentage": "String",
        "msdyn_transferorderunderdeliverypercentage": "String",
        "msdyn_unitcost": "String",
        "msdyn_unitcostdate": "String",
        "msdyn_unitcostquantity": "String",
        "msdyn_variablescrappercentage": "String",
        "msdyn_vendorid": "Lookup",
        "msdyn_warehousemobiledevicedescriptionline1": "String",
        "msdyn_warehousemobiledevicedescriptionline2": "String",
        "msdyn_willinventoryissueautoreportasfinished": "Boolean",
        "msdyn_willinventoryreceiptignoreflushing": "Boolean",
        "msdyn_willpickingworkbenchapplyboxinglogic": "Boolean",
        "msdyn_willtotalpurchdiscountcalcincludeproduct": "Boolean",
        "msdyn_willtotalsalesdiscountcalcincludeproduct": "Boolean",
        "msdyn_willworkcenterpickingallownegativeinvent": "Boolean",
        "msdyn_yieldpercentage": "String"
      },
      "lookups": {
        "msdyn_alternativeitemnumber": [
          "msdyn_alternativeitemnumber"
        ],
        "msdyn_bomunitsymbol": [
          "uom"
        ],
        "msdyn_catchweightunitsymbol": [
          "uom"
        ],
        "msdyn_comparisonpricebaseunitsymbol": [
          "uom"
        ],
        "msdyn_globalproduct": [
          "msdyn_globalproduct"
        ],
        "msdyn_inventoryunitsymbol": [
          "uom"
        ],
        "msdyn_productdimensiongroupid": [
          "msdyn_productdimensiongroup"
        ],
        "msdyn_purchaseunitsymbol": [
          "uom"
        ],
        "msdyn_salesunitsymbol": [
          "uom"
        ],
        "msdyn_storagedimensiongroup": [
          "msdyn_storagedimensiongroup"
        ],
        "msdyn_trackingdimensiongroup": [
          "msdyn_trackingdimensiongroup"
        ],
        "msdyn_vendorid": [
          "msdyn_vendor"
        ]
      }
    },
    {
      "logicalName": "msdyn_sharedproductsize",
      "entitySet": "msdyn_sharedproductsizes",
      "columns": {
        "msdyn_displaysequencenumber": "String",
        "msdyn_globalproduct": "Lookup",
        "msdyn_productsize": "Lookup",
        "msdyn_replenishmentweight": "String"
      },
      "lookups": {
        "msdyn_globalproduct": [
          "msdyn_globalproduct"
        ],
        "msdyn_productsize": [
          "msdyn_productsize"
        ]
      }
    },
    {
      "logicalName": "msdyn_sharedproductstyle",
      "entitySet": "msdyn_sharedproductstyles",
      "columns": {
        "msdyn_displaysequencenumber": "String",
        "msdyn_globalproduct": "Lookup",
        "msdyn_productstyle": "Lookup",
        "msdyn_replenishmentweight": "String"
      },
      "lookups": {
        "msdyn_globalproduct": [
          "msdyn_globalproduct"
        ],
        "msdyn_productstyle": [
          "msdyn_productstyle"
        ]
      }
    },
    {
      "logicalName": "msdyn_shipvia",
      "entitySet": "msdyn_shipvias",
      "columns": {
        "msdyn_description": "String",
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_storagedimensiongroup",
      "entitySet": "msdyn_storagedimensiongroups",
      "columns": {
        "msdyn_groupname": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_supplychainfeaturestate",
      "entitySet": "msdyn_supplychainfeaturestates",
      "columns": {
        "msdyn_name": "String",
        "statecode": "Picklist"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_taxauthority",
      "entitySet": "msdyn_taxauthorities",
      "columns": {
        "msdyn_description": "String",
        "msdyn_email": "String",
        "msdyn_phone": "String",
        "msdyn_roundoff": "String",
        "msdyn_roundofftype": "Picklist",
        "msdyn_taxauthoritycode": "String",
        "msdyn_taxauthorityidentificator": "String",
        "msdyn_taxreportlayout": "Picklist",
        "msdyn_url": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_taxcode",
      "entitySet": "msdyn_taxcodes",
      "columns": {
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_taxexemptcode",
      "entitySet": "msdyn_taxexemptcodes",
      "columns": {
        "msdyn_description": "String",
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_taxgroup",
      "entitySet": "msdyn_taxgroups",
      "columns": {
        "msdyn_company": "Lookup",
        "msdyn_description": "String",
        "msdyn_name": "String"
      },
      "lookups": {
        "msdyn_company": [
          "cdm_company"
        ]
      }
    },
    {
      "logicalName": "msdyn_taxitemgroup",
      "entitySet": "msdyn_taxitemgroups",
      "columns": {
        "msdyn_description": "String",
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_taxpostinggroup",
      "entitySet": "msdyn_taxpostinggroups",
      "columns": {
        "msdyn_description": "String",
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_termsofdelivery",
      "entitySet": "msdyn_termsofdeliveries",
      "columns": {
        "msdyn_doretailsogettransportationchargesadded": "Boolean",
        "msdyn_freightchargeterms": "Picklist",
        "msdyn_intrastatcode": "String",
        "msdyn_iscashondelivery": "Boolean",
        "msdyn_salestaxlocationrole": "Picklist",
        "msdyn_termscode": "String",
        "msdyn_termsdescription": "String",
        "msdyn_willshipmentconfirmationtransfercharges": "Boolean"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_thirdadditionalwarehousezone",
      "entitySet": "msdyn_thirdadditionalwarehousezones",
      "columns": {
        "msdyn_zoneid": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_totransactioncurrency",
      "entitySet": "msdyn_totransactioncurrencies",
      "columns": {
        "isocurrencycode": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_trackingdimensiongroup",
      "entitySet": "msdyn_trackingdimensiongroups",
      "columns": {
        "msdyn_groupname": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_unitofmeasureconversion",
      "entitySet": "msdyn_unitofmeasureconversions",
      "columns": {
        "msdyn_denominator": "String",
        "msdyn_factor": "String",
        "msdyn_fromunit": "Lookup",
        "msdyn_inneroffset": "String",
        "msdyn_numerator": "String",
        "msdyn_outeroffset": "String",
        "msdyn_rounding": "Picklist",
        "msdyn_tounit": "Lookup"
      },
      "lookups": {
        "msdyn_fromunit": [
          "uom"
        ],
        "msdyn_tounit": [
          "uom"
        ]
      }
    },
    {
      "logicalName": "msdyn_vendor",
      "entitySet": "msdyn_vendors",
      "columns": {
        "msdyn_addressbuildingcompliment": "String",
        "msdyn_addresscity": "String",
        "msdyn_addresscountryregionid": "String",
        "msdyn_addresscountryregionisocode": "String",
        "msdyn_addresscountyid": "String",
        "msdyn_addressdescription": "String",
        "msdyn_addressdistrictname": "String",
        "msdyn_addresslatitude": "String",
        "msdyn_addresslocationid": "String",
        "msdyn_addresslongitude": "String",
        "msdyn_addresspostbox": "String",
        "msdyn_addressstateid": "String",
        "msdyn_addressstreet": "String",
        "msdyn_addressstreetnumber": "String",
        "msdyn_addresszipcode": "String",
        "msdyn_anniversaryyear": "String",
        "msdyn_birthday": "String",
        "msdyn_birthyear": "String",
        "msdyn_childrennames": "String",
        "msdyn_company": "Lookup",
        "msdyn_creditrating": "String",
        "msdyn_currencycode": "Lookup",
        "msdyn_defaultpaymentdayname": "Lookup",
        "msdyn_dunsnumber": "String",
        "msdyn_ethnicorigin": "String",
        "msdyn_firstname": "String",
        "msdyn_formattedprimaryaddress": "String",
        "msdyn_gender": "String",
        "msdyn_hasonlytakenbids": "Boolean",
        "msdyn_hobbies": "String",
        "msdyn_initials": "String",
        "msdyn_invoicevendoraccountnumber": "Lookup",
        "msdyn_isforeignentity": "Boolean",
        "msdyn_isminorityowned": "Boolean",
        "msdyn_isonetimevendor": "Boolean",
        "msdyn_isperson": "Boolean",
        "msdyn_isserviceveteranowned": "Boolean",
        "msdyn_isvendorlocallyowned": "Boolean",
        "msdyn_isvendorlocatedinhubzone": "Boolean",
        "msdyn_language": "String",
        "msdyn_lastname": "String",
        "msdyn_lastnameprefix": "String",
        "msdyn_maritalstatus": "String",
        "msdyn_middlename": "String",
        "msdyn_name": "String",
        "msdyn_numberofemployees": "String",
        "msdyn_onholdstatus": "Picklist",
        "msdyn_organizationnumber": "String",
        "msdyn_organizationphoneticname": "String",
        "msdyn_ourvendoraccountnumber": "String",
        "msdyn_ownerisdisabled": "Boolean",
        "msdyn_partyid": "Lookup",
        "msdyn_paymentid": "String",
        "msdyn_paymentschedule": "Lookup",
        "msdyn_paymentterms": "Lookup",
        "msdyn_personanniversaryday": "String",
        "msdyn_phoneticfirstname": "String",
        "msdyn_phoneticlastname": "String",
        "msdyn_phoneticmiddlename": "String",
        "msdyn_pimaryphonenumber": "String",
        "msdyn_priceincludessalestax": "Boolean",
        "msdyn_primarycontact": "Lookup",
        "msdyn_primarycontacturl": "String",
        "msdyn_primaryemailaddress": "String",
        "msdyn_primaryemailaddressdescription": "String",
        "msdyn_primaryfacebook": "String",
        "msdyn_primaryfacebookdescription": "String",
        "msdyn_primaryfaxnumber": "String",
        "msdyn_primaryfaxnumberdescription": "String",
        "msdyn_primaryfaxnumberextension": "String",
        "msdyn_primarylinkedin": "String",
        "msdyn_primarylinkedindescription": "String",
        "msdyn_primaryphonenumberdescription": "String",
        "msdyn_primaryphonenumberextension": "String",
        "msdyn_primarytelex": "String",
        "msdyn_primarytelexdescription": "String",
        "msdyn_primarytwitter": "String",
        "msdyn_primarytwitterdescription": "String",
        "msdyn_primaryurldescription": "String",
        "msdyn_professionalsuffix": "String",
        "msdyn_professionatitle": "String",
        "msdyn_taxgroup": "Lookup",
        "msdyn_vendoraccountnumber": "String",
        "msdyn_vendorcreditlimit": "String",
        "msdyn_vendorgroupid": "Lookup",
        "msdyn_vendorknownasname": "String",
        "msdyn_vendoronholdreleasedate": "String",
        "msdyn_vendorpartynumber": "String",
        "msdyn_vendorpaymentmethod": "Lookup",
        "msdyn_vendorpersonanniversarymonth": "String",
        "msdyn_vendorpersonbirthmonth": "String",
        "msdyn_vendorprimarycontactperson": "Lookup",
        "msdyn_womanowner": "Boolean"
      },
      "lookups": {
        "msdyn_company": [
          "cdm_company"
        ],
        "msdyn_currencycode": [
          "transactioncurrency"
        ],
        "msdyn_defaultpaymentdayname": [
          "msdyn_paymentday"
        ],
        "msdyn_invoicevendoraccountnumber": [
          "msdyn_vendor"
        ],
        "msdyn_partyid": [
          "msdyn_party"
        ],
        "msdyn_paymentschedule": [
          "msdyn_paymentschedule"
        ],
        "msdyn_paymentterms": [
          "msdyn_paymentterm"
        ],
        "msdyn_primarycontact": [
          "msdyn_contactforparty"
        ],
        "msdyn_taxgroup": [
          "msdyn_taxgroup"
        ],
        "msdyn_vendorgroupid": [
          "msdyn_vendorgroup"
        ],
        "msdyn_vendorpaymentmethod": [
          "msdyn_vendorpaymentmethod"
        ],
        "msdyn_vendorprimarycontactperson": [
          "contact"
        ]
      }
    },
    {
      "logicalName": "msdyn_vendorgroup",
      "entitySet": "msdyn_vendorgroups",
      "columns": {
        "msdyn_clearingperiodpaymentpermname": "Lookup",
        "msdyn_company": "Lookup",
        "msdyn_description": "String",
        "msdyn_paymentterms": "Lookup",
        "msdyn_vendorgroup": "String"
      },
      "lookups": {
        "msdyn_clearingperiodpaymentpermname": [
          "msdyn_clearingperiodpaymentpermname"
        ],
        "msdyn_company": [
          "cdm_company"
        ],
        "msdyn_paymentterms": [
          "msdyn_paymentterm"
        ]
      }
    },
    {
      "logicalName": "msdyn_vendorpaymentmethod",
      "entitySet": "msdyn_vendorpaymentmethods",
      "columns": {
        "msdyn_accounttype": "Picklist",
        "msdyn_allowpaymentcopies": "Boolean",
        "msdyn_bridgingposting": "Boolean",
        "msdyn_company": "Lookup",
        "msdyn_description": "String",
        "msdyn_directdebit": "Boolean",
        "msdyn_discountgraceperioddays": "String",
        "msdyn_lastfilenumber": "String",
        "msdyn_lastfilenumbertoday": "String",
        "msdyn_name": "String",
        "msdyn_paymentstatus": "Picklist",
        "msdyn_paymenttype": "Picklist",
        "msdyn_postdatedcheckclearingposting": "Boolean",
        "msdyn_promissorynotedrafttype": "Picklist",
        "msdyn_sumbyperiod": "Picklist"
      },
      "lookups": {
        "msdyn_company": [
          "cdm_company"
        ]
      }
    },
    {
      "logicalName": "msdyn_warehouse",
      "entitySet": "msdyn_warehouses",
      "columns": {
        "msdyn_areitemscoverageplannedmanually": "Boolean",
        "msdyn_arelaborstandardsallowed": "Boolean",
        "msdyn_arepickinglistsdeliverymodespecific": "Boolean",
        "msdyn_arepickinglistshipmentspecificonly": "Boolean",
        "msdyn_arewarehouselocationcheckdigitsunique": "Boolean",
        "msdyn_autoupdateshipmentrule": "Boolean",
        "msdyn_company": "Lookup",
        "msdyn_defaultcontainertypeid": "String",
        "msdyn_description": "String",
        "msdyn_externallylocatedwarehousecustomeraccount": "String",
        "msdyn_externallylocatedwarehousevendoraccountnu": "String",
        "msdyn_financialnegativestoreinventoryallowed": "Boolean",
        "msdyn_formattedprimaryaddress": "String",
        "msdyn_inventorycountingreasoncodepolicyname": "String",
        "msdyn_inventorystatuschangereservationremoval": "Picklist",
        "msdyn_isfallbackwarehouse": "Boolean",
        "msdyn_isprimaryaddressassigned": "Boolean",
        "msdyn_isrefilledfrommainwarehouse": "Boolean",
        "msdyn_isretailstorewarehouse": "Boolean",
        "msdyn_mainrefillingwarehouse": "Lookup",
        "msdyn_masterplanningworkcalendarid": "String",
        "msdyn_maximumbatchpickinglistquantity": "String",
        "msdyn_maximumpickinglistlinequantity": "String",
        "msdyn_name": "String",
        "msdyn_operationalsite": "Lookup",
        "msdyn_palletmovementduringcyclecountingallowed": "Boolean",
        "msdyn_physicalnegativestoreinventoryallowed": "Boolean",
        "msdyn_primaryaddressbuildingcompliment": "String",
        "msdyn_primaryaddresscity": "String",
        "msdyn_primaryaddresscityinkana": "String",
        "msdyn_primaryaddresscountryregionid": "String",
        "msdyn_primaryaddresscountyid": "String",
        "msdyn_primaryaddressdescription": "String",
        "msdyn_primaryaddressdistrictname": "String",
        "msdyn_primaryaddresslatitude": "String",
        "msdyn_primaryaddresslocationroles": "String",
        "msdyn_primaryaddresslocationsalestaxgroupcode": "String",
        "msdyn_primaryaddresslongitude": "String",
        "msdyn_primaryaddresspostbox": "String",
        "msdyn_primaryaddressstateid": "String",
        "msdyn_primaryaddressstreet": "String",
        "msdyn_primaryaddressstreetinkana": "String",
        "msdyn_primaryaddressstreetnumber": "String",
        "msdyn_primaryaddresszipcode": "String",
        "msdyn_printbillofladingbeforeshipconfirmation": "Boolean",
        "msdyn_productionbomsreservewarehouselevel": "Boolean",
        "msdyn_quarantinewarehouse": "Lookup",
        "msdyn_rawmaterialpickinginventoryissuestatus": "Boolean",
        "msdyn_shippingcanceldecrementloadquantity": "Boolean",
        "msdyn_shouldwarehouselocationincludeaisleid": "Boolean",
        "msdyn_storeqtyallocationreplenishmentweight": "String",
        "msdyn_transitwarehouse": "Lookup",
        "msdyn_useadvancedwarehousemanagementprocesses": "Boolean",
        "msdyn_warehouseidentifier": "String",
        "msdyn_warehouselocationidbinidformat": "String",
        "msdyn_warehouselocationidincludeblindid": "Boolean",
        "msdyn_warehouselocationidincludeshelfid": "Boolean",
        "msdyn_warehouselocationidrackidformat": "String",
        "msdyn_warehouselocationidshelfidformat": "String",
        "msdyn_warehouselocationincluderackidbydefault": "Boolean",
        "msdyn_warehousereleasereservationrequirement": "Picklist",
        "msdyn_warehousespecificdefaultinventorystatusid": "String",
        "msdyn_warehousetype": "Picklist",
        "msdyn_warehouseworkprocessingpolicyname": "String",
        "msdyn_willautomaticloadreleaseinventory": "Boolean",
        "msdyn_willinventorystatuschangeremoveblocking": "Boolean",
        "msdyn_willmanualloadreleasereserveinventory": "Boolean",
        "msdyn_willorderreleasingconsolidateshipments": "Boolean"
      },
      "lookups": {
        "msdyn_company": [
          "cdm_company"
        ],
        "msdyn_mainrefillingwarehouse": [
          "msdyn_warehouse"
        ],
        "msdyn_operationalsite": [
          "msdyn_operationalsite"
        ],
        "msdyn_quarantinewarehouse": [
          "msdyn_warehouse"
        ],
        "msdyn_transitwarehouse": [
          "msdyn_warehouse"
        ]
      }
    },
    {
      "logicalName": "msdyn_warehouseaisle",
      "entitySet": "msdyn_warehouseaisles",
      "columns": {
        "msdyn_aisleid": "String",
        "msdyn_aislename": "String",
        "msdyn_aislenumber": "String",
        "msdyn_issortordercodeassigneddescending": "Boolean",
        "msdyn_manualstartingsortordercode": "String",
        "msdyn_warehouse": "Lookup"
      },
      "lookups": {
        "msdyn_warehouse": [
          "msdyn_warehouse"
        ]
      }
    },
    {
      "logicalName": "msdyn_warehouselocation",
      "entitySet": "msdyn_warehouselocations",
      "columns": {
        "msdyn_warehouse": "Lookup",
        "msdyn_warehouselocationid": "String"
      },
      "lookups": {
        "msdyn_warehouse": [
          "msdyn_warehouse"
        ]
      }
    },
    {
      "logicalName": "msdyn_warehousework",
      "entitySet": "msdyn_warehouseworks",
      "columns": {
        "msdyn_warehouseworkid": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_warehouseworkheader",
      "entitySet": "msdyn_warehouseworkheaders",
      "columns": {
        "msdyn_actualprocessingtimeseconds": "String",
        "msdyn_containerid": "String",
        "msdyn_estimatedprocessingtimeseconds": "String",
        "msdyn_inventorysite": "Lookup",
        "msdyn_iswarehouseworkblocked": "Boolean",
        "msdyn_iswarehouseworkermanuallyassigned": "Boolean",
        "msdyn_targetlicenseplatenumber": "String",
        "msdyn_warehouse": "Lookup",
        "msdyn_warehouseworkcancelleddatetime": "String",
        "msdyn_warehouseworkcancellinguserid": "String",
        "msdyn_warehouseworkcloseddatetime": "String",
        "msdyn_warehouseworkid": "String",
        "msdyn_warehouseworklockingmobiledeviceuserid": "String",
        "msdyn_warehouseworkmanuallycompletinguserid": "String",
        "msdyn_warehouseworkordertype": "Picklist",
        "msdyn_warehouseworkpoolid": "String",
        "msdyn_warehouseworkpriority": "String",
        "msdyn_warehouseworkprocessingstartdatetime": "String",
        "msdyn_warehouseworkstatus": "Picklist",
        "msdyn_waveid": "String"
      },
      "lookups": {
        "msdyn_inventorysite": [
          "msdyn_operationalsite"
        ],
        "msdyn_warehouse": [
          "msdyn_warehouse"
        ]
      }
    },
    {
      "logicalName": "msdyn_warehouseworkline",
      "entitySet": "msdyn_warehouseworklines",
      "columns": {
        "msdyn_actualprocessingtimeseconds": "String",
        "msdyn_capturedweight": "String",
        "msdyn_containerid": "String",
        "msdyn_estimatedprocessingtimeseconds": "String",
        "msdyn_extrahandlingquantity": "String",
        "msdyn_fefoitembatchnumber": "String",
        "msdyn_handlingquantity": "String",
        "msdyn_inventoryownerid": "String",
        "msdyn_inventorysite": "Lookup",
        "msdyn_inventorystatusid": "String",
        "msdyn_isreplenishmentneeded": "Boolean",
        "msdyn_isworkexecutionstopped": "Boolean",
        "msdyn_isworklinemandatory": "Boolean",
        "msdyn_item": "Lookup",
        "msdyn_itembatchnumber": "String",
        "msdyn_itemserialnumber": "String",
        "msdyn_licenseplatenumber": "String",
        "msdyn_processingwarehousemobiledeviceuserid": "String",
        "msdyn_productcolor": "Lookup",
        "msdyn_productconfiguration": "Lookup",
        "msdyn_productsize": "Lookup",
        "msdyn_productstyle": "Lookup",
        "msdyn_remaininghandlingquantity": "String",
        "msdyn_remainingworkquantity": "String",
        "msdyn_sortordercode": "String",
        "msdyn_warehouse": "Lookup",
        "msdyn_warehouselocation": "Lookup",
        "msdyn_warehousework": "Lookup",
        "msdyn_warehouseworkcloseddatetime": "String",
        "msdyn_warehouseworkprocessingstartdatetime": "String",
        "msdyn_warehouseworkstatus": "Picklist",
        "msdyn_warehouseworktype": "Picklist",
        "msdyn_warehousezone": "Lookup",
        "msdyn_worklinenumber": "String",
        "msdyn_workquantity": "String",
        "msdyn_workquantityunit": "Lookup"
      },
      "lookups": {
        "msdyn_inventorysite": [
          "msdyn_operationalsite"
        ],
        "msdyn_item": [
          "msdyn_item"
        ],
        "msdyn_productcolor": [
          "msdyn_productcolor"
        ],
        "msdyn_productconfiguration": [
          "msdyn_productconfiguration"
        ],
        "msdyn_productsize": [
          "msdyn_productsize"
        ],
        "msdyn_productstyle": [
          "msdyn_productstyle"
        ],
        "msdyn_warehouse": [
          "msdyn_warehouse"
        ],
        "msdyn_warehouselocation": [
          "msdyn_warehouselocation"
        ],
        "msdyn_warehousework": [
          "msdyn_warehousework"
        ],
        "msdyn_warehousezone": [
          "msdyn_warehousezone"
        ],
        "msdyn_workquantityunit": [
          "uom"
        ]
      }
    },
    {
      "logicalName": "msdyn_warehousezone",
      "entitySet": "msdyn_warehousezones",
      "columns": {
        "msdyn_warehousezonegroup": "Lookup",
        "msdyn_zoneid": "String",
        "msdyn_zonename": "String"
      },
      "lookups": {
        "msdyn_warehousezonegroup": [
          "msdyn_customergroup"
        ]
      }
    },
    {
      "logicalName": "msdyn_warehousezonegroup",
      "entitySet": "msdyn_warehousezonegroups",
      "columns": {
        "msdyn_groupid": "String",
        "msdyn_groupname": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_warranty",
      "entitySet": "msdyn_warranties",
      "columns": {
        "msdyn_name": "String",
        "msdyn_warranty_id": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msdyn_withholdingtaxcode",
      "entitySet": "msdyn_withholdingtaxcodes",
      "columns": {
        "msdyn_currency": "Lookup",
        "msdyn_description": "String",
        "msdyn_name": "String",
        "msdyn_roundoff": "String",
        "msdyn_roundofftype": "Picklist",
        "msdyn_taxableamountorigin": "Picklist"
      },
      "lookups": {
        "msdyn_currency": [
          "transactioncurrency"
        ]
      }
    },
    {
      "logicalName": "msdyn_withholdingtaxgroup",
      "entitySet": "msdyn_withholdingtaxgroups",
      "columns": {
        "msdyn_description": "String",
        "msdyn_name": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "msmrw_guide",
      "entitySet": "msmrw_guides",
      "columns": {
        "createdon": "String",
        "modifiedon": "String",
        "msmrw_guideid": "String",
        "msmrw_integrationkey": "String",
        "msmrw_name": "String",
        "msmrw_schemaversion": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "product",
      "entitySet": "products",
      "columns": {
        "currentcost": "String",
        "defaultuomid": "Lookup",
        "description": "String",
        "msdyn_fieldserviceproducttype": "Picklist",
        "msdyn_iscatchweight": "Boolean",
        "msdyn_isstockedproduct": "Boolean",
        "msdyn_itemnumber": "String",
        "msdyn_productcolor": "Lookup",
        "msdyn_productconfiguration": "Lookup",
        "msdyn_productnumber": "String",
        "msdyn_productsize": "Lookup",
        "msdyn_productstyle": "Lookup",
        "name": "String",
        "price": "String",
        "producttypecode": "Picklist",
        "quantitydecimal": "String",
        "transactioncurrencyid": "Lookup"
      },
      "lookups": {
        "defaultuomid": [
          "uom"
        ],
        "msdyn_productcolor": [
          "msdyn_productcolor"
        ],
        "msdyn_productconfiguration": [
          "msdyn_productconfiguration"
        ],
        "msdyn_productsize": [
          "msdyn_productsize"
        ],
        "msdyn_productstyle": [
          "msdyn_productstyle"
        ],
        "transactioncurrencyid": [
          "transactioncurrency"
        ]
      }
    },
    {
      "logicalName": "quote",
      "entitySet": "quotes",
      "columns": {
        "billto_city": "String",
        "billto_country": "String",
        "billto_line1": "String",
        "billto_line2": "String",
        "billto_postalcode": "String",
        "billto_stateorprovince": "String",
        "customerid": "Customer",
        "discountamount": "String",
        "emailaddress": "String",
        "freightamount": "String",
        "msdyn_arepricesincludingsalestax": "Boolean",
        "msdyn_associatedcontact": "Lookup",
        "msdyn_contactperson": "Lookup",
        "msdyn_customerrequisitionnumber": "String",
        "msdyn_customersreference": "String",
        "msdyn_defaultshippingsite": "Lookup",
        "msdyn_defaultshippingwarehouse": "Lookup",
        "msdyn_deliveryaddresscountyid": "String",
        "msdyn_deliveryaddressdescription": "String",
        "msdyn_deliveryaddressdistrictname": "String",
        "msdyn_deliveryaddressdunsnumber": "String",
        "msdyn_deliveryaddresslatitude": "String",
        "msdyn_deliveryaddresslocationid": "String",
        "msdyn_deliveryaddresslongitude": "String",
        "msdyn_deliveryaddressname": "String",
        "msdyn_deliveryaddresspostbox": "String",
        "msdyn_deliverybuildingcompliment": "String",
        "msdyn_formatteddeliveryaddress": "String",
        "msdyn_formattedinvoiceaddress": "String",
        "msdyn_generatedsalesordernumber": "Lookup",
        "msdyn_invoiceaddresscountryregionid": "String",
        "msdyn_invoiceaddresscountyid": "String",
        "msdyn_invoiceaddressdistrictname": "String",
        "msdyn_invoiceaddresslatitude": "String",
        "msdyn_invoiceaddresslongitude": "String",
        "msdyn_invoiceaddresspostbox": "String",
        "msdyn_invoicebuildingcompliment": "String",
        "msdyn_invoicecustomer": "Lookup",
        "msdyn_invoicecustomerid": "Customer",
        "msdyn_isdeliveryaddressorderspecific": "Boolean",
        "msdyn_isdeliveryaddressprivate": "Boolean",
        "msdyn_isinvoiceaddressprivate": "Boolean",
        "msdyn_isocurrencycode": "String",
        "msdyn_language": "Picklist",
        "msdyn_operatingunit": "Lookup",
        "msdyn_ordertype": "Picklist",
        "msdyn_paymentterms": "Lookup",
        "msdyn_pricecustomergroup": "Lookup",
        "msdyn_quotenumber": "String",
        "msdyn_requestedreceiptdate": "String",
        "msdyn_salesorderpromisingmethod": "Picklist",
        "msdyn_salesquotationconfirmationdate": "String",
        "msdyn_salesquotationexpirydate": "String",
        "msdyn_salesquotationfollowupdate": "String",
        "msdyn_salesquotationstatus": "Picklist",
        "msdyn_totaldiscountpercentage": "String",
        "msdyn_url": "String",
        "name": "String",
        "requestdeliveryby": "String",
        "shipto_city": "String",
        "shipto_country": "String",
        "shipto_line1": "String",
        "shipto_line2": "String",
        "shipto_postalcode": "String",
        "shipto_stateorprovince": "String",
        "statecode": "String",
        "totalamount": "String",
        "totaltax": "String",
        "transactioncurrencyid": "Lookup"
      },
      "lookups": {
        "customerid": [
          "account",
          "contact"
        ],
        "msdyn_associatedcontact": [
          "msdyn_contactforparty"
        ],
        "msdyn_contactperson": [
          "contact"
        ],
        "msdyn_defaultshippingsite": [
          "msdyn_operationalsite"
        ],
        "msdyn_defaultshippingwarehouse": [
          "msdyn_warehouse"
        ],
        "msdyn_generatedsalesordernumber": [
          "salesorder"
        ],
        "msdyn_invoicecustomer": [
          "account"
        ],
        "msdyn_invoicecustomerid": [
          "account",
          "contact"
        ],
        "msdyn_operatingunit": [
          "msdyn_operatingunit"
        ],
        "msdyn_paymentterms": [
          "msdyn_paymentterm"
        ],
        "msdyn_pricecustomergroup": [
          "msdyn_pricecustomergroup"
        ],
        "transactioncurrencyid": [
          "transactioncurrency"
        ]
      }
    },
    {
      "logicalName": "quotedetail",
      "entitySet": "quotedetails",
      "columns": {
        "baseamount": "String",
        "description": "String",
        "extendedamount": "String",
        "ispriceoverridden": "Boolean",
        "manualdiscountamount": "String",
        "msdyn_allowedoverdeliverypercentage": "String",
        "msdyn_allowedunderdeliverypercentage": "String",
        "msdyn_deliveryaddresscountyid": "String",
        "msdyn_deliveryaddressdescription": "String",
        "msdyn_deliveryaddressdistrictname": "String",
        "msdyn_deliveryaddressdunsnumber": "String",
        "msdyn_deliveryaddresslatitude": "String",
        "msdyn_deliveryaddresslocationid": "String",
        "msdyn_deliveryaddresslongitude": "String",
        "msdyn_deliveryaddressname": "String",
        "msdyn_deliveryaddresspostbox": "String",
        "msdyn_deliverybuildingcompliment": "String",
        "msdyn_externalitemnumber": "String",
        "msdyn_fixedpricecharges": "String",
        "msdyn_formatteddeliveryaddress": "String",
        "msdyn_isdeliveryaddressprivate": "Boolean",
        "msdyn_isdeliveryaddressspecific": "Boolean",
        "msdyn_linedescription2": "String",
        "msdyn_linediscountamount": "String",
        "msdyn_linediscountpercentage": "String",
        "msdyn_multilinediscountamount": "String",
        "msdyn_multilinediscountpercentage": "String",
        "msdyn_requestedreceiptdate": "String",
        "msdyn_salespricequantity": "String",
        "msdyn_salesproductcategory": "Lookup",
        "msdyn_salesquotationpromisingmethod": "Picklist",
        "msdyn_salesquotationstatus": "Picklist",
        "msdyn_shippingsite": "Lookup",
        "msdyn_shippingwarehouse": "Lookup",
        "msdyn_totalchargesamount": "String",
        "priceperunit": "String",
        "productid": "Lookup",
        "quantity": "String",
        "quoteid": "Lookup",
        "requestdeliveryby": "String",
        "sequencenumber": "String",
        "shipto_city": "String",
        "shipto_country": "String",
        "shipto_line1": "String",
        "shipto_line2": "String",
        "shipto_postalcode": "String",
        "shipto_stateorprovince": "String",
        "tax": "String",
        "transactioncurrencyid": "Lookup",
        "uomid": "Lookup"
      },
      "lookups": {
        "msdyn_salesproductcategory": [
          "msdyn_salesproductcategory"
        ],
        "msdyn_shippingsite": [
          "msdyn_operationalsite"
        ],
        "msdyn_shippingwarehouse": [
          "msdyn_warehouse"
        ],
        "productid": [
          "product"
        ],
        "quoteid": [
          "quote"
        ],
        "transactioncurrencyid": [
          "transactioncurrency"
        ],
        "uomid": [
          "uom"
        ]
      }
    },
    {
      "logicalName": "salesorder",
      "entitySet": "salesorders",
      "columns": {
        "billto_city": "String",
        "billto_country": "String",
        "billto_line1": "String",
        "billto_line2": "String",
        "billto_postalcode": "String",
        "billto_stateorprovince": "String",
        "customerid": "Customer",
        "discountamount": "String",
        "emailaddress": "String",
        "freightamount": "String",
        "msdyn_arepricesincludingsalestax": "Boolean",
        "msdyn_associatedcontact": "Lookup",
        "msdyn_company": "Lookup",
        "msdyn_confirmedreceiptdate": "String",
        "msdyn_confirmedshippingdate": "String",
        "msdyn_contactperson": "Lookup",
        "msdyn_customerrequisitionnumber": "String",
        "msdyn_customersorderreference": "String",
        "msdyn_defaultshippingsite": "Lookup",
        "msdyn_defaultshippingwarehouse": "Lookup",
        "msdyn_deliveryaddresscountyid": "String",
        "msdyn_deliveryaddressdescription": "String",
        "msdyn_deliveryaddressdistrictname": "String",
        "msdyn_deliveryaddressdunsnumber": "String",
        "msdyn_deliveryaddresslatitude": "String",
        "msdyn_deliveryaddresslocationid": "String",
        "msdyn_deliveryaddresslongitude": "String",
        "msdyn_deliveryaddressname": "String",
        "msdyn_deliveryaddresspostbox": "String",
        "msdyn_deliverybuildingcompliment": "String",
        "msdyn_deliverymode": "Lookup",
        "msdyn_deliveryterms": "Lookup",
        "msdyn_formatteddeliveryaddress": "String",
        "msdyn_formattedinvoiceaddress": "String",
        "msdyn_invoiceaddresscountyid": "String",
        "msdyn_invoiceaddressdistrictname": "String",
        "msdyn_invoiceaddresslatitude": "String",
        "msdyn_invoiceaddresslongitude": "String",
        "msdyn_invoiceaddresspostbox": "String",
        "msdyn_invoicebuildingcompliment": "String",
        "msdyn_invoicecustomer": "Lookup",
        "msdyn_invoicecustomerid": "Customer",
        "msdyn_isdeliveryaddressorderspecific": "Boolean",
        "msdyn_isdeliveryaddressprivate": "Boolean",
        "msdyn_isinvoiceaddressprivate": "Boolean",
        "msdyn_isocurrencycode": "String",
        "msdyn_isonetimecustomer": "Boolean",
        "msdyn_issalesprocessingstopped": "Boolean",
        "msdyn_language": "Picklist",
        "msdyn_ordertype": "Picklist",
        "msdyn_paymentterms": "Lookup",
        "msdyn_paymenttermsbasedate": "String",
        "msdyn_pricecustomergroup": "Lookup",
        "msdyn_processingstatus": "Picklist",
        "msdyn_quotationnumber": "String",
        "msdyn_requestedreceiptdate": "String",
        "msdyn_salesordernumber": "String",
        "msdyn_salesorderorigin": "Lookup",
        "msdyn_salesorderpromisingmethod": "Picklist",
        "msdyn_url": "String",
        "name": "String",
        "requestdeliveryby": "String",
        "shipto_city": "String",
        "shipto_country": "String",
        "shipto_line1": "String",
        "shipto_line2": "String",
        "shipto_postalcode": "String",
        "shipto_stateorprovince": "String",
        "statecode": "Picklist",
        "statuscode": "Picklist",
        "totalamount": "String",
        "totaltax": "String",
        "transactioncurrencyid": "Lookup"
      },
      "lookups": {
        "customerid": [
          "account",
          "contact"
        ],
        "msdyn_associatedcontact": [
          "msdyn_contactforparty"
        ],
        "msdyn_company": [
          "cdm_company"
        ],
        "msdyn_contactperson": [
          "contact"
        ],
        "msdyn_defaultshippingsite": [
          "msdyn_operationalsite"
        ],
        "msdyn_defaultshippingwarehouse": [
          "msdyn_warehouse"
        ],
        "msdyn_deliverymode": [
          "msdyn_deliverymode"
        ],
        "msdyn_deliveryterms": [
          "msdyn_deliveryterms"
        ],
        "msdyn_invoicecustomer": [
          "account"
        ],
        "msdyn_invoicecustomerid": [
          "account",
          "contact"
        ],
        "msdyn_paymentterms": [
          "msdyn_paymentterm"
        ],
        "msdyn_pricecustomergroup": [
          "msdyn_pricecustomergroup"
        ],
        "msdyn_salesorderorigin": [
          "msdyn_salesorderorigin"
        ],
        "transactioncurrencyid": [
          "transactioncurrency"
        ]
      }
    },
    {
      "logicalName": "salesorderdetail",
      "entitySet": "salesorderdetails",
      "columns": {
        "baseamount": "String",
        "description": "String",
        "extendedamount": "String",
        "ispriceoverridden": "Boolean",
        "manualdiscountamount": "String",
        "msdyn_allowedoverdeliverypercentage": "String",
        "msdyn_allowedunderdeliverypercentage": "String",
        "msdyn_confirmedreceiptdate": "String",
        "msdyn_confirmedshippingdate": "String",
        "msdyn_deliveryaddresscountyid": "String",
        "msdyn_deliveryaddressdescription": "String",
        "msdyn_deliveryaddressdistrictname": "String",
        "msdyn_deliveryaddressdunsnumber": "String",
        "msdyn_deliveryaddresslatitude": "String",
        "msdyn_deliveryaddresslocationid": "String",
        "msdyn_deliveryaddresslongitude": "String",
        "msdyn_deliveryaddressname": "String",
        "msdyn_deliveryaddresspostbox": "String",
        "msdyn_deliverybuildingcompliment": "String",
        "msdyn_deliverymode": "Lookup",
        "msdyn_deliveryterms": "Lookup",
        "msdyn_externalitemnumber": "String",
        "msdyn_fixedpricecharges": "String",
        "msdyn_formatteddeliveryaddress": "String",
        "msdyn_isdeliveryaddressprivate": "Boolean",
        "msdyn_isdeliveryaddressspecific": "Boolean",
        "msdyn_islinestopped": "Boolean",
        "msdyn_linedescription": "String",
        "msdyn_linediscountamount": "String",
        "msdyn_linediscountpercentage": "String",
        "msdyn_linestatus": "Picklist",
        "msdyn_multilinediscountamount": "String",
        "msdyn_multilinediscountpercentage": "String",
        "msdyn_requestedreceiptdate": "String",
        "msdyn_salesorderpromisingmethod": "Picklist",
        "msdyn_salespricequantity": "String",
        "msdyn_salesproductcategory": "Lookup",
        "msdyn_shippingsite": "Lookup",
        "msdyn_shippingwarehouse": "Lookup",
        "msdyn_totalchargesamount": "String",
        "priceperunit": "String",
        "productid": "Lookup",
        "quantity": "String",
        "requestdeliveryby": "String",
        "salesorderid": "Lookup",
        "sequencenumber": "String",
        "shipto_city": "String",
        "shipto_country": "String",
        "shipto_line1": "String",
        "shipto_line2": "String",
        "shipto_postalcode": "String",
        "shipto_stateorprovince": "String",
        "tax": "String",
        "transactioncurrencyid": "Lookup",
        "uomid": "Lookup"
      },
      "lookups": {
        "msdyn_deliverymode": [
          "msdyn_deliverymode"
        ],
        "msdyn_deliveryterms": [
          "msdyn_deliveryterms"
        ],
        "msdyn_salesproductcategory": [
          "msdyn_salesproductcategory"
        ],
        "msdyn_shippingsite": [
          "msdyn_operationalsite"
        ],
        "msdyn_shippingwarehouse": [
          "msdyn_warehouse"
        ],
        "productid": [
          "product"
        ],
        "salesorderid": [
          "salesorder"
        ],
        "transactioncurrencyid": [
          "transactioncurrency"
        ],
        "uomid": [
          "uom"
        ]
      }
    },
    {
      "logicalName": "transactioncurrency",
      "entitySet": "transactioncurrencies",
      "columns": {
        "currencyname": "String",
        "currencysymbol": "String",
        "exchangerate": "Picklist",
        "isocurrencycode": "String"
      },
      "lookups": {}
    },
    {
      "logicalName": "uom",
      "entitySet": "uoms",
      "columns": {
        "msdyn_decimalprecision": "String",
        "msdyn_description": "String",
        "msdyn_externalunitclassname": "String",
        "msdyn_isbaseunit": "Boolean",
        "msdyn_issystemunit": "Boolean",
        "msdyn_symbol": "String",
        "msdyn_systemofunits": "Picklist",
        "name": "String"
      },
      "lookups": {}
    }
  ],
  "entities": [
    {
      "entitySet": "AssetManagementAssetLifecycleModels",
      "companySpecific": false,
      "fields": [
        "ACTIVELIFECYCLESTATEID",
        "INBOUNDLIFECYCLESTATEID",
        "INSTORAGELIFECYCLESTATEID",
        "LIFECYCLEMODELID",
        "NAME",
        "ONLOANLIFECYCLESTATEID",
        "OUTBOUNDLIFECYCLESTATEID",
        "RECEIVEDLIFECYCLESTATEID"
      ],
      "keys": []
    },
    {
      "entitySet": "AssetManagementAssetLifecycleStates",
      "companySpecific": false,
      "fields": [
        "DELETEOPENCALENDARLINES",
        "LIFECYCLESTATEID",
        "LINE",
        "MAINTENANCEASSETACTIVE",
        "NAME"
      ],
      "keys": []
    },
    {
      "entitySet": "AssetManagementAssets",
      "companySpecific": false,
      "fields": [
        "ACQUISITIONCOST",
        "ACQUISITIONDATE",
        "ACTIVEFROM",
        "ACTIVETO",
        "FIXEDASSETID",
        "FUNCTIONALLOCATIONID",
        "MAINTENANCEASSETID",
        "MAINTENANCEASSETLIFECYCLESTATEID",
        "MAINTENANCEASSETTYPEID",
        "MODELID",
        "MODELPRODUCTID",
        "MODELYEAR",
        "NAME",
        "NOTES",
        "PARENTMAINTENANCEASSETID",
        "PRODUCTID",
        "PURCHASEORDERID",
        "REPLACEMENTDATE",
        "REPLACEMENTVALUE",
        "SERIALID",
        "VENDACCOUNT",
        "WARRANTYDATEFROMVEND",
        "WARRANTYID",
        "WRKCTRID"
      ],
      "keys": []
    },
    {
      "entitySet": "AssetManagementAssetTypes",
      "companySpecific": false,
      "fields": [
        "CALCULATEKPITOTAL",
        "LIFECYCLEMODELID",
        "MAINTENANCEASSETTYPEID",
        "NAME"
      ],
      "keys": []
    },
    {
      "entitySet": "AssetManagementFunctionalLocationLifecycleModels",
      "companySpecific": false,
      "fields": [
        "LIFECYCLEMODELID",
        "NAME"
      ],
      "keys": []
    },
    {
      "entitySet": "AssetManagementFunctionalLocationLifecycleStates",
      "companySpecific": false,
      "fields": [
        "ALLOWDELETELOCATION",
        "ALLOWINSTALLMAINTENANCEASSETS",
        "ALLOWNEWSUBLOCATIONS",
        "ALLOWRENAMELOCATION",
        "CREATELOCATIONMAINTENANCEASSET",
        "FUNCTIONALLOCATIONACTIVE",
        "LIFECYCLESTATEID",
        "MAINTENANCEASSETLIFECYCLESTATEID",
        "NAME"
      ],
      "keys": []
    },
    {
      "entitySet": "AssetManagementFunctionalLocations",
      "companySpecific": false,
      "fields": [
        "FUNCTIONALLOCATIONID",
        "FUNCTIONALLOCATIONLIFECYCLESTATEID",
        "FUNCTIONALLOCATIONTYPEID",
        "INVENTORYLOCATIONID",
        "INVENTORYSITEID",
        "NAME",
        "NOTES",
        "PARENTFUNCTIONALLOCATIONID"
      ],
      "keys": []
    },
    {
      "entitySet": "AssetManagementFunctionalLocationTypes",
      "companySpecific": false,
      "fields": [
        "ALLOWMULTIPLEINSTALLEDASSETS",
        "FUNCTIONALLOCATIONTYPEID",
        "LIFECYCLEMODELID",
        "MAINTENANCEASSETTYPEID",
        "NAME",
        "UPDATEASSETDIMENSION"
      ],
      "keys": []
    },
    {
      "entitySet": "AssetManagementManufacturers",
      "companySpecific": false,
      "fields": [
        "DESCRIPTION",
        "PRODUCTID"
      ],
      "keys": []
    },
    {
      "entitySet": "AssetManagementModels",
      "companySpecific": false,
      "fields": [
        "DESCRIPTION",
        "MAINTENANCEASSETTYPEID",
        "MODELID",
        "PRODUCTID"
      ],
      "keys": []
    },
    {
      "entitySet": "AssetManagementWarranty",
      "companySpecific": false,
      "fields": [
        "NAME",
        "WARRANTYID"
      ],
      "keys": []
    },
    {
      "entitySet": "CDSContactsV2",
      "companySpecific": true,
      "fields": [
        "ASSOCIATEDCONTACTNUMBER",
        "AssociatedContactType",
        "CONTACTPERSONID",
        "CONTACTPERSONPARTYNUMBER",
        "EMPLOYMENTDEPARTMENT",
        "EMPLOYMENTPROFESSION",
        "FIRSTNAME",
        "GENDER",
        "GOVERNMENTIDENTIFICATIONNUMBER",
        "ISRECEIVINGDIRECTMAIL",
        "LASTNAME",
        "MARITALSTATUS",
        "MIDDLENAME",
        "NOTES",
        "PRIMARYADDRESSCITY",
        "PRIMARYADDRESSCOUNTRYREGIONID",
        "PRIMARYADDRESSCOUNTYID",
        "PRIMARYADDRESSSTATEID",
        "PRIMARYADDRESSSTREET",
        "PRIMARYADDRESSZIPCODE",
        "PRIMARYEMAILADDRESS",
        "PRIMARYFAXNUMBER",
        "PRIMARYPHONENUMBER",
        "PRIMARYURL",
        "SPOUSENAME"
      ],
      "keys": [
        "CONTACTPERSONID"
      ]
    },
    {
      "entitySet": "CDSInventoryOnHandEntries",
      "companySpecific": false,
      "fields": [
        "ATPDATE",
        "ATPQUANTITY",
        "AVAILABLEONHANDQUANTITY",
        "AVAILABLEORDEREDQUANTITY",
        "INVENTORYSITEID",
        "INVENTORYWAREHOUSEID",
        "ONHANDQUANTITY",
        "ONORDERQUANTITY",
        "ORDEREDQUANTITY",
        "ORDERQUANTITY",
        "PROJECTEDISSUEQUANTITY",
        "PROJECTEDONHANDQUANTITY",
        "PROJECTEDRECEIPTQUANTITY",
        "REQUESTID",
        "RESERVEDONHANDQUANTITY",
        "RESERVEDORDEREDQUANTITY",
        "TOTALAVAILABLEQUANTITY",
        "UNAVAILABLEONHANDQUANTITY"
      ],
      "keys": []
    },
    {
      "entitySet": "CDSInventoryOnHandRequests",
      "companySpecific": false,
      "fields": [
        "INVENTORYSITEID",
        "INVENTORYWAREHOUSEID",
        "ISATPCALCULATION",
        "LINECREATIONSEQUENCENUMBER",
        "ORDERQUANTITY",
        "PRODUCTNUMBER",
        "REFERENCENUMBER",
        "REQUESTID"
      ],
      "keys": []
    },
    {
      "entitySet": "CDSLocationRoles",
      "companySpecific": false,
      "fields": [
        "ISCONTACTINFORMATION",
        "ISPOSTALADDRESS",
        "PURPOSE"
      ],
      "keys": []
    },
    {
      "entitySet": "CDSParties",
      "companySpecific": false,
      "fields": [
        "KNOWNAS",
        "LANGUAGEID",
        "NAMEALIAS",
        "ORGANIZATIONABCCODE",
        "ORGANIZATIONNAME",
        "ORGANIZATIONNUMBER",
        "ORGANIZATIONNUMOFEMPLOYEES",
        "ORGANIZATIONPHONETICNAME",
        "PARTYNUMBER",
        "PARTYTYPE",
        "PERSONANNIVERSARYDAY",
        "PERSONANNIVERSARYMONTH",
        "PERSONANNIVERSARYYEAR",
        "PERSONBIRTHDAY",
        "PERSONBIRTHMONTH",
        "PERSONBIRTHYEAR",
        "PERSONCHILDRENNAMES",
        "PERSONFIRSTNAME",
        "PERSONGENDER",
        "PERSONHOBBIES",
        "PERSONINITIALS",
        "PERSONLASTNAME",
        "PERSONLASTNAMEPREFIX",
        "PERSONMARITALSTATUS",
        "PERSONMIDDLENAME",
        "PERSONPHONETICFIRSTNAME",
        "PERSONPHONETICLASTNAME",
        "PERSONPHONETICMIDDLENAME",
        "PERSONPROFESSIONALSUFFIX",
        "PERSONPROFESSIONALTITLE"
      ],
      "keys": [
        "PARTYNUMBER"
      ]
    },
    {
      "entitySet": "CDSPartyPostalAddressLocations",
      "companySpecific": false,
      "fields": [
        "ISLOCATIONOWNER",
        "ISPRIMARY",
        "LOCATIONID",
        "PARTYNUMBER",
        "PURPOSE"
      ],
      "keys": []
    },
    {
      "entitySet": "CDSPostalAddressHistoryV2",
      "companySpecific": false,
      "fields": [
        "BUILDINGCOMPLIMENT",
        "CITY",
        "COUNTRYREGIONID",
        "COUNTY",
        "DESCRIPTION",
        "DISTRICTNAME",
        "LOCATIONID",
        "POSTBOX",
        "STATE",
        "STREET",
        "STREETNUMBER",
        "VALIDFROM",
        "VALIDTO",
        "ZIPCODE"
      ],
      "keys": []
    },
    {
      "entitySet": "CDSPostalAddressLocations",
      "companySpecific": false,
      "fields": [
        "DESCRIPTION",
        "LOCATIONID"
      ],
      "keys": []
    },
    {
      "entitySet": "CDSPurchaseOrderLineEntity",
      "companySpecific": false,
      "fields": [
        "BARCODE",
        "CATCHWEIGHTUNITSYMBOL",
        "CONFIRMEDDELIVERYDATE",
        "CONFIRMEDSHIPPINGDATE",
        "CURRENCYCODE",
        "CUSTOMERREFERENCE",
        "CUSTOMERREQUISITIONNUMBER",
        "DELIVERYADDRESSCITY",
        "DELIVERYADDRESSCOUNTRYREGIONID",
        "DELIVERYADDRESSDESCRIPTION",
        "DELIVERYADDRESSNAME",
        "DELIVERYADDRESSSTATEID",
        "DELIVERYADDRESSSTREET",
        "DELIVERYADDRESSSTREETNUMBER",
        "DELIVERYADDRESSZIPCODE",
        "EXTERNALITEMNUMBER",
        "FORMATTEDDELVERYADDRESS",
        "ISPARTIALDELIVERYPREVENTED",
        "LINEAMOUNT",
        "LINEDESCRIPTION",
        "LINEDISCOUNTAMOUNT",
        "LINEDISCOUNTPERCENTAGE",
        "LINENUMBER",
        "ORDEREDCATCHWEIGHTQUANTITY",
        "ORDEREDPURCHASEQUANTITY",
        "PROCUREMENTPRODUCTCATEGORYHIERACHYNAME",
        "PROCUREMENTPRODUCTCATEGORYNAME",
        "PRODUCTNUMBER",
        "PURCHASEORDERLINESTATUS",
        "PURCHASEORDERNUMBER",
        "PURCHASEPRICE",
        "PURCHASEPRICEQUANTITY",
        "PURCHASEUNITSYMBOL",
        "RECEIVINGSITEID",
        "RECEIVINGWAREHOUSEID",
        "REQUESTEDDELIVERYDATE",
        "REQUESTEDSHIPPINGDATE",
        "REQUESTERPERSONNELNUMBER"
      ],
      "keys": []
    },
    {
      "entitySet": "CDSPurchaseOrderLineSoftDeletedEntity",
      "companySpecific": false,
      "fields": [
        "ISDELETED",
        "LINENUMBER",
        "PURCHASEORDERNUMBER"
      ],
      "keys": []
    },
    {
      "entitySet": "CdsTaxExemptCodes",
      "companySpecific": false,
      "fields": [
        "DESCRIPTION",
        "NAME"
      ],
      "keys": []
    },
    {
      "entitySet": "ComplimentaryClosings",
      "companySpecific": false,
      "fields": [
        "CLOSINGPHRASE"
      ],
      "keys": []
    },
    {
      "entitySet": "ContactPersonTitles",
      "companySpecific": false,
      "fields": [
        "JOBTITLE",
        "JOBTITLEALIAS"
      ],
      "keys": []
    },
    {
      "entitySet": "ContactsV2",
      "companySpecific": false,
      "fields": [
        "ASSISTANTNAME",
        "ASSISTANTPHONENUMBER",
        "ASSOCIATEDPARTYNUMBER",
        "AVAILABLEFROMTIME",
        "AVAILABLETOTIME",
        "CONTACTACTIVITYSENSITIVITYLEVEL",
        "CONTACTINFORMATIONLANGUAGEID",
        "CONTACTPERSONID",
        "CONTACTPERSONPARTYNUMBER",
        "CONTACTPERSONRESPONSIBLEPERSONNELNUMBER",
        "DECISIONMAKINGROLECODE",
        "EMPLOYMENTCOMPUTERNETWORKNAME",
        "EMPLOYMENTDEPARTMENT",
        "EMPLOYMENTJOBFUNCTIONNAME",
        "EMPLOYMENTJOBTITLE",
        "EMPLOYMENTOFFICELOCATION",
        "EMPLOYMENTPROFESSION",
        "GOVERNMENTIDENTIFICATIONNUMBER",
        "HASREQUESTEDINTERNETACCESS",
        "IDENTITYCARDNUMBER",
        "ISRECEIVINGDIRECTMAIL",
        "ISVIP",
        "LOYALTYLEVELPHRASE",
        "MANAGERCONTACTPERSONID",
        "MICROSOFTOUTLOOKCATEGORIES",
        "MILEAGEDISTANCE",
        "NOTES",
        "ORGANIZATIONIDENTIFICATIONNUMBER",
        "PERSONALCHARACTERTYPECODE",
        "PRIMARYCOMPLIMENTARYCLOSINGPHRASE",
        "PRIMARYSALUTATIONPHRASE",
        "SPOUSENAME"
      ],
      "keys": [
        "CONTACTPERSONID"
      ]
    },
    {
      "entitySet": "Currencies",
      "companySpecific": false,
      "fields": [
        "CURRENCYCODE",
        "NAME",
        "SYMBOL"
      ],
      "keys": [
        "CURRENCYCODE"
      ]
    },
    {
      "entitySet": "CustCustomerGroup",
      "companySpecific": true,
      "fields": [
        "CLEARINGPERIODPAYMENTTERMNAME",
        "CUSTOMERGROUPID",
        "DESCRIPTION",
        "ISSALESTAXINCLUDEDINPRICE",
        "PAYMENTTERMID"
      ],
      "keys": [
        "CUSTOMERGROUPID"
      ]
    },
    {
      "entitySet": "CustomerAttachments",
      "companySpecific": false,
      "fields": [
        "CUSTOMERACCOUNTNUMBER",
        "DOCUMENTID",
        "NAME",
        "NOTES",
        "RESTRICTION",
        "TypeId"
      ],
      "keys": [
        "DOCUMENTID"
      ]
    },
    {
      "entitySet": "CustomerHierarchies",
      "companySpecific": false,
      "fields": [
        "CUSTOMERHIERARCHYID",
        "NAME",
        "ORGANIZATIONPARTYNUMBER",
        "PURPOSE"
      ],
      "keys": []
    },
    {
      "entitySet": "CustomerHierarchyNodes",
      "companySpecific": false,
      "fields": [
        "CUSTOMERHIERARCHYID",
        "NODEPARTYNUMBER",
        "NODETYPE",
        "ROLE"
      ],
      "keys": []
    },
    {
      "entitySet": "CustomerPaymentMethod",
      "companySpecific": true,
      "fields": [
        "ACCOUNTTYPE",
        "BILLOFEXCHANGEDRAFTTYPE",
        "BRIDGINGPOSTINGENABLED",
        "CREATEANDDRAWBILLOFEXCHANGEDURINGINVOICEPOSTING",
        "DESCRIPTION",
        "DIRECTDEBIT",
        "DISCOUNTGRACEPERIODDAYS",
        "ENABLEPOSTDATEDCHECKCLEARINGPOSTING",
        "ISSEPA",
        "LASTFILENUMBER",
        "LASTFILENUMBERTODAY",
        "NAME",
        "PAYMENTSTATUS",
        "PAYMENTTYPE",
        "SUMBYPERIOD"
      ],
      "keys": [
        "NAME"
      ]
    },
    {
      "entitySet": "CustomersV3",
      "companySpecific": true,
      "fields": [
        "ADDRESSCITY",
        "ADDRESSCOUNTRYREGIONISOCODE",
        "ADDRESSCOUNTY",
        "ADDRESSLATITUDE",
        "ADDRESSLOCATIONROLES",
        "ADDRESSLONGITUDE",
        "ADDRESSPOSTBOX",
        "ADDRESSSTATE",
        "ADDRESSSTREET",
        "ADDRESSZIPCODE",
        "CONTACTPERSONID",
        "CREDITLIMIT",
        "CREDITLIMITISMANDATORY",
        "CREDITRATING",
        "CUSTOMERACCOUNT",
        "CUSTOMERGROUPID",
        "DELIVERYADDRESSCITY",
        "DELIVERYADDRESSCOUNTRYREGIONISOCODE",
        "DELIVERYADDRESSCOUNTY",
        "DELIVERYADDRESSLATITUDE",
        "DELIVERYADDRESSLONGITUDE",
        "DELIVERYADDRESSSTATE",
        "DELIVERYADDRESSSTREET",
        "DELIVERYADDRESSZIPCODE",
        "IDENTIFICATIONNUMBER",
        "INVOICEACCOUNT",
        "INVOICEADDRESS",
        "INVOICEADDRESSCITY",
        "INVOICEADDRESSCOUNTRYREGIONISOCODE",
        "INVOICEADDRESSCOUNTY",
        "INVOICEADDRESSLATITUDE",
        "INVOICEADDRESSLONGITUDE",
        "INVOICEADDRESSSTATE",
        "INVOICEADDRESSSTREET",
        "INVOICEADDRESSZIPCODE",
        "ISONETIMECUSTOMER",
        "LANGUAGEID",
        "ONHOLDSTATUS",
        "ORGANIZATIONNAME",
        "ORGANIZATIONNUMBEROFEMPLOYEES",
        "PARTYCOUNTRY",
        "PARTYNUMBER",
        "PARTYSTATE",
        "PartyType",
        "PAYMENTDAY",
        "PAYMENTMETHOD",
        "PAYMENTSCHEDULE",
        "PAYMENTTERMS",
        "PAYMENTTERMSBASEDAYS",
        "PERSONFIRSTNAME",
        "PERSONGENDER",
        "PERSONLASTNAME",
        "PERSONMARITALSTATUS",
        "PERSONMIDDLENAME",
        "PERSONPROFESSIONALTITLE",
        "PRIMARYCONTACTEMAIL",
        "PRIMARYCONTACTEMAILDESCRIPTION",
        "PRIMARYCONTACTFACEBOOK",
        "PRIMARYCONTACTFACEBOOKDESCRIPTION",
        "PRIMARYCONTACTFAX",
        "PRIMARYCONTACTFAXDESCRIPTION",
        "PRIMARYCONTACTFAXEXTENSION",
        "PRIMARYCONTACTLINKEDIN",
        "PRIMARYCONTACTLINKEDINDESCRIPTION",
        "PRIMARYCONTACTPHONE",
        "PRIMARYCONTACTPHONEDESCRIPTION",
        "PRIMARYCONTACTPHONEEXTENSION",
        "PRIMARYCONTACTTWITTER",
        "PRIMARYCONTACTTWITTERDESCRIPTION",
        "PRIMARYCONTACTURL",
        "PRIMARYCONTACTURLDESCRIPTION",
        "SALESCURRENCYCODE",
        "SALESMEMO",
        "SALESTAXGROUP",
        "TAXEXEMPTNUMBER",
        "VENDORACCOUNT"
      ],
      "keys": [
        "CUSTOMERACCOUNT"
      ]
    },
    {
      "entitySet": "DecisionMakingRoles",
      "companySpecific": false,
      "fields": [
        "ROLEDESCRIPTION",
        "ROLENAME"
      ],
      "keys": []
    },
    {
      "entitySet": "DimensionAttributeEntity",
      "companySpecific": false,
      "fields": [
        "COPYVALUESONCREATE",
        "DIMENSIONNAME",
        "DimensionValueMask",
        "GIVEDERIVEDDIMENSIONSPRECEDENCE",
        "REPORTCOLUMNNAME",
        "UseValuesFrom"
      ],
      "keys": [
        "DIMENSIONNAME"
      ]
    },
    {
      "entitySet": "DimensionIntegrationFormatEntity",
      "companySpecific": false,
      "fields": [
        "DIMENSIONFORMATNAME",
        "DIMENSIONFORMATTYPE",
        "FINANCIALDIMENSIONFORMAT",
        "ISACTIVE"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResEveryProductEntity",
      "companySpecific": false,
      "fields": [
        "PRODUCTNAME",
        "PRODUCTNUMBER"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResProductCategoryAssignmentEntity",
      "companySpecific": false,
      "fields": [
        "PRODUCTCATEGORYHIERARCHYNAME",
        "PRODUCTCATEGORYNAME",
        "PRODUCTNUMBER"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResProductCategoryEntity",
      "companySpecific": false,
      "fields": [
        "CATEGORYCODE",
        "CATEGORYDESCRIPTION",
        "CATEGORYKEYWORDS",
        "CATEGORYNAME",
        "CATEGORYRECORDID",
        "EXTERNALID",
        "FRIENDLYCATEGORYNAME",
        "ISCATEGORYINHERITINGPARENTCATEGORYATTRIBUTES",
        "ISCATEGORYINHERITINGPARENTPRODUCTATTRIBUTES",
        "ISTANGIBLEPRODUCT",
        "PARENTPRODUCTCATEGORYHIERARCHYNAME",
        "PARENTPRODUCTCATEGORYNAME",
        "PRODUCTCATEGORYHIERARCHYNAME",
        "PROJECTCATEGORYNAME"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResProductCategoryHierarchyEntity",
      "companySpecific": false,
      "fields": [
        "HIERARCHYDESCRIPTION",
        "HIERARCHYNAME"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResProductCategoryHierarchyRoleEntity",
      "companySpecific": false,
      "fields": [
        "HIERARCHYROLE",
        "PRODUCTCATEGORYHIERARCHYNAME"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResProductColorEntity",
      "companySpecific": false,
      "fields": [
        "COLORID"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResProductConfigurationsEntity",
      "companySpecific": false,
      "fields": [
        "CONFIGURATIONID"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResProductDimensionGroup",
      "companySpecific": false,
      "fields": [
        "GROUPDESCRIPTION",
        "GROUPNAME",
        "ISPRODUCTCOLORACTIVE",
        "ISPRODUCTCONFIGURATIONACTIVE",
        "ISPRODUCTSIZEACTIVE",
        "ISPRODUCTSTYLEACTIVE",
        "PRODUCTVARIANTNOMENCLATURENAME",
        "WILLPURCHASEPRICESEARCHUSEPRODUCTCOLOR",
        "WILLPURCHASEPRICESEARCHUSEPRODUCTCONFIGURATION",
        "WILLPURCHASEPRICESEARCHUSEPRODUCTSIZE",
        "WILLPURCHASEPRICESEARCHUSEPRODUCTSTYLE",
        "WILLSALESPRICESEARCHUSEPRODUCTCOLOR",
        "WILLSALESPRICESEARCHUSEPRODUCTCONFIGURATION",
        "WILLSALESPRICESEARCHUSEPRODUCTSIZE",
        "WILLSALESPRICESEARCHUSEPRODUCTSTYLE"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResProductMasterColorEntity",
      "companySpecific": false,
      "fields": [
        "DISPLAYSEQUENCENUMBER",
        "PRODUCTCOLORID",
        "PRODUCTMASTERNUMBER",
        "REPLENISHMENTWEIGHT"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResProductMasterConfigurationEntity",
      "companySpecific": false,
      "fields": [
        "CONTAINERUNITSYMBOL",
        "DISPLAYSEQUENCENUMBER",
        "PRODUCTCONFIGURATIONID",
        "PRODUCTMASTERNUMBER",
        "REPLENISHMENTWEIGHT"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResProductMasterSize",
      "companySpecific": false,
      "fields": [
        "DISPLAYSEQUENCENUMBER",
        "PRODUCTMASTERNUMBER",
        "PRODUCTSIZEID",
        "REPLENISHMENTWEIGHT"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResProductMasterStyleEntity",
      "companySpecific": false,
      "fields": [
        "DISPLAYSEQUENCENUMBER",
        "PRODUCTMASTERNUMBER",
        "PRODUCTSTYLEID",
        "REPLENISHMENTWEIGHT"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResProductNumberIdentifiedBarcode",
      "companySpecific": false,
      "fields": [
        "BARCODE",
        "BARCODESETUPID",
        "ISDEFAULTDISPLAYEDBARCODE",
        "ISDEFAULTPRINTEDBARCODE",
        "ISDEFAULTSCANNEDBARCODE",
        "PRODUCTDESCRIPTION",
        "PRODUCTNUMBER",
        "PRODUCTQUANTITY",
        "PRODUCTQUANTITYUNITSYMBOL"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResProductSizeEntity",
      "companySpecific": false,
      "fields": [
        "SIZEID"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResProductSpecificUnitConversionEntity",
      "companySpecific": false,
      "fields": [
        "DENOMINATOR",
        "FACTOR",
        "FROMUNITSYMBOL",
        "INNEROFFSET",
        "NUMERATOR",
        "OUTEROFFSET",
        "PRODUCTNUMBER",
        "ROUNDING",
        "TOUNITSYMBOL"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResProductStyleEntity",
      "companySpecific": false,
      "fields": [
        "STYLEID"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResReleasedDistinctProductCDSEntity",
      "companySpecific": false,
      "fields": [
        "CURRENCYCODE",
        "FIELDSERVICEPRODUCTTYPE",
        "ISCATCHWEIGHTPRODUCT",
        "ISSTOCKEDPRODUCT",
        "ITEMNUMBER",
        "PRODUCTCOLORID",
        "PRODUCTCONFIGURATIONID",
        "PRODUCTDESCRIPTION",
        "PRODUCTNAME",
        "PRODUCTNUMBER",
        "PRODUCTSIZEID",
        "PRODUCTSTYLEID",
        "PRODUCTTYPE",
        "SALESPRICE",
        "SALESUNITDECIMALPRECISION",
        "SALESUNITSYMBOL",
        "UNITCOST"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResReleasedProductV2",
      "companySpecific": false,
      "fields": [
        "ALTERNATIVEITEMNUMBER",
        "APPROXIMATESALESTAXPERCENTAGE",
        "BESTBEFOREPERIODDAYS",
        "BOMUNITSYMBOL",
        "CARRYINGCOSTABCCODE",
        "CATCHWEIGHTUNITSYMBOL",
        "COMPARISONPRICEBASEUNITSYMBOL",
        "CONSTANTSCRAPQUANTITY",
        "COSTCHARGESQUANTITY",
        "DEFAULTRECEIVINGQUANTITY",
        "FIXEDCOSTCHARGES",
        "FIXEDPURCHASEPRICECHARGES",
        "FIXEDSALESPRICECHARGES",
        "GROSSDEPTH",
        "GROSSPRODUCTHEIGHT",
        "GROSSPRODUCTWIDTH",
        "INTRASTATCHARGEPERCENTAGE",
        "INVENTORYUNITSYMBOL",
        "ISCATCHWEIGHTPRODUCT",
        "ISDISCOUNTPOSREGISTRATIONPROHIBITED",
        "ISEXEMPTFROMAUTOMATICNOTIFICATIONANDCANCELLATION",
        "ISINSTALLMENTELIGIBLE",
        "ISINTERCOMPANYPURCHASEUSAGEBLOCKED",
        "ISINTERCOMPANYSALESUSAGEBLOCKED",
        "ISMANUALDISCOUNTPOSREGISTRATIONPROHIBITED",
        "ISPHANTOM",
        "ISPOSREGISTRATIONBLOCKED",
        "ISPOSREGISTRATIONQUANTITYNEGATIVE",
        "ISPURCHASEPRICEAUTOMATICALLYUPDATED",
        "ISPURCHASEPRICEINCLUDINGCHARGES",
        "ISRESTRICTEDFORCOUPONS",
        "ISSALESPRICEADJUSTMENTALLOWED",
        "ISSALESPRICEINCLUDINGCHARGES",
        "ISSALESWITHHOLDINGTAXCALCULATED",
        "ISSCALEPRODUCT",
        "ISSHIPALONEENABLED",
        "ISUNITCOSTAUTOMATICALLYUPDATED",
        "ISUNITCOSTINCLUDINGCHARGES",
        "ISUNITCOSTPRODUCTVARIANTSPECIFIC",
        "ISVARIANTSHELFLABELSPRINTINGENABLED",
        "ISZEROPRICEPOSREGISTRATIONALLOWED",
        "ITEMNUMBER",
        "KEYINPRICEREQUIREMENTSATPOSREGISTER",
        "KEYINQUANTITYREQUIREMENTSATPOSREGISTER",
        "MARGINABCCODE",
        "MAXIMUMCATCHWEIGHTQUANTITY",
        "MAXIMUMPICKQUANTITY",
        "MINIMUMCATCHWEIGHTQUANTITY",
        "MUSTKEYINCOMMENTATPOSREGISTER",
        "NECESSARYPRODUCTIONWORKINGTIMESCHEDULINGPROPERTYID",
        "NETPRODUCTWEIGHT",
        "PACKINGDUTYQUANTITY",
        "POSREGISTRATIONACTIVATIONDATE",
        "POSREGISTRATIONBLOCKEDDATE",
        "POSREGISTRATIONPLANNEDBLOCKEDDATE",
        "POTENCYBASEATTIBUTETARGETVALUE",
        "POTENCYBASEATTRIBUTEVALUEENTRYEVENT",
        "PRIMARYVENDORACCOUNTNUMBER",
        "PRODUCTDIMENSIONGROUPNAME",
        "PRODUCTIONCONSUMPTIONDENSITYCONVERSIONFACTOR",
        "PRODUCTIONCONSUMPTIONDEPTHCONVERSIONFACTOR",
        "PRODUCTIONCONSUMPTIONHEIGHTCONVERSIONFACTOR",
        "PRODUCTIONCONSUMPTIONWIDTHCONVERSIONFACTOR",
        "PRODUCTNUMBER",
        "PRODUCTTYPE",
        "PRODUCTVOLUME",
        "PURCHASECHARGESQUANTITY",
        "PURCHASEOVERDELIVERYPERCENTAGE",
        "PURCHASEPRICE",
        "PURCHASEPRICEDATE",
        "PURCHASEPRICEQUANTITY",
        "PURCHASEPRICINGPRECISION",
        "PURCHASEUNDERDELIVERYPERCENTAGE",
        "PURCHASEUNITSYMBOL",
        "RAWMATERIALPICKINGPRINCIPLE",
        "SALESCHARGESQUANTITY",
        "SALESOVERDELIVERYPERCENTAGE",
        "SALESPRICE",
        "SALESPRICECALCULATIONCHARGESPERCENTAGE",
        "SALESPRICECALCULATIONCONTRIBUTIONRATIO",
        "SALESPRICECALCULATIONMODEL",
        "SALESPRICEDATE",
        "SALESPRICINGPRECISION",
        "SALESUNDERDELIVERYPERCENTAGE",
        "SALESUNITSYMBOL",
        "SCALEINDICATOR",
        "SELLSTARTDATE",
        "SHELFADVICEPERIODDAYS",
        "SHELFLIFEPERIODDAYS",
        "SHIPSTARTDATE",
        "STORAGEDIMENSIONGROUPNAME",
        "TAREPRODUCTWEIGHT",
        "TRACKINGDIMENSIONGROUPNAME",
        "TRANSFERORDEROVERDELIVERYPERCENTAGE",
        "TRANSFERORDERUNDERDELIVERYPERCENTAGE",
        "UNITCOST",
        "UNITCOSTDATE",
        "UNITCOSTQUANTITY",
        "VARIABLESCRAPPERCENTAGE",
        "WAREHOUSEMOBILEDEVICEDESCRIPTIONLINE1",
        "WAREHOUSEMOBILEDEVICEDESCRIPTIONLINE2",
        "WILLINVENTORYISSUEAUTOMATICALLYREPORTASFINISHED",
        "WILLINVENTORYRECEIPTIGNOREFLUSHINGPRINCIPLE",
        "WILLPICKINGWORKBENCHAPPLYBOXINGLOGIC",
        "WILLTOTALPURCHASEDISCOUNTCALCULATIONINCLUDEPRODUCT",
        "WILLTOTALSALESDISCOUNTCALCULATIONINCLUDEPRODUCT",
        "WILLWORKCENTERPICKINGALLOWNEGATIVEINVENTORY",
        "YIELDPERCENTAGE"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResStorageDimensionGroup",
      "companySpecific": false,
      "fields": [
        "AREADVANCEDWAREHOUSEMANAGEMENTPROCESSESENABLED",
        "GROUPDESCRIPTION",
        "GROUPNAME",
        "ISBLANKISSUEALLOWEDFORLOCATION",
        "ISBLANKRECEIPTALLOWEDFORLOCATION",
        "ISFINANCIALINVENTORYENABLEDFORWAREHOUSE",
        "ISLOCATIONACTIVE",
        "ISPHYSICALINVENTORYENABLEDFORLOCATION",
        "ISPHYSICALINVENTORYENABLEDFORWAREHOUSE",
        "ISWAREHOUSEMANDATORY",
        "ISWAREHOUSEPRIMARYSTORAGEDIMENSION",
        "WILLCOVERAGEPLANNINGUSEINVENTORYSTATUS",
        "WILLCOVERAGEPLANNINGUSELOCATION",
        "WILLCOVERAGEPLANNINGUSEWAREHOUSE",
        "WILLPURCHASEPRICESEARCHUSEINVENTORYSTATUS",
        "WILLPURCHASEPRICESEARCHUSESITE",
        "WILLPURCHASEPRICESEARCHUSEWAREHOUSE",
        "WILLSALESPRICESEARCHUSEINVENTORYSTATUS",
        "WILLSALESPRICESEARCHUSESITE",
        "WILLSALESPRICESEARCHUSEWAREHOUSE"
      ],
      "keys": []
    },
    {
      "entitySet": "EcoResTrackingDimensionGroup",
      "companySpecific": false,
      "fields": [
        "GROUPDESCRIPTION",
        "GROUPNAME",
        "ISBATCHNUMBERACTIVE",
        "ISBLANKISSUEALLOWEDFORBATCHNUMBER",
        "ISBLANKISSUEALLOWEDFORSERIALNUMBER",
        "ISBLANKRECEIPTALLOWEDFORBATCHNUMBER",
        "ISBLANKRECEIPTALLOWEDFORSERIALNUMBER",
        "ISCOVERAGEPLANENABLEDFORBATCHNUMBER",
        "ISCOVERAGEPLANENABLEDFORSERIALNUMBER",
        "ISFINANCIALINVENTORYENABLEDFORBATCHNUMBER",
        "ISFINANCIALINVENTORYENABLEDFORSERIALNUMBER",
        "ISINVENTORYOWNERACTIVE",
        "ISPHYSICALINVENTORYENABLEDFORBATCHNUMBER",
        "ISPHYSICALINVENTORYENABLEDFORSERIALNUMBER",
        "ISPRIMARYSTOCKINGENABLEDFORBATCHNUMBER",
        "ISPRIMARYSTOCKINGENABLEDFORSERIALNUMBER",
        "ISPURCHASEPRICEBYBATCHNUMBER",
        "ISPURCHASEPRICEBYSERIALNUMBER",
        "ISSALESPRICEBYBATCHNUMBER",
        "ISSALESPRICEBYSERIALNUMBER",
        "ISSERIALNUMBERACTIVE",
        "ISSERIALNUMBERCONTROLENABLED",
        "ISSERIALNUMBERENABLEDFORPRODUCTIONCONSUMPTIONPROCESS",
        "ISSERIALNUMBERENABLEDFORSALESPROCESS",
        "SERIALNUMBERCAPTURINGOPERATION"
      ],
      "keys": []
    },
    {
      "entitySet": "Employment",
      "companySpecific": true,
      "fields": [
        "EMPLOYMENTENDDATE",
        "EMPLOYMENTSTARTDATE",
        "LEGALENTITYID",
        "PERSONNELNUMBER",
        "WORKERTYPE"
      ],
      "keys": []
    },
    {
      "entitySet": "EmploymentDetail",
      "companySpecific": true,
      "fields": [
        "ADJUSTEDWORKERSTARTDATE",
        "EMPLOYERNOTICEAMOUNT",
        "EMPLOYERUNITOFNOTICE",
        "EMPLOYMENTENDDATE",
        "EMPLOYMENTSTARTDATE",
        "EMPLOYMENTTYPE",
        "LASTDATEWORKED",
        "LEGALENTITYID",
        "PERSONNELNUMBER",
        "TRANSITIONDATE",
        "VALIDFROM",
        "VALIDTO",
        "WORKERNOTICEAMOUNT",
        "WORKERUNITOFNOTICE"
      ],
      "keys": []
    },
    {
      "entitySet": "EmploymentJobFunctions",
      "companySpecific": false,
      "fields": [
        "FUNCTIONDESCRIPTION",
        "FUNCTIONNAME"
      ],
      "keys": []
    },
    {
      "entitySet": "EmploymentPerCompany",
      "companySpecific": false,
      "fields": [
        "EMPLOYMENTENDDATE",
        "EMPLOYMENTSTARTDATE",
        "PERSONNELNUMBER",
        "WORKERTYPE"
      ],
      "keys": []
    },
    {
      "entitySet": "EthnicOrigins",
      "companySpecific": false,
      "fields": [
        "DESCRIPTION",
        "ETHNICORIGINID"
      ],
      "keys": []
    },
    {
      "entitySet": "ExchangeRateCurrencyPair",
      "companySpecific": false,
      "fields": [
        "EXCHANGERATEDISPLAYFACTOR",
        "EXCHANGERATETYPENAME",
        "FROMCURRENCYCODE",
        "TOCURRENCYCODE"
      ],
      "keys": [
        "EXCHANGERATETYPENAME",
        "FROMCURRENCYCODE",
        "TOCURRENCYCODE"
      ]
    },
    {
      "entitySet": "ExchangeRates",
      "companySpecific": false,
      "fields": [
        "EXCHANGERATETYPENAME",
        "FROMCURRENCYCODE",
        "RATE",
        "TOCURRENCYCODE",
        "VALIDFROM",
        "VALIDTO"
      ],
      "keys": []
    },
    {
      "entitySet": "ExchRateType",
      "companySpecific": false,
      "fields": [
        "DESCRIPTION",
        "NAME"
      ],
      "keys": [
        "NAME"
      ]
    },
    {
      "entitySet": "FiscalCalendar",
      "companySpecific": false,
      "fields": [
        "CALENDARID",
        "DESCRIPTION"
      ],
      "keys": [
        "CALENDARID"
      ]
    },
    {
      "entitySet": "FiscalCalendarYear",
      "companySpecific": false,
      "fields": [
        "ENDDATE",
        "FISCALCALENDAR_CALENDARID",
        "NAME",
        "STARTDATE"
      ],
      "keys": [
        "FISCALCALENDAR_CALENDARID",
        "NAME"
      ]
    },
    {
      "entitySet": "FiscalPeriodEntity",
      "companySpecific": false,
      "fields": [
        "CALENDAR",
        "COMMENTS",
        "ENDDATE",
        "FISCALYEAR",
        "MONTH",
        "PERIODNAME",
        "QUARTER",
        "SHORTNAME",
        "STARTDATE",
        "TYPE"
      ],
      "keys": [
        "CALENDAR",
        "FISCALYEAR",
        "PERIODNAME"
      ]
    },
    {
      "entitySet": "InventOperationalSiteEntity",
      "companySpecific": true,
      "fields": [
        "DEFAULTFINANCIALDIMENSIONVALUE",
        "DEFAULTINVENTORYSTATUSID",
        "FISCALESTABLISHMENTID",
        "FORMATTEDPRIMARYADDRESS",
        "ISPRIMARYADDRESSASSIGNED",
        "ISRECEIVINGWAREHOUSEOVERRIDEALLOWED",
        "PRIMARYADDRESSBUILDINGCOMPLIMENT",
        "PRIMARYADDRESSCITY",
        "PRIMARYADDRESSCITYINKANA",
        "PRIMARYADDRESSCOUNTRYREGIONID",
        "PRIMARYADDRESSCOUNTYID",
        "PRIMARYADDRESSDESCRIPTION",
        "PRIMARYADDRESSDISTRICTNAME",
        "PRIMARYADDRESSLATITUDE",
        "PRIMARYADDRESSLOCATIONROLES",
        "PRIMARYADDRESSLOCATIONSALESTAXGROUPCODE",
        "PRIMARYADDRESSLONGITUDE",
        "PRIMARYADDRESSPOSTBOX",
        "PRIMARYADDRESSSTATEID",
        "PRIMARYADDRESSSTREET",
        "PRIMARYADDRESSSTREETINKANA",
        "PRIMARYADDRESSSTREETNUMBER",
        "PRIMARYADDRESSZIPCODE",
        "SITEID",
        "SITENAME",
        "TAXBRANCHCODE",
        "WILLMASTERPLANNEDINTRASITEMOVEMENTSUSETRANSFERJOURNALS"
      ],
      "keys": [
        "SITEID"
      ]
    },
    {
      "entitySet": "InventoryAisle",
      "companySpecific": false,
      "fields": [
        "AISLEID",
        "AISLENAME",
        "AISLENUMBER",
        "ISSORTORDERCODEASSIGNEDDESCENDING",
        "MANUALSTARTINGSORTORDERCODE",
        "WAREHOUSEID"
      ],
      "keys": []
    },
    {
      "entitySet": "InventProductDefaultOrderSettingsEntity",
      "companySpecific": false,
      "fields": [
        "AREINVENTORYORDERPROMISINGDEFAULTSOVERRIDDEN",
        "ARESALESORDERPROMISINGDEFAULTSOVERRIDDEN",
        "INVENTORYATPBACKWARDDEMANDTIMEFENCEDAYS",
        "INVENTORYATPBACKWARDSUPPLYTIMEFENCEDAYS",
        "INVENTORYATPDELAYEDDEMANDOFFSETDAYS",
        "INVENTORYATPDELAYEDSUPPLYOFFSETDAYS",
        "INVENTORYATPTIMEFENCEDAYS",
        "INVENTORYLEADTIMEDAYS",
        "INVENTORYORDERPROMISINGMETHOD",
        "INVENTORYQUANTITYMULTIPLES",
        "INVENTORYSITEID",
        "INVENTWAREHOUSEID",
        "ISINVENTORYATPINCLUDINGPLANNEDORDERS",
        "ISINVENTORYPROCESSINGSTOPPED",
        "ISINVENTORYSITEMANDATORY",
        "ISINVENTORYUSINGWORKINGDAYS",
        "ISINVENTORYWAREHOUSEMANDATORY",
        "ISPROCUREMENTPROCESSINGSTOPPED",
        "ISPROCUREMENTSITEMANDATORY",
        "ISPROCUREMENTUSINGWORKINGDAYS",
        "ISPROCUREMENTWAREHOUSEMANDATORY",
        "ISSALESATPINCLUDINGPLANNEDORDERS",
        "ISSALESLEADTIMEOVERRIDDEN",
        "ISSALESPROCESSINGSTOPPED",
        "ISSALESSITEMANDATORY",
        "ISSALESWAREHOUSEMANDATORY",
        "ITEMNUMBER",
        "MAXIMUMINVENTORYORDERQUANTITY",
        "MAXIMUMPROCUREMENTORDERQUANTITY",
        "MAXIMUMSALESORDERQUANTITY",
        "MINIMUMINVENTORYORDERQUANTITY",
        "MINIMUMPROCUREMENTORDERQUANTITY",
        "MINIMUMSALESORDERQUANTITY",
        "PROCUREMENTLEADTIMEDAYS",
        "PROCUREMENTQUANTITYMULTIPLES",
        "PROCUREMENTSITEID",
        "PROCUREMENTWAREHOUSEID",
        "SALESATPBACKWARDDEMANDTIMEFENCEDAYS",
        "SALESATPBACKWARDSUPPLYTIMEFENCEDAYS",
        "SALESATPDELAYEDDEMANDOFFSETDAYS",
        "SALESATPDELAYEDSUPPLYOFFSETDAYS",
        "SALESATPTIMEFENCEDAYS",
        "SALESLEADTIMEDAYS",
        "SALESORDERPROMISINGMETHOD",
        "SALESQUANTITYMULTIPLES",
        "SALESSITEID",
        "SALESWAREHOUSEID",
        "STANDARDINVENTORYORDERQUANTITY",
        "STANDARDPROCUREMENTORDERQUANTITY",
        "STANDARDSALESORDERQUANTITY"
      ],
      "keys": []
    },
    {
      "entitySet": "InventProductSpecificOrderSettingsV2Entity",
      "companySpecific": false,
      "fields": [
        "AREINVENTORYDEFAULTORDERSETTINGSOVERRIDDEN",
        "ARESALESDEFAULTORDERSETTINGSOVERRIDDEN",
        "INVENTORYATPBACKWARDDEMANDTIMEFENCEDAYS",
        "INVENTORYATPBACKWARDSUPPLYTIMEFENCEDAYS",
        "INVENTORYATPDELAYEDDEMANDOFFSETDAYS",
        "INVENTORYATPDELAYEDSUPPLYOFFSETDAYS",
        "INVENTORYATPTIMEFENCEDAYS",
        "INVENTORYLEADTIMEDAYS",
        "INVENTORYORDERPROMISINGMETHOD",
        "INVENTORYQUANTITYMULTIPLES",
        "INVENTORYSITEID",
        "INVENTORYWAREHOUSEID",
        "ISINVENTORYATPINCLUDINGPLANNEDORDERS",
        "ISINVENTORYPROCESSINGSTOPPED",
        "ISINVENTORYSITEMANDATORY",
        "ISINVENTORYUSINGWORKINGDAYS",
        "ISINVENTORYWAREHOUSEMANDATORY",
        "ISPROCUREMENTPROCESSINGSTOPPED",
        "ISPROCUREMENTSITEMANDATORY",
        "ISPROCUREMENTUSINGWORKINGDAYS",
        "ISPROCUREMENTWAREHOUSEMANDATORY",
        "ISSALESATPINCLUDINGPLANNEDORDERS",
        "ISSALESLEADTIMEOVERRIDDEN",
        "ISSALESPROCESSINGSTOPPED",
        "ISSALESSITEMANDATORY",
        "ISSALESWAREHOUSEMANDATORY",
        "ITEMNUMBER",
        "MAXIMUMINVENTORYORDERQUANTITY",
        "MAXIMUMPROCUREMENTORDERQUANTITY",
        "MAXIMUMSALESORDERQUANTITY",
        "MINIMUMINVENTORYORDERQUANTITY",
        "MINIMUMPROCUREMENTORDERQUANTITY",
        "MINIMUMSALESORDERQUANTITY",
        "OPERATIONALSITEID",
        "PROCUREMENTLEADTIMEDAYS",
        "PROCUREMENTQUANTITYMULTIPLES",
        "PROCUREMENTSITEID",
        "PROCUREMENTWAREHOUSEID",
        "PRODUCTCOLORID",
        "PRODUCTCONFIGURATIONID",
        "PRODUCTSIZEID",
        "PRODUCTSTYLEID",
        "SALESATPBACKWARDDEMANDTIMEFENCEDAYS",
        "SALESATPBACKWARDSUPPLYTIMEFENCEDAYS",
        "SALESATPDELAYEDDEMANDOFFSETDAYS",
        "SALESATPDELAYEDSUPPLYOFFSETDAYS",
        "SALESATPTIMEFENCEDAYS",
        "SALESLEADTIMEDAYS",
        "SALESORDERPROMISINGMETHOD",
        "SALESQUANTITYMULTIPLES",
        "SALESSITEID",
        "SALESWAREHOUSEID",
        "STANDARDINVENTORYORDERQUANTITY",
        "STANDARDPROCUREMENTORDERQUANTITY",
        "STANDARDSALESORDERQUANTITY"
      ],
      "keys": []
    },
    {
      "entitySet": "InventWarehouseEntity",
      "companySpecific": true,
      "fields": [
        "AREADVANCEDWAREHOUSEMANAGEMENTPROCESSESENABLED",
        "AREITEMSCOVERAGEPLANNEDMANUALLY",
        "ARELABORSTANDARDSALLOWED",
        "AREPICKINGLISTSDELIVERYMODESPECIFIC",
        "AREPICKINGLISTSSHIPMENTSPECIFICONLY",
        "AREWAREHOUSELOCATIONCHECKDIGITSUNIQUE",
        "AUTOUPDATESHIPMENTRULE",
        "DEFAULTCONTAINERTYPEID",
        "EXTERNALLYLOCATEDWAREHOUSECUSTOMERACCOUNTNUMBER",
        "EXTERNALLYLOCATEDWAREHOUSEVENDORACCOUNTNUMBER",
        "FORMATTEDPRIMARYADDRESS",
        "INVENTORYCOUNTINGREASONCODEPOLICYNAME",
        "INVENTORYSTATUSCHANGERESERVATIONREMOVALLEVEL",
        "ISBILLOFLADINGPRINTINGBEFORESHIPMENTCONFIRMATIONENABLED",
        "ISFALLBACKWAREHOUSE",
        "ISFINANCIALNEGATIVERETAILSTOREINVENTORYALLOWED",
        "ISPALLETMOVEMENTDURINGCYCLECOUNTINGALLOWED",
        "ISPHYSICALNEGATIVERETAILSTOREINVENTORYALLOWED",
        "ISPRIMARYADDRESSASSIGNED",
        "ISREFILLEDFROMMAINWAREHOUSE",
        "ISRETAILSTOREWAREHOUSE",
        "MAINREFILLINGWAREHOUSEID",
        "MASTERPLANNINGWORKCALENDARDID",
        "MAXIMUMBATCHPICKINGLISTQUANTITY",
        "MAXIMUMPICKINGLISTLINEQUANTITY",
        "OPERATIONALSITEID",
        "PRIMARYADDRESSBUILDINGCOMPLIMENT",
        "PRIMARYADDRESSCITY",
        "PRIMARYADDRESSCITYINKANA",
        "PRIMARYADDRESSCOUNTRYREGIONID",
        "PRIMARYADDRESSCOUNTYID",
        "PRIMARYADDRESSDESCRIPTION",
        "PRIMARYADDRESSDISTRICTNAME",
        "PRIMARYADDRESSLATITUDE",
        "PRIMARYADDRESSLOCATIONROLES",
        "PRIMARYADDRESSLOCATIONSALESTAXGROUPCODE",
        "PRIMARYADDRESSLONGITUDE",
        "PRIMARYADDRESSPOSTBOX",
        "PRIMARYADDRESSSTATEID",
        "PRIMARYADDRESSSTREET",
        "PRIMARYADDRESSSTREETINKANA",
        "PRIMARYADDRESSSTREETNUMBER",
        "PRIMARYADDRESSZIPCODE",
        "QUARANTINEWAREHOUSEID",
        "RAWMATERIALPICKINGINVENTORYISSUESTATUS",
        "RETAILSTOREQUANTITYALLOCATIONREPLENISMENTRULEWEIGHT",
        "SHOULDWAREHOUSELOCATIONIDINCLUDEAISLEID",
        "TRANSITWAREHOUSEID",
        "WAREHOUSEID",
        "WAREHOUSELOCATIONIDBINIDFORMAT",
        "WAREHOUSELOCATIONIDRACKIDFORMAT",
        "WAREHOUSELOCATIONIDSHELFIDFORMAT",
        "WAREHOUSENAME",
        "WAREHOUSERELEASERESERVATIONREQUIREMENTRULE",
        "WAREHOUSESPECIFICDEFAULTINVENTORYSTATUSID",
        "WAREHOUSETYPE",
        "WAREHOUSEWORKPROCESSINGPOLICYNAME",
        "WILLAUTOMATICLOADRELEASERESERVEINVENTORY",
        "WILLINVENTORYSTATUSCHANGEREMOVEBLOCKING",
        "WILLMANUALLOADRELEASERESERVEINVENTORY",
        "WILLORDERRELEASINGCONSOLIDATESHIPMENTS",
        "WILLPRODUCTIONBOMSRESERVEWAREHOUSELEVELONLY",
        "WILLSHIPPINGCANCELLATIONDECREMENTLOADQUANITY",
        "WILLWAREHOUSELOCATIONIDINCLUDEBINIDBYDEFAULT",
        "WILLWAREHOUSELOCATIONIDINCLUDERACKIDBYDEFAULT",
        "WILLWAREHOUSELOCATIONIDINCLUDESHELFIDBYDEFAULT"
      ],
      "keys": [
        "WAREHOUSEID"
      ]
    },
    {
      "entitySet": "Job",
      "companySpecific": false,
      "fields": [
        "ALLOWUNLIMITEDPOSITIONS",
        "DESCRIPTION",
        "EFFECTIVE",
        "EXPIRATION",
        "FULLTIMEEQUIVALENT",
        "FUNCTIONID",
        "JOBDESCRIPTION",
        "JOBID",
        "JOBTYPEID",
        "MAXIMUMNUMBEROFPOSITIONS"
      ],
      "keys": []
    },
    {
      "entitySet": "JobDetail",
      "companySpecific": false,
      "fields": [
        "FULLTIMEEQUIVALENT",
        "FUNCTIONID",
        "JOBID",
        "JOBTYPEID",
        "VALIDFROM",
        "VALIDTO"
      ],
      "keys": []
    },
    {
      "entitySet": "JobFunction",
      "companySpecific": false,
      "fields": [
        "DESCRIPTION",
        "JOBFUNCTIONID"
      ],
      "keys": []
    },
    {
      "entitySet": "JobType",
      "companySpecific": false,
      "fields": [
        "DESCRIPTION",
        "EXEMPTSTATUS",
        "JOBTYPEID"
      ],
      "keys": []
    },
    {
      "entitySet": "LanguageCodes",
      "companySpecific": false,
      "fields": [
        "DESCRIPTION",
        "LANGUAGECODEID"
      ],
      "keys": []
    },
    {
      "entitySet": "Ledger",
      "companySpecific": true,
      "fields": [
        "ACCOUNTINGCURRENCY",
        "BUDGETEXCHANGERATETYPE",
        "CHARTOFACCOUNTS",
        "DESCRIPTION",
        "EXCHANGERATETYPE",
        "FISCALCALENDAR",
        "ISBUDGETCONTROLENABLED",
        "LEGALENTITYID",
        "NAME",
        "REPORTINGCURRENCY",
        "REPORTINGCURRENCYEXCHANGERATETYPE"
      ],
      "keys": [
        "LEGALENTITYID"
      ]
    },
    {
      "entitySet": "LedgerChartOfAccounts",
      "companySpecific": false,
      "fields": [
        "CHARTOFACCOUNTS",
        "DESCRIPTION",
        "MAINACCOUNTMASK"
      ],
      "keys": [
        "CHARTOFACCOUNTS"
      ]
    },
    {
      "entitySet": "LegalEntities",
      "companySpecific": false,
      "fields": [
        "LANGUAGEID",
        "LEGALENTITYID",
        "NAME",
        "NAMEALIAS",
        "PARTYNUMBER"
      ],
      "keys": [
        "LEGALENTITYID",
        "PARTYNUMBER"
      ]
    },
    {
      "entitySet": "LoyaltyCard",
      "companySpecific": false,
      "fields": [
        "CARDNUMBER",
        "CARDTENDERTYPE",
        "LOYALTYENROLLMENTDATE",
        "LOYALTYENROLLMENTDATELOCAL",
        "OMOPERATINGUNITNUMBER",
        "PARTYNUMBER",
        "REPLACEMENTCARDNUMBER"
      ],
      "keys": []
    },
    {
      "entitySet": "LoyaltyLevels",
      "companySpecific": false,
      "fields": [
        "LEVELDESCRIPTION",
        "LEVELPHRASE"
      ],
      "keys": []
    },
    {
      "entitySet": "LoyaltyRewardPoints",
      "companySpecific": false,
      "fields": [
        "EXPIRATIONTIMEUNIT",
        "EXPIRATIONTIMEVALUE",
        "MAXIMUMLOYALTYREWARDPOINTS",
        "REDEEMABLE",
        "REDEEMRANKING",
        "REWARDPOINTCURRENCY",
        "REWARDPOINTID",
        "REWARDPOINTTYPE",
        "VESTINGTIMEUNIT",
        "VESTINGTIMEVALUE"
      ],
      "keys": []
    },
    {
      "entitySet": "MainAccount",
      "companySpecific": false,
      "fields": [
        "BALANCECONTROL",
        "CHARTOFACCOUNTS",
        "CLOSING",
        "DEBITCREDITDEFAULT",
        "DEBITCREDITREQUIREMENT",
        "DEFAULTCURRENCY",
        "EXCHANGEADJUSTMENTRATETYPE",
        "FINANCIALREPORTINGCURRENCYTRANSLATIONTYPE",
        "FINANCIALREPORTINGEXCHANGERATETYPE",
        "FOREIGNCURRENCYREVALUATION",
        "MAINACCOUNTCATEGORY",
        "MAINACCOUNTID",
        "MAINACCOUNTTYPE",
        "MANDATORYPAYMENTREFERENCE",
        "MONETARY",
        "NAME",
        "OFFSETACCOUNTDISPLAYVALUE",
        "POSTINGTYPE",
        "REPORTINGEXCHANGEADJUSTMENTRATETYPE",
        "SRUCODE",
        "USER",
        "VALIDATECURRENCY",
        "VALIDATEPOSTINGTYPE",
        "VALIDATEUSER"
      ],
      "keys": []
    },
    {
      "entitySet": "MainAccountCategory",
      "companySpecific": false,
      "fields": [
        "CLOSED",
        "DESCRIPTION",
        "DISPLAYORDER",
        "MAINACCOUNTCATEGORY",
        "MAINACCOUNTTYPE",
        "REFERENCEID"
      ],
      "keys": [
        "MAINACCOUNTCATEGORY"
      ]
    },
    {
      "entitySet": "MixedRealityGuidesEntity",
      "companySpecific": false,
      "fields": [
        "CREATEDON",
        "GUIDEID",
        "INTEGRATIONKEY",
        "LASTMODIFIEDON",
        "NAME",
        "SCHEMAVERSION"
      ],
      "keys": []
    },
    {
      "entitySet": "ModesOfDelivery",
      "companySpecific": false,
      "fields": [
        "MODECODE",
        "MODEDESCRIPTION"
      ],
      "keys": []
    },
    {
      "entitySet": "NameAffixes",
      "companySpecific": false,
      "fields": [
        "AFFIX",
        "DESCRIPTION",
        "TYPE"
      ],
      "keys": []
    },
    {
      "entitySet": "OperatingUnit",
      "companySpecific": false,
      "fields": [
        "LANGUAGEID",
        "NAME",
        "NAMEALIAS",
        "OPERATINGUNITTYPE",
        "PARTYNUMBER"
      ],
      "keys": [
        "PARTYNUMBER"
      ]
    },
    {
      "entitySet": "OrganizationHierarchyPublished",
      "companySpecific": false,
      "fields": [
        "CHILDORGANIZATIONPARTYNUMBER",
        "HIERARCHYTYPE",
        "PARENTORGANIZATIONPARTYNUMBER",
        "VALIDFROM",
        "VALIDTO"
      ],
      "keys": []
    },
    {
      "entitySet": "OrganizationHierarchyPurpose",
      "companySpecific": false,
      "fields": [
        "HIERARCHYPURPOSE",
        "HIERARCHYTYPE",
        "IMMUTABLE",
        "SETASDEFAULT"
      ],
      "keys": []
    },
    {
      "entitySet": "OrganizationHierarchyType",
      "companySpecific": false,
      "fields": [
        "NAME"
      ],
      "keys": []
    },
    {
      "entitySet": "PartyContactsV3",
      "companySpecific": false,
      "fields": [
        "COUNTRYREGIONCODE",
        "DESCRIPTION",
        "ELECTRONICADDRESSID",
        "ISINSTANTMESSAGE",
        "ISMOBILEPHONE",
        "ISPRIMARY",
        "ISPRIVATE",
        "LOCATOR",
        "LOCATOREXTENSION",
        "PARTYNUMBER",
        "PURPOSE",
        "TYPE"
      ],
      "keys": []
    },
    {
      "entitySet": "PaymentDayLinesCdsV2",
      "companySpecific": true,
      "fields": [
        "DAYOFMONTH",
        "DAYOFWEEK",
        "FREQUENCY",
        "LINENUMBER",
        "NAME"
      ],
      "keys": [
        "LINENUMBER",
        "NAME"
      ]
    },
    {
      "entitySet": "PaymentDaysCds",
      "companySpecific": true,
      "fields": [
        "DESCRIPTION",
        "NAME"
      ],
      "keys": [
        "NAME"
      ]
    },
    {
      "entitySet": "PaymentScheduleLines",
      "companySpecific": true,
      "fields": [
        "LINENUMBER",
        "PAYMENTSCHEDULENAME",
        "PERCENTORAMOUNT",
        "PERCENTORAMOUNTVALUE",
        "PERIODSAFTERDUEDATE"
      ],
      "keys": [
        "LINENUMBER",
        "PAYMENTSCHEDULENAME"
      ]
    },
    {
      "entitySet": "PaymentSchedules",
      "companySpecific": true,
      "fields": [
        "ALLOCATIONMETHOD",
        "DESCRIPTION",
        "FIXEDPAYMENTAMOUNT",
        "MINIMUMPAYMENTAMOUNT",
        "NAME",
        "NOTES",
        "NUMBEROFPAYMENTS",
        "PAYMENTFREQUENCY",
        "PAYMENTFREQUENCYUNITS",
        "SALESTAXALLOCATIONMETHOD"
      ],
      "keys": [
        "NAME"
      ]
    },
    {
      "entitySet": "PersonalCharacterTypes",
      "companySpecific": false,
      "fields": [
        "TYPEDESCRIPTION",
        "TYPENAME"
      ],
      "keys": []
    },
    {
      "entitySet": "Position",
      "companySpecific": false,
      "fields": [
        "POSITIONID"
      ],
      "keys": []
    },
    {
      "entitySet": "PositionDetail",
      "companySpecific": false,
      "fields": [
        "AVAILABLEFORASSIGNMENT",
        "DEPARTMENTNUMBER",
        "DESCRIPTION",
        "FULLTIMEEQUIVALENT",
        "JOBID",
        "POSITIONID",
        "POSITIONTYPEID",
        "VALIDFROM",
        "VALIDTO"
      ],
      "keys": []
    },
    {
      "entitySet": "PositionDuration",
      "companySpecific": false,
      "fields": [
        "POSITIONID",
        "VALIDFROM",
        "VALIDTO"
      ],
      "keys": []
    },
    {
      "entitySet": "PositionHierarchy",
      "companySpecific": false,
      "fields": [
        "HIERARCHYTYPENAME",
        "PARENTPOSITIONID",
        "POSITIONID",
        "VALIDFROM",
        "VALIDTO"
      ],
      "keys": []
    },
    {
      "entitySet": "PositionsV2",
      "companySpecific": false,
      "fields": [
        "ACTIVATION",
        "AVAILABLEFORASSIGNMENT",
        "DESCRIPTION",
        "DETAILEFFECTIVE",
        "DETAILEXPIRATION",
        "FULLTIMEEQUIVALENT",
        "JOBID",
        "POSITIONID",
        "POSITIONTYPEID",
        "RETIREMENT"
      ],
      "keys": []
    },
    {
      "entitySet": "PositionType",
      "companySpecific": false,
      "fields": [
        "CLASSIFICATION",
        "DESCRIPTION",
        "POSITIONTYPEID"
      ],
      "keys": [
        "POSITIONTYPEID"
      ]
    },
    {
      "entitySet": "PositionWorkerAssignment",
      "companySpecific": false,
      "fields": [
        "PERSONNELNUMBER",
        "POSITIONID",
        "VALIDFROM",
        "VALIDTO"
      ],
      "keys": []
    },
    {
      "entitySet": "PriceCustomerGroups",
      "companySpecific": false,
      "fields": [
        "GROUPCODE",
        "GROUPNAME"
      ],
      "keys": []
    },
    {
      "entitySet": "ProductReceiptHeader",
      "companySpecific": false,
      "fields": [
        "ATTENTIONINFORMATION",
        "DELIVERYADDRESSCITY",
        "DELIVERYADDRESSCOUNTRYREGIONID",
        "DELIVERYADDRESSCOUNTYID",
        "DELIVERYADDRESSDESCRIPTION",
        "DELIVERYADDRESSDISTRICTNAME",
        "DELIVERYADDRESSDUNSNUMBER",
        "DELIVERYADDRESSLATITUDE",
        "DELIVERYADDRESSLOCATIONID",
        "DELIVERYADDRESSLONGITUDE",
        "DELIVERYADDRESSNAME",
        "DELIVERYADDRESSPOSTBOX",
        "DELIVERYADDRESSSTATEID",
        "DELIVERYADDRESSSTREET",
        "DELIVERYADDRESSSTREETNUMBER",
        "DELIVERYADDRESSTIMEZONE",
        "DELIVERYADDRESSZIPCODE",
        "DELIVERYBUILDINGCOMPLIMENT",
        "DELIVERYCITYINKANA",
        "DELIVERYMODEID",
        "DELIVERYSTREETINKANA",
        "DELIVERYTERMSID",
        "FORMATTEDDELIVERYADDRESS",
        "ISDELIVERYADDRESSPRIVATE",
        "ORDERVENDORACCOUNTNUMBER",
        "PRODUCTRECEIPTDATE",
        "PRODUCTRECEIPTNUMBER",
        "PURCHASEORDERNUMBER",
        "RECORDID",
        "REQUESTERPERSONNELNUMBER"
      ],
      "keys": []
    },
    {
      "entitySet": "ProductReceiptLine",
      "companySpecific": false,
      "fields": [
        "DELIVERYADDRESSCOUNTRYREGIONID",
        "DELIVERYADDRESSCOUNTYID",
        "DELIVERYADDRESSSTATEID",
        "EXPECTEDDELIVERYDATE",
        "EXTERNALITEMNUMBER",
        "ITEMBATCHNUMBER",
        "ITEMSERIALNUMBER",
        "LINEDESCRIPTION",
        "ORDEREDPURCHASEQUANTITY",
        "PROCUREMENTPRODUCTCATEGORYHIERARCHYNAME",
        "PROCUREMENTPRODUCTCATEGORYNAME",
        "PRODUCTNUMBER",
        "PRODUCTRECEIPTDATE",
        "PRODUCTRECEIPTHEADERRECORDID",
        "PRODUCTRECEIPTNUMBER",
        "PURCHASEORDERLINENUMBER",
        "PURCHASEORDERNUMBER",
        "PURCHASEUNITSYMBOL",
        "RECEIVEDINVENTORYQUANTITY",
        "RECEIVEDINVENTORYSTATUSID",
        "RECEIVEDPURCHASEQUANTITY",
        "RECEIVINGSITEID",
        "RECEIVINGWAREHOUSEID",
        "RECEIVINGWAREHOUSELOCATIONID",
        "RECORDID",
        "REMAININGINVENTORYQUANTITY",
        "REMAININGPURCHASEQUANTITY"
      ],
      "keys": []
    },
    {
      "entitySet": "Prospects",
      "companySpecific": false,
      "fields": [
        "ADDRESSCITY",
        "ADDRESSCOUNTRYREGIONISOCODE",
        "ADDRESSCOUNTYID",
        "ADDRESSLATITUDE",
        "ADDRESSLOCATIONROLES",
        "ADDRESSLONGITUDE",
        "ADDRESSPOSTBOX",
        "ADDRESSSTATEID",
        "ADDRESSSTREET",
        "ADDRESSZIPCODE",
        "B2BPROSPECTSTATUS",
        "COMPANYNAME",
        "COMPANYSIZE",
        "CURRENCYCODE",
        "CUSTOMERGROUPID",
        "IsB2BProspect",
        "PRIMARYEMAILADDRESS",
        "PRIMARYEMAILADDRESSDESCRIPTION",
        "PRIMARYFAXNUMBER",
        "PRIMARYFAXNUMBERDESCRIPTION",
        "PRIMARYFAXNUMBEREXTENSION",
        "PRIMARYPHONENUMBER",
        "PRIMARYPHONENUMBERDESCRIPTION",
        "PRIMARYPHONENUMBEREXTENSION",
        "PRIMARYURL",
        "PRIMARYURLDESCRIPTION",
        "PROSPECTID",
        "PROSPECTNAME",
        "PROSPECTPARTYNUMBER",
        "RETAILCHANNELOPERATINGUNITPARTYNUMBER",
        "SALESTAXGROUPCODE"
      ],
      "keys": []
    },
    {
      "entitySet": "PurchaseOrderHeaderDocumentAttachments",
      "companySpecific": false,
      "fields": [
        "ACCESSRESTRICTION",
        "ATTACHMENTDESCRIPTION",
        "DocumentAttachmentTypeCode",
        "DOCUMENTID",
        "NOTES",
        "PURCHASEORDERNUMBER"
      ],
      "keys": [
        "DOCUMENTID"
      ]
    },
    {
      "entitySet": "PurchaseOrderHeadersV2",
      "companySpecific": false,
      "fields": [
        "ACCOUNTINGDATE",
        "AREPRICESINCLUDINGSALESTAX",
        "ATTENTIONINFORMATION",
        "CASHDISCOUNTCODE",
        "CASHDISCOUNTPERCENTAGE",
        "CONFIRMEDDELIVERYDATE",
        "CONTACTPERSONID",
        "CURRENCYCODE",
        "DEFAULTRECEIVINGSITEID",
        "DEFAULTRECEIVINGWAREHOUSEID",
        "DELIVERYADDRESSCITY",
        "DELIVERYADDRESSCOUNTRYREGIONID",
        "DELIVERYADDRESSCOUNTRYREGIONISOCODE",
        "DELIVERYADDRESSCOUNTYID",
        "DELIVERYADDRESSDESCRIPTION",
        "DELIVERYADDRESSDISTRICTNAME",
        "DELIVERYADDRESSDUNSNUMBER",
        "DELIVERYADDRESSLATITUDE",
        "DELIVERYADDRESSLOCATIONID",
        "DELIVERYADDRESSLONGITUDE",
        "DELIVERYADDRESSNAME",
        "DELIVERYADDRESSPOSTBOX",
        "DELIVERYADDRESSSTATEID",
        "DELIVERYADDRESSSTREET",
        "DELIVERYADDRESSSTREETNUMBER",
        "DELIVERYADDRESSTIMEZONE",
        "DELIVERYADDRESSZIPCODE",
        "DELIVERYBUILDINGCOMPLIMENT",
        "DELIVERYMODEID",
        "DELIVERYTERMSID",
        "DOCUMENTAPPROVALSTATUS",
        "EMAIL",
        "FORMATTEDDELIVERYADDRESS",
        "FORMATTEDINVOICEADDRESS",
        "INVOICEADDRESSCITY",
        "INVOICEADDRESSCOUNTRYREGIONID",
        "INVOICEADDRESSCOUNTY",
        "INVOICEADDRESSSTATE",
        "INVOICEADDRESSSTREET",
        "INVOICEADDRESSSTREETNUMBER",
        "INVOICEADDRESSZIPCODE",
        "INVOICEVENDORACCOUNTNUMBER",
        "ISCHANGEMANAGEMENTACTIVE",
        "ISDELIVEREDDIRECTLY",
        "LANGUAGEID",
        "ORDERERPERSONNELNUMBER",
        "ORDERVENDORACCOUNTNUMBER",
        "PAYMENTTERMSNAME",
        "PURCHASEORDERNUMBER",
        "PURCHASEORDERSTATUS",
        "REASONCODE",
        "REASONCOMMENT",
        "REQUESTEDDELIVERYDATE",
        "TOTALDISCOUNTPERCENTAGE",
        "URL",
        "VENDORORDERREFERENCE",
        "VENDORPAYMENTMETHODNAME",
        "VENDORPAYMENTMETHODSPECIFICATIONNAME"
      ],
      "keys": []
    },
    {
      "entitySet": "SalesFeatureManagementStates",
      "companySpecific": false,
      "fields": [
        "ISENABLED",
        "NAME"
      ],
      "keys": [
        "NAME"
      ]
    },
    {
      "entitySet": "SalesInvoiceHeaderV2Entity",
      "companySpecific": true,
      "fields": [
        "CONTACTPERSONID",
        "CURRENCYCODE",
        "CUSTOMERSORDERREFERENCE",
        "INVOICEADDRESSCITY",
        "INVOICEADDRESSCOUNTRYREGIONISOCODE",
        "INVOICEADDRESSSTATE",
        "INVOICEADDRESSSTREET",
        "INVOICEADDRESSSTREETNUMBER",
        "INVOICEADDRESSZIPCODE",
        "INVOICECUSTOMERACCOUNTNUMBER",
        "INVOICEDATE",
        "INVOICENUMBER",
        "LEDGERVOUCHER",
        "PAYMENTTERMSNAME",
        "SalesOrderNumber",
        "TOTALCHARGEAMOUNT",
        "TOTALDISCOUNTAMOUNT",
        "TOTALDISCOUNTCUSTOMERGROUPCODE",
        "TOTALINVOICEAMOUNT",
        "TOTALTAXAMOUNT"
      ],
      "keys": [
        "INVOICENUMBER"
      ]
    },
    {
      "entitySet": "SalesInvoiceLineV2Entity",
      "companySpecific": false,
      "fields": [
        "CONFIRMEDSHIPPINGDATE",
        "CURRENCYCODE",
        "INVENTORYSITEID",
        "INVENTORYWAREHOUSEID",
        "INVOICEDATE",
        "INVOICEDQUANTITY",
        "INVOICENUMBER",
        "LEDGERVOUCHER",
        "LINEAMOUNT",
        "LINECREATIONSEQUENCENUMBER",
        "LINETOTALCHARGEAMOUNT",
        "LINETOTALDISCOUNTAMOUNT",
        "LINETOTALTAXAMOUNT",
        "PRODUCTNAME",
        "PRODUCTNUMBER",
        "SALESPRICE",
        "SALESPRODUCTCATEGORYHIERARCHYNAME",
        "SALESPRODUCTCATEGORYNAME",
        "SALESUNITSYMBOL"
      ],
      "keys": []
    },
    {
      "entitySet": "SalesOrderHeaderCDSEntity",
      "companySpecific": true,
      "fields": [
        "AREPRICESINCLUDINGSALESTAX",
        "CONFIRMEDRECEIPTDATE",
        "CONFIRMEDSHIPPINGDATE",
        "CONTACTPERSONID",
        "CURRENCYCODE",
        "CUSTOMERREQUISITIONNUMBER",
        "CUSTOMERSORDERREFERENCE",
        "DEFAULTSHIPPINGSITEID",
        "DEFAULTSHIPPINGWAREHOUSEID",
        "DELIVERYADDRESSCITY",
        "DELIVERYADDRESSCOUNTRYREGIONISOCODE",
        "DELIVERYADDRESSCOUNTYID",
        "DELIVERYADDRESSDESCRIPTION",
        "DELIVERYADDRESSDISTRICTNAME",
        "DELIVERYADDRESSDUNSNUMBER",
        "DELIVERYADDRESSLATITUDE",
        "DELIVERYADDRESSLOCATIONID",
        "DELIVERYADDRESSLONGITUDE",
        "DELIVERYADDRESSNAME",
        "DELIVERYADDRESSPOSTBOX",
        "DELIVERYADDRESSSTATEID",
        "DELIVERYADDRESSSTREET",
        "DELIVERYADDRESSSTREETNUMBER",
        "DELIVERYADDRESSZIPCODE",
        "DELIVERYBUILDINGCOMPLIMENT",
        "DELIVERYMODECODE",
        "DELIVERYTERMSCODE",
        "EMAIL",
        "FORMATTEDDELVERYADDRESS",
        "FORMATTEDINVOICEADDRESS",
        "INVOICEADDRESSCITY",
        "INVOICEADDRESSCOUNTRYREGIONISOCODE",
        "INVOICEADDRESSCOUNTYID",
        "INVOICEADDRESSDISTRICTNAME",
        "INVOICEADDRESSLATITUDE",
        "INVOICEADDRESSLONGITUDE",
        "INVOICEADDRESSPOSTBOX",
        "INVOICEADDRESSSTATEID",
        "INVOICEADDRESSSTREET",
        "INVOICEADDRESSSTREETNUMBER",
        "INVOICEADDRESSZIPCODE",
        "INVOICEBUILDINGCOMPLIMENT",
        "INVOICECUSTOMERACCOUNTNUMBER",
        "ISDELIVERYADDRESSORDERSPECIFIC",
        "ISDELIVERYADDRESSPRIVATE",
        "ISINVOICEADDRESSPRIVATE",
        "ISONETIMECUSTOMER",
        "ISSALESPROCESSINGSTOPPED",
        "LANGUAGEID",
        "ORDERINGCUSTOMERACCOUNTNUMBER",
        "ORDERTOTALAMOUNT",
        "ORDERTOTALCHARGESAMOUNT",
        "ORDERTOTALTAXAMOUNT",
        "PAYMENTTERMSBASEDATE",
        "PAYMENTTERMSNAME",
        "PRICECUSTOMERGROUPCODE",
        "QUOTATIONNUMBER",
        "REQUESTEDRECEIPTDATE",
        "REQUESTEDSHIPPINGDATE",
        "SALESORDERNAME",
        "SALESORDERNUMBER",
        "SALESORDERORIGINCODE",
        "SALESORDERPROCESSINGSTATUS",
        "SALESORDERPROMISINGMETHOD",
        "TOTALDISCOUNTAMOUNT",
        "URL"
      ],
      "keys": [
        "SALESORDERNUMBER"
      ]
    },
    {
      "entitySet": "SalesOrderHeaderDocumentAttachments",
      "companySpecific": false,
      "fields": [
        "ACCESSRESTRICTION",
        "ATTACHMENTDESCRIPTION",
        "DocumentAttachmentTypeCode",
        "DOCUMENTID",
        "NOTES",
        "SALESORDERNUMBER"
      ],
      "keys": [
        "DOCUMENTID"
      ]
    },
    {
      "entitySet": "SalesOrderLineCDSEntity",
      "companySpecific": false,
      "fields": [
        "ALLOWEDOVERDELIVERYPERCENTAGE",
        "ALLOWEDUNDERDELIVERYPERCENTAGE",
        "CONFIRMEDRECEIPTDATE",
        "CONFIRMEDSHIPPINGDATE",
        "CURRENCYCODE",
        "DELIVERYADDRESSCITY",
        "DELIVERYADDRESSCOUNTRYREGIONISOCODE",
        "DELIVERYADDRESSCOUNTYID",
        "DELIVERYADDRESSDESCRIPTION",
        "DELIVERYADDRESSDISTRICTNAME",
        "DELIVERYADDRESSDUNSNUMBER",
        "DELIVERYADDRESSLATITUDE",
        "DELIVERYADDRESSLOCATIONID",
        "DELIVERYADDRESSLONGITUDE",
        "DELIVERYADDRESSNAME",
        "DELIVERYADDRESSPOSTBOX",
        "DELIVERYADDRESSSTATEID",
        "DELIVERYADDRESSSTREET",
        "DELIVERYADDRESSSTREETNUMBER",
        "DELIVERYADDRESSZIPCODE",
        "DELIVERYBUILDINGCOMPLIMENT",
        "DELIVERYMODECODE",
        "DELIVERYTERMSID",
        "EXTERNALITEMNUMBER",
        "FIXEDPRICECHARGES",
        "FORMATTEDDELIVERYADDRESS",
        "ISDELIVERYADDRESSORDERSPECIFIC",
        "ISDELIVERYADDRESSPRIVATE",
        "ISLINESTOPPED",
        "LINEAMOUNT",
        "LINECREATIONSEQUENCENUMBER",
        "LINEDESCRIPTION",
        "LINEDISCOUNTAMOUNT",
        "LINEDISCOUNTPERCENTAGE",
        "MULTILINEDISCOUNTAMOUNT",
        "MULTILINEDISCOUNTPERCENTAGE",
        "ORDEREDSALESQUANTITY",
        "PRODUCTNAME",
        "PRODUCTNUMBER",
        "REQUESTEDRECEIPTDATE",
        "REQUESTEDSHIPPINGDATE",
        "SALESORDERLINESTATUS",
        "SALESORDERNUMBER",
        "SALESORDERPROMISINGMETHOD",
        "SALESPRICE",
        "SALESPRICEQUANTITY",
        "SALESPRODUCTCATEGORYHIERARCHYNAME",
        "SALESPRODUCTCATEGORYNAME",
        "SALESUNITSYMBOL",
        "SHIPPINGSITEID",
        "SHIPPINGWAREHOUSEID",
        "TOTALCHARGESAMOUNT",
        "TOTALDISCOUNTAMOUNT",
        "TOTALTAXAMOUNT"
      ],
      "keys": []
    },
    {
      "entitySet": "SalesOrderOriginEntity",
      "companySpecific": false,
      "fields": [
        "ORIGINCODE",
        "ORIGINDESCRIPTION"
      ],
      "keys": []
    },
    {
      "entitySet": "SalesQuotationHeaderCDSEntity",
      "companySpecific": false,
      "fields": [
        "AREPRICESINCLUDINGSALESTAX",
        "CONTACTPERSONID",
        "CURRENCYCODE",
        "CUSTOMERREQUISITIONNUMBER",
        "CUSTOMERSREFERENCE",
        "DEFAULTSHIPPINGSITEID",
        "DEFAULTSHIPPINGWAREHOUSEID",
        "DELIVERYADDRESSCITY",
        "DELIVERYADDRESSCOUNTRYREGIONISOCODE",
        "DELIVERYADDRESSCOUNTYID",
        "DELIVERYADDRESSDESCRIPTION",
        "DELIVERYADDRESSDISTRICTNAME",
        "DELIVERYADDRESSDUNSNUMBER",
        "DELIVERYADDRESSLATITUDE",
        "DELIVERYADDRESSLOCATIONID",
        "DELIVERYADDRESSLONGITUDE",
        "DELIVERYADDRESSNAME",
        "DELIVERYADDRESSPOSTBOX",
        "DELIVERYADDRESSSTATEID",
        "DELIVERYADDRESSSTREET",
        "DELIVERYADDRESSSTREETNUMBER",
        "DELIVERYADDRESSZIPCODE",
        "DELIVERYBUILDINGCOMPLIMENT",
        "EMAIL",
        "FORMATTEDDELIVERYADDRESS",
        "FORMATTEDINVOICEADDRESS",
        "GENERATEDSALESORDERNUMBER",
        "INVOICEADDRESSCITY",
        "INVOICEADDRESSCOUNTRYREGIONID",
        "INVOICEADDRESSCOUNTRYREGIONISOCODE",
        "INVOICEADDRESSCOUNTYID",
        "INVOICEADDRESSDISTRICTNAME",
        "INVOICEADDRESSLATITUDE",
        "INVOICEADDRESSLONGITUDE",
        "INVOICEADDRESSPOSTBOX",
        "INVOICEADDRESSSTATEID",
        "INVOICEADDRESSSTREET",
        "INVOICEADDRESSSTREETNUMBER",
        "INVOICEADDRESSZIPCODE",
        "INVOICEBUILDINGCOMPLIMENT",
        "INVOICECUSTOMERACCOUNTNUMBER",
        "ISDELIVERYADDRESSORDERSPECIFIC",
        "ISDELIVERYADDRESSPRIVATE",
        "ISINVOICEADDRESSPRIVATE",
        "LANGUAGEID",
        "OPERATINGUNITPARTYNUMBER",
        "PAYMENTTERMSNAME",
        "PRICECUSTOMERGROUPCODE",
        "QUOTATIONTOTALAMOUNT",
        "QUOTATIONTOTALCHARGESAMOUNT",
        "QUOTATIONTOTALTAXAMOUNT",
        "RECEIPTDATEREQUESTED",
        "REQUESTEDSHIPPINGDATE",
        "REQUESTINGCUSTOMERACCOUNTNUMBER",
        "SALESORDERPROMISINGMETHOD",
        "SALESQUOTATIONCONFIRMATIONDATE",
        "SALESQUOTATIONEXPIRYDATE",
        "SALESQUOTATIONFOLLOWUPDATE",
        "SALESQUOTATIONNAME",
        "SALESQUOTATIONNUMBER",
        "SALESQUOTATIONSTATUS",
        "TOTALDISCOUNTAMOUNT",
        "TOTALDISCOUNTPERCENTAGE",
        "URL"
      ],
      "keys": []
    },
    {
      "entitySet": "SalesQuotationLineCDSEntity",
      "companySpecific": false,
      "fields": [
        "ALLOWEDOVERDELIVERYPERCENTAGE",
        "ALLOWEDUNDERDELIVERYPERCENTAGE",
        "CURRENCYCODE",
        "DELIVERYADDRESSCITY",
        "DELIVERYADDRESSCOUNTRYREGIONISOCODE",
        "DELIVERYADDRESSCOUNTYID",
        "DELIVERYADDRESSDESCRIPTION",
        "DELIVERYADDRESSDISTRICTNAME",
        "DELIVERYADDRESSDUNSNUMBER",
        "DELIVERYADDRESSLATITUDE",
        "DELIVERYADDRESSLOCATIONID",
        "DELIVERYADDRESSLONGITUDE",
        "DELIVERYADDRESSNAME",
        "DELIVERYADDRESSPOSTBOX",
        "DELIVERYADDRESSSTATEID",
        "DELIVERYADDRESSSTREET",
        "DELIVERYADDRESSSTREETNUMBER",
        "DELIVERYADDRESSZIPCODE",
        "DELIVERYBUILDINGCOMPLIMENT",
        "EXTERNALITEMNUMBER",
        "FIXEDPRICECHARGES",
        "FORMATTEDDELIVERYADDRESS",
        "ISDELIVERYADDRESSORDERSPECIFIC",
        "ISDELIVERYADDRESSPRIVATE",
        "LINEAMOUNT",
        "LINECREATIONSEQUENCENUMBER",
        "LINEDESCRIPTION",
        "LINEDISCOUNTAMOUNT",
        "LINEDISCOUNTPERCENTAGE",
        "MULTILINEDISCOUNTAMOUNT",
        "MULTILINEDISCOUNTPERCENTAGE",
        "PRODUCTNAME",
        "PRODUCTNUMBER",
        "REQUESTEDRECEIPTDATE",
        "REQUESTEDSALESQUANTITY",
        "REQUESTEDSHIPPINGDATE",
        "SALESPRICE",
        "SALESPRICEQUANTITY",
        "SALESPRODUCTCATEGORYHIERARCHYNAME",
        "SALESPRODUCTCATEGORYNAME",
        "SALESQUOTATIONNUMBER",
        "SALESQUOTATIONPROMISINGMETHOD",
        "SALESQUOTATIONSTATUS",
        "SALESUNITSYMBOL",
        "SHIPPINGSITEID",
        "SHIPPINGWAREHOUSEID",
        "TOTALCHARGESAMOUNT",
        "TOTALDISCOUNTAMOUNT",
        "TOTALTAXAMOUNT"
      ],
      "keys": []
    },
    {
      "entitySet": "SalesTaxAuthorities",
      "companySpecific": false,
      "fields": [
        "DESCRIPTION",
        "EMAIL",
        "PHONE",
        "REPORTLAYOUT",
        "ROUNDOFF",
        "ROUNDOFFTYPE",
        "TAXAUTHORITYCODE",
        "TAXAUTHORITYIDENTIFICATION",
        "URL"
      ],
      "keys": []
    },
    {
      "entitySet": "Salutations",
      "companySpecific": false,
      "fields": [
        "SALUTATIONPHRASE"
      ],
      "keys": []
    },
    {
      "entitySet": "TaxCodes",
      "companySpecific": false,
      "fields": [
        "TAXCODE"
      ],
      "keys": []
    },
    {
      "entitySet": "TaxGroupEntity",
      "companySpecific": true,
      "fields": [
        "DESCRIPTION",
        "TAXGROUPCODE"
      ],
      "keys": [
        "TAXGROUPCODE"
      ]
    },
    {
      "entitySet": "TaxItemGroupHeadings",
      "companySpecific": false,
      "fields": [
        "NAME",
        "TAXITEMGROUP"
      ],
      "keys": []
    },
    {
      "entitySet": "TaxPostingGroupsV2",
      "companySpecific": false,
      "fields": [
        "DESCRIPTION",
        "TAXPOSTINGGROUPCODE"
      ],
      "keys": []
    },
    {
      "entitySet": "TermsOfDelivery",
      "companySpecific": false,
      "fields": [
        "DORETAILSALESORDERSGETTRANSPORTATIONCHARGESADDED",
        "FREIGHTCHARGETERMS",
        "INTRASTATCODE",
        "ISCASHONDELIVERY",
        "SALESTAXLOCATIONROLE",
        "TERMSCODE",
        "TERMSDESCRIPTION",
        "WILLSHIPMENTCONFIRMATIONTRANSFERCHARGES"
      ],
      "keys": []
    },
    {
      "entitySet": "TermsofPayment",
      "companySpecific": true,
      "fields": [
        "CREDITCARDCREDITCHECKTYPE",
        "CREDITCARDPAYMENTTYPE",
        "CUTOFFDAYOFMONTH",
        "DESCRIPTION",
        "ISCASHPAYMENT",
        "ISCERTIFIEDCOMPANYCHECK",
        "ISDEFAULTPAYMENTTERM",
        "NAME",
        "NUMBEROFDAYS",
        "NUMBEROFMONTHS",
        "PAYMENTDAYNAME",
        "PAYMENTMETHODTYPE",
        "PAYMENTSCHEDULENAME"
      ],
      "keys": [
        "NAME"
      ]
    },
    {
      "entitySet": "UnitOfMeasureConversionEntity",
      "companySpecific": false,
      "fields": [
        "DENOMINATOR",
        "FACTOR",
        "FROMUNITSYMBOL",
        "INNEROFFSET",
        "NUMERATOR",
        "OUTEROFFSET",
        "ROUNDING",
        "TOUNITSYMBOL"
      ],
      "keys": [
        "FROMUNITSYMBOL",
        "TOUNITSYMBOL"
      ]
    },
    {
      "entitySet": "UnitOfMeasureEntity",
      "companySpecific": false,
      "fields": [
        "DECIMALPRECISION",
        "ISBASEUNIT",
        "ISSYSTEMUNIT",
        "SYSTEMOFUNITS",
        "UNITCLASS",
        "UNITDESCRIPTION",
        "UNITSYMBOL"
      ],
      "keys": [
        "UNITSYMBOL"
      ]
    },
    {
      "entitySet": "VendorDocumentAttachments",
      "companySpecific": false,
      "fields": [
        "ACCESSRESTRICTION",
        "ATTACHMENTDESCRIPTION",
        "DocumentAttachmentTypeCode",
        "DOCUMENTID",
        "NOTES",
        "VENDORACCOUNTNUMBER"
      ],
      "keys": [
        "DOCUMENTID"
      ]
    },
    {
      "entitySet": "VendorPaymentMethod",
      "companySpecific": true,
      "fields": [
        "ACCOUNTTYPE",
        "ALLOWPAYMENTCOPIES",
        "BRIDGINGPOSTINGENABLED",
        "DESCRIPTION",
        "DIRECTDEBIT",
        "DISCOUNTGRACEPERIODDAYS",
        "ENABLEPOSTDATEDCHECKCLEARINGPOSTING",
        "LASTFILENUMBER",
        "LASTFILENUMBERTODAY",
        "NAME",
        "PAYMENTSTATUS",
        "PAYMENTTYPE",
        "PROMISSORYNOTEDRAFTTYPE",
        "SUMBYPERIOD"
      ],
      "keys": [
        "NAME"
      ]
    },
    {
      "entitySet": "VendorsV2",
      "companySpecific": true,
      "fields": [
        "ADDRESSBUILDINGCOMPLIMENT",
        "ADDRESSCITY",
        "ADDRESSCOUNTRYREGIONID",
        "ADDRESSCOUNTRYREGIONISOCODE",
        "ADDRESSCOUNTYID",
        "ADDRESSDESCRIPTION",
        "ADDRESSDISTRICTNAME",
        "ADDRESSLATITUDE",
        "ADDRESSLOCATIONID",
        "ADDRESSLONGITUDE",
        "ADDRESSPOSTBOX",
        "ADDRESSSTATEID",
        "ADDRESSSTREET",
        "ADDRESSSTREETNUMBER",
        "ADDRESSZIPCODE",
        "AREPRICESINCLUDINGSALESTAX",
        "CREDITLIMIT",
        "CREDITRATING",
        "CURRENCYCODE",
        "DEFAULTPAYMENTDAYNAME",
        "DEFAULTPAYMENTSCHEDULENAME",
        "DEFAULTPAYMENTTERMSNAME",
        "DEFAULTVENDORPAYMENTMETHODNAME",
        "DUNSNUMBER",
        "ETHNICORIGINID",
        "FORMATTEDPRIMARYADDRESS",
        "HASONLYTAKENBIDS",
        "INVOICEVENDORACCOUNTNUMBER",
        "ISFOREIGNENTITY",
        "ISMINORITYOWNED",
        "ISONETIMEVENDOR",
        "ISOWNERDISABLED",
        "ISSERVICEVETERANOWNED",
        "ISVENDORLOCALLYOWNED",
        "ISVENDORLOCATEDINHUBZONE",
        "ISWOMANOWNER",
        "LANGUAGEID",
        "ONHOLDSTATUS",
        "ORGANIZATIONEMPLOYEEAMOUNT",
        "ORGANIZATIONNUMBER",
        "ORGANIZATIONPHONETICNAME",
        "OURACCOUNTNUMBER",
        "PAYMENTID",
        "PERSONANNIVERSARYDAY",
        "PERSONANNIVERSARYMONTH",
        "PERSONANNIVERSARYYEAR",
        "PERSONBIRTHDAY",
        "PERSONBIRTHMONTH",
        "PERSONBIRTHYEAR",
        "PERSONCHILDRENNAMES",
        "PERSONFIRSTNAME",
        "PERSONGENDER",
        "PERSONHOBBIES",
        "PERSONINITIALS",
        "PERSONLASTNAME",
        "PERSONLASTNAMEPREFIX",
        "PERSONMARITALSTATUS",
        "PERSONMIDDLENAME",
        "PERSONPHONETICFIRSTNAME",
        "PERSONPHONETICLASTNAME",
        "PERSONPHONETICMIDDLENAME",
        "PERSONPROFESSIONALSUFFIX",
        "PERSONPROFESSIONALTITLE",
        "PRIMARYCONTACTPERSONID",
        "PRIMARYEMAILADDRESS",
        "PRIMARYEMAILADDRESSDESCRIPTION",
        "PRIMARYFACEBOOK",
        "PRIMARYFACEBOOKDESCRIPTION",
        "PRIMARYFAXNUMBER",
        "PRIMARYFAXNUMBERDESCRIPTION",
        "PRIMARYFAXNUMBEREXTENSION",
        "PRIMARYLINKEDIN",
        "PRIMARYLINKEDINDESCRIPTION",
        "PRIMARYPHONENUMBER",
        "PRIMARYPHONENUMBERDESCRIPTION",
        "PRIMARYPHONENUMBEREXTENSION",
        "PRIMARYTELEX",
        "PRIMARYTELEXDESCRIPTION",
        "PRIMARYTWITTER",
        "PRIMARYTWITTERDESCRIPTION",
        "PRIMARYURL",
        "PRIMARYURLDESCRIPTION",
        "SALESTAXGROUPCODE",
        "VENDORACCOUNTNUMBER",
        "VENDORGROUPID",
        "VENDORHOLDRELEASEDATE",
        "VENDORKNOWNASNAME",
        "VENDORORGANIZATIONNAME",
        "VENDORPARTYNUMBER",
        "VendorPartyType"
      ],
      "keys": [
        "VENDORACCOUNTNUMBER"
      ]
    },
    {
      "entitySet": "VendVendorGroup",
      "companySpecific": true,
      "fields": [
        "CLEARINGPERIODPAYMENTTERMNAME",
        "DEFAULTPAYMENTTERMNAME",
        "DESCRIPTION",
        "VENDORGROUPID"
      ],
      "keys": [
        "VENDORGROUPID"
      ]
    },
    {
      "entitySet": "VeteranStatus",
      "companySpecific": false,
      "fields": [
        "DESCRIPTION",
        "ISPROTECTEDVETERAN",
        "VETERANSTATUSID"
      ],
      "keys": []
    },
    {
      "entitySet": "WarehouseLocations",
      "companySpecific": false,
      "fields": [
        "AGINGDATE",
        "BINID",
        "CHECKDIGITS",
        "FIRSTADDITIONALWAREHOUSEZONEID",
        "GENERATECHECKDIGITS",
        "INPUTWAREHOUSELOCATIONBLOCKINGCAUSEID",
        "ISDEFAULTCREDITONLYRETURNWAREHOUSELOCATION",
        "ISDEFAULTISSUEWAREHOUSELOCATION",
        "ISDEFAULTKANBANFINISHEDGOODSWAREHOUSELOCATION",
        "ISDEFAULTPRODUCTIONFINISHEDGOODSWAREHOUSELOCATION",
        "ISDEFAULTPRODUCTIONINPUTWAREHOUSELOCATION",
        "ISDEFAULTQUALITYMAINTENANCEWAREHOUSELOCATION",
        "ISDEFAULTRECEIPTWAREHOUSELOCATION",
        "ISDEFAULTRETAILSTORERETURNWAREHOUSELOCATION",
        "ISDEFAULTRETAILSTOREWAREHOUSELOCATION",
        "ISDEFAULTSHIPMENTMAINTENANCEWAREHOUSELOCATION",
        "ISITEMINLOCATIONMAINTAINED",
        "ISLOCATIONACTIVITYDATETIMEMAINTAINED",
        "ISLOCATIONSTATUSMAINTAINED",
        "ISSORTORDERCODEMANUAL",
        "ISWAREHOUSELOCATIONIDMANUAL",
        "ITEMNUMBERINLOCATION",
        "LASTACTIVITYDATETIME",
        "LASTCOUNTEDUTCDATETIME",
        "LOCATIONSTATUS",
        "OUTPUTWAREHOUSELOCATIONBLOCKINGCAUSEID",
        "PHYSICALDEPTH",
        "PHYSICALHEIGHT",
        "PHYSICALHEIGHTABOVEGROUND",
        "PHYSICALMAXIMUMSTORAGEVOLUME",
        "PHYSICALMAXIMUMSTORAGEWEIGHT",
        "PHYSICALWIDTH",
        "RACKID",
        "SECONDADDITIONALWAREHOUSEZONEID",
        "SHELFID",
        "THIRDADDITIONALWAREHOUSEZONEID",
        "WAREHOUSEAISLEID",
        "WAREHOUSEID",
        "WAREHOUSELOCATIONID",
        "WAREHOUSELOCATIONPROFILEID",
        "WAREHOUSELOCATIONTYPE",
        "WAREHOUSEZONEID"
      ],
      "keys": []
    },
    {
      "entitySet": "WarehouseWorkHeaders",
      "companySpecific": false,
      "fields": [
        "ACTUALPROCESSINGTIMESECONDS",
        "CONTAINERID",
        "ESTIMATEDPROCESSINGTIMESECONDS",
        "INVENTORYSITEID",
        "ISWAREHOUSEWORKBLOCKED",
        "ISWAREHOUSEWORKERMANUALLYASSIGNED",
        "TARGETLICENSEPLATENUMBER",
        "WAREHOUSEID",
        "WAREHOUSEWORKCANCELLEDDATETIME",
        "WAREHOUSEWORKCANCELLINGUSERID",
        "WAREHOUSEWORKCLOSEDDATETIME",
        "WAREHOUSEWORKID",
        "WAREHOUSEWORKLOCKINGWAREHOUSEMOBILEDEVICEUSERID",
        "WAREHOUSEWORKMANUALLYCOMPLETINGUSERID",
        "WAREHOUSEWORKORDERTYPE",
        "WAREHOUSEWORKPOOLID",
        "WAREHOUSEWORKPRIORITY",
        "WAREHOUSEWORKPROCESSINGSTARTDATETIME",
        "WAREHOUSEWORKSTATUS",
        "WAVEID"
      ],
      "keys": []
    },
    {
      "entitySet": "WarehouseWorkLines",
      "companySpecific": false,
      "fields": [
        "ACTUALPROCESSINGTIMESECONDS",
        "CAPTUREDWEIGHT",
        "CONTAINERID",
        "ESTIMATEDPROCESSINGTIMESECONDS",
        "EXTRAHANDLINGQUANTITY",
        "FEFOITEMBATCHNUMBER",
        "HANDLINGQUANTITY",
        "INVENTORYOWNERID",
        "INVENTORYSITEID",
        "INVENTORYSTATUSID",
        "ISREPLENISHMENTNEEDED",
        "ISWORKEXECUTIONSTOPPED",
        "ISWORKLINEMANDATORY",
        "ITEMBATCHNUMBER",
        "ITEMNUMBER",
        "ITEMSERIALNUMBER",
        "LICENSEPLATENUMBER",
        "PROCESSINGWAREHOUSEMOBILEDEVICEUSERID",
        "PRODUCTCOLORID",
        "PRODUCTCONFIGURATIONID",
        "PRODUCTSIZEID",
        "PRODUCTSTYLEID",
        "REMAININGHANDLINGQUANTITY",
        "REMAININGWORKQUANTITY",
        "SORTORDERCODE",
        "WAREHOUSEID",
        "WAREHOUSELOCATIONID",
        "WAREHOUSEWORKCLOSEDDATETIME",
        "WAREHOUSEWORKID",
        "WAREHOUSEWORKPROCESSINGSTARTDATETIME",
        "WAREHOUSEWORKSTATUS",
        "WAREHOUSEWORKTYPE",
        "WAREHOUSEZONEID",
        "WORKLINENUMBER",
        "WORKQUANTITY",
        "WORKQUANTITYUNITSYMBOL"
      ],
      "keys": []
    },
    {
      "entitySet": "WarehouseZoneGroups",
      "companySpecific": false,
      "fields": [
        "GROUPID",
        "GROUPNAME"
      ],
      "keys": []
    },
    {
      "entitySet": "WarehouseZones",
      "companySpecific": false,
      "fields": [
        "WAREHOUSEZONEGROUPID",
        "ZONEID",
        "ZONENAME"
      ],
      "keys": []
    },
    {
      "entitySet": "WithholdingCode",
      "companySpecific": false,
      "fields": [
        "CURRENCYCODEID",
        "WITHHOLDINGCODE",
        "WITHHOLDINGTAXBASE",
        "WITHHOLDINGTAXNAME",
        "WITHHOLDINGTAXROUNDOFF",
        "WITHHOLDINGTAXROUNDOFFTYPE"
      ],
      "keys": []
    },
    {
      "entitySet": "WithholdingGroups",
      "companySpecific": false,
      "fields": [
        "DESCRIPTION",
        "WITHHOLDINGTAXGROUPCODE"
      ],
      "keys": []
    },
    {
      "entitySet": "Worker",
      "companySpecific": false,
      "fields": [
        "BIRTHDATE",
        "FIRSTNAME",
        "GENDER",
        "LASTNAME",
        "MIDDLENAME",
        "NAME",
        "PERSONNELNUMBER",
        "PRIMARYCONTACTEMAIL",
        "PRIMARYCONTACTFACEBOOK",
        "PRIMARYCONTACTLINKEDIN",
        "PRIMARYCONTACTPHONE",
        "PRIMARYCONTACTTWITTER",
        "PRIMARYCONTACTURL",
        "WORKERSTATUS",
        "WORKERTYPE"
      ],
      "keys": [
        "PERSONNELNUMBER"
      ]
    }
  ]
};
