/** Codes the loader itself reports, before any rule runs. */
export const loaderCodes: readonly { code: string; title: string }[] = [
  { code: "DW001", title: "YAML syntax" },
  { code: "DW002", title: "Duplicate key in a mapping" },
  { code: "DW003", title: "Too many or too deep aliases" },
  { code: "DW004", title: "File too large" },
  { code: "DW005", title: "Unsupported YAML tag" },
  { code: "DW006", title: "Schema violation" },
  { code: "DW007", title: "Missing or unknown kind" },
  { code: "DW008", title: "File cannot be read as text" },
  { code: "DW009", title: "Empty file or not a mapping" },
];
