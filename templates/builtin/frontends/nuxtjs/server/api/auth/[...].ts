import { handleAuthRequest } from "../../utils/auth";

const methodsWithBody = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// Every method, OPTIONS included, goes to supertokens-node, which takes a fetch Request.
// h3 has no such request for this event, so one is built here. readRawBody reads the body
// once and returns it as text. JSON and form bodies pass through unchanged, and a body an
// earlier handler already parsed into an object comes back serialised as JSON.
export default defineEventHandler(async (event) => {
  const body = methodsWithBody.has(event.method)
    ? await readRawBody(event, "utf8")
    : undefined;
  const request = new Request(getRequestURL(event), {
    method: event.method,
    headers: event.headers,
    body,
  });
  return handleAuthRequest(request);
});
