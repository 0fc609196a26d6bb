import { Injectable } from "@nestjs/common";
import type { CanActivate, ExecutionContext } from "@nestjs/common";
import type { Response } from "express";
import type { SessionRequest } from "supertokens-node/framework/express";
import Session from "supertokens-node/recipe/session";

// Requires a valid session and stores it on the request. A missing or invalid session makes
// getSession throw a SuperTokens error, which SupertokensExceptionFilter answers with 401, or
// 403 for failed claims.
@Injectable()
export class AuthGuard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<SessionRequest>();
    request.session = await Session.getSession(
      request,
      http.getResponse<Response>(),
    );
    return true;
  }
}
