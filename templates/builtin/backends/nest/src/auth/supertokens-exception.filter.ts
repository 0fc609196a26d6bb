import { Catch } from "@nestjs/common";
import type { ArgumentsHost, ExceptionFilter } from "@nestjs/common";
import type { NextFunction, Request, Response } from "express";
import { Error as STError } from "supertokens-node";
import { errorHandler } from "supertokens-node/framework/express";

// Answers SuperTokens errors the way the SDK's own routes do: 401 for a missing or expired
// session, 403 for failed claims such as an unverified email.
@Catch(STError)
export class SupertokensExceptionFilter implements ExceptionFilter {
  private readonly handleError = errorHandler();

  catch(exception: Error, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    if (response.headersSent) {
      return;
    }
    void this.handleError(
      exception,
      http.getRequest<Request>(),
      response,
      http.getNext<NextFunction>(),
    );
  }
}
