// The seeds' runtime as a baseline: GET /api/guitars/{id} on Node.js with the AWS SDK v3, doing
// what the plain-Java baseline does: the same consistent GetItem, the owner from API Gateway's JWT
// authorizer claims, the item written as JSON by hand. The client is built at module load, as a
// Lambda function's init does.
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";

const PREFIX = "/api/guitars/";
const endpoint = process.env.CAIRN_BENCH_DYNAMODB_ENDPOINT;
const client = new DynamoDBClient({
  region: process.env.AWS_REGION,
  ...(endpoint ? { endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } } : {}),
});
const table = process.env.DYNAMODB_TABLE_GUITARS;

export async function handler(event) {
  const path = event.rawPath;
  const sub = event.requestContext?.authorizer?.jwt?.claims?.sub;
  if (!path.startsWith(PREFIX) || !sub) {
    return response(404, '{"success":false}');
  }
  const id = path.substring(PREFIX.length);
  const { Item } = await client.send(
    new GetItemCommand({
      TableName: table,
      Key: { userId: { S: sub }, guitarId: { S: id } },
      ConsistentRead: true,
    }),
  );
  if (!Item) {
    return response(404, '{"success":false}');
  }
  return response(200, `{"success":true,"data":${json({ M: Item })}}`);
}

function response(statusCode, body) {
  return { statusCode, headers: { "Content-Type": "application/json" }, body };
}

function json(value) {
  if (value.S !== undefined) return JSON.stringify(value.S);
  if (value.N !== undefined) return value.N;
  if (value.BOOL !== undefined) return String(value.BOOL);
  if (value.M !== undefined) {
    return `{${Object.entries(value.M)
      .map(([k, v]) => `${JSON.stringify(k)}:${json(v)}`)
      .join(",")}}`;
  }
  if (value.L !== undefined) return `[${value.L.map(json).join(",")}]`;
  return "null";
}
