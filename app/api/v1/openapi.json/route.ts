import { handle } from "@/lib/agent/handler";
import { openApiDocument } from "@/lib/agent/openapi";
import { API } from "@/lib/agent/routes";

export const GET = handle(API.openApi, async () => openApiDocument());
