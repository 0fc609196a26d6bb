import { createParamDecorator } from "@nestjs/common";
import type { ExecutionContext } from "@nestjs/common";
import type { SessionRequest } from "supertokens-node/framework/express";

// Injects the session that AuthGuard verified.
export const Session = createParamDecorator(
  (_data: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<SessionRequest>().session,
);
