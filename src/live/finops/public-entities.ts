import type { LiveEntity } from "../../model/column-metadata.js";
import { isHttpStatus, odataString, property, text } from "../dataverse/odata.js";
import { MAX_METADATA_URL, chunkConditions, encodedLength } from "../dataverse/columns.js";
import type { HttpClient } from "../http/index.js";

/**
 * The fields of many public entities from the finance and operations metadata service
 * (`<finops url>/metadata/PublicEntities`, JSON: `Name`, `EntitySetName`, `Properties[]` with
 * `Name`, `DataType`, `IsKey`), filtered on the public collection name, the name a map's entity and
 * `data/<collection>` use. Several names go in one `$filter` joined with `or`; the metadata service
 * documents no filter grammar, so when it refuses such a filter (400 or 501) each name of that
 * request is read on its own with `EntitySetName eq '<name>'`.
 * The OData `$metadata` document would answer in one request too, but it describes every public
 * entity of the environment (tens of megabytes of XML); this reads only the entities asked for.
 */
const PUBLIC_ENTITIES = "metadata/PublicEntities";
const ROOT_ALLOWANCE = 200;

export async function readPublicEntities(http: HttpClient, collections: readonly string[]): Promise<LiveEntity[]> {
  const names = [...new Set(collections)].sort();
  const budget = MAX_METADATA_URL - ROOT_ALLOWANCE - encodedLength(`${PUBLIC_ENTITIES}?$filter=`);
  const condition = (name: string): string => `EntitySetName eq ${odataString(name)}`;
  const chunks = chunkConditions(names, condition, budget);
  const read = async (filter: string): Promise<LiveEntity[]> => (await http.getAllPages<unknown>(`${PUBLIC_ENTITIES}?$filter=${filter}`)).map(toEntity);
  const answers = await Promise.all(
    chunks.map(async (chunk) => {
      try {
        return await read(chunk.map(condition).join(" or "));
      } catch (error) {
        if (chunk.length === 1 || !(isHttpStatus(error, 400) || isHttpStatus(error, 501))) throw error;
        return (await Promise.all(chunk.map((name) => read(condition(name))))).flat();
      }
    }),
  );
  return answers.flat();
}

function toEntity(entity: unknown): LiveEntity {
  const properties = property(entity, "Properties");
  return {
    name: text(property(entity, "Name")),
    entitySet: text(property(entity, "EntitySetName")),
    fields: (Array.isArray(properties) ? properties : []).map((field: unknown) => ({
      name: text(property(field, "Name")),
      dataType: text(property(field, "DataType")),
      isKey: property(field, "IsKey") === true,
    })),
  };
}
