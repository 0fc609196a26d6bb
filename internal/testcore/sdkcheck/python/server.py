"""Minimal supertokens-python backend used to check the testcore stand-in against the real
Python SDK. Reads CORE_URL and PORT from the environment and listens on 127.0.0.1:PORT. The
routes besides /auth/* match the Go and Node checks, so one Go test drives all three."""

import os
import sys
from typing import Any, Dict

import uvicorn
from fastapi import Depends, FastAPI
from fastapi.responses import JSONResponse, PlainTextResponse
from supertokens_python import InputAppInfo, SupertokensConfig, init
from supertokens_python.framework.fastapi import get_middleware
from supertokens_python.ingredients.emaildelivery.types import (
    EmailDeliveryConfig,
    EmailDeliveryInterface,
)
from supertokens_python.ingredients.smsdelivery.types import (
    SMSDeliveryConfig,
    SMSDeliveryInterface,
)
from supertokens_python.recipe import (
    emailpassword,
    emailverification,
    multitenancy,
    passwordless,
    session,
    userroles,
)
from supertokens_python.recipe.multitenancy.asyncio import get_tenant
from supertokens_python.recipe.session import SessionContainer
from supertokens_python.recipe.session.framework.fastapi import verify_session
from supertokens_python.recipe.userroles import PermissionClaim, UserRoleClaim
from supertokens_python.recipe.userroles.asyncio import (
    add_role_to_user,
    create_new_role_or_add_permissions,
)

CORE_URL = os.environ.get("CORE_URL", "")
PORT = os.environ.get("PORT", "")
if not CORE_URL or not PORT:
    sys.exit("sdkcheck-python: CORE_URL and PORT must be set")


class DiscardEmails(EmailDeliveryInterface[Any]):
    """Replaces the default delivery, which sends mail through SuperTokens' hosted service;
    the test reads codes from the stand-in instead."""

    async def send_email(self, template_vars: Any, user_context: Dict[str, Any]) -> None:
        return None


class DiscardSMS(SMSDeliveryInterface[Any]):
    async def send_sms(self, template_vars: Any, user_context: Dict[str, Any]) -> None:
        return None


init(
    app_info=InputAppInfo(
        app_name="sdkcheck",
        api_domain=f"http://127.0.0.1:{PORT}",
        website_domain="http://127.0.0.1:3000",
    ),
    framework="fastapi",
    supertokens_config=SupertokensConfig(connection_uri=CORE_URL),
    telemetry=False,
    recipe_list=[
        emailpassword.init(),
        emailverification.init(
            mode="OPTIONAL",
            email_delivery=EmailDeliveryConfig(service=DiscardEmails()),
        ),
        passwordless.init(
            flow_type="USER_INPUT_CODE_AND_MAGIC_LINK",
            contact_config=passwordless.ContactEmailOrPhoneConfig(),
            email_delivery=EmailDeliveryConfig(service=DiscardEmails()),
            sms_delivery=SMSDeliveryConfig(service=DiscardSMS()),
        ),
        session.init(),
        userroles.init(),
        multitenancy.init(),
    ],
)

app = FastAPI()
app.add_middleware(get_middleware())


@app.get("/health")
async def health() -> PlainTextResponse:
    return PlainTextResponse("ok\n")


def session_info(s: SessionContainer) -> Dict[str, Any]:
    return {
        "userId": s.get_user_id(),
        "sessionHandle": s.get_handle(),
        "accessTokenPayload": s.get_access_token_payload(),
    }


@app.get("/sessioninfo")
async def sessioninfo(s: SessionContainer = Depends(verify_session())) -> Dict[str, Any]:
    return session_info(s)


@app.get("/sessioninfo-db")
async def sessioninfo_db(
    s: SessionContainer = Depends(verify_session(check_database=True)),
) -> Dict[str, Any]:
    return session_info(s)


@app.post("/roles")
async def roles(s: SessionContainer = Depends(verify_session())) -> Dict[str, Any]:
    """Creates the role "admin" with permission "read", gives it to the session's user and
    refreshes the role and permission claims in the access token."""
    await create_new_role_or_add_permissions("admin", ["read"])
    await add_role_to_user("public", s.get_user_id(), "admin")
    await s.fetch_and_set_claim(UserRoleClaim)
    await s.fetch_and_set_claim(PermissionClaim)
    return {"accessTokenPayload": s.get_access_token_payload()}


@app.get("/tenant")
async def tenant() -> Any:
    config = await get_tenant("public")
    if config is None:
        return PlainTextResponse("tenant public not found\n", status_code=404)
    return JSONResponse({"tenantId": config.tenant_id})


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(PORT), log_level="warning")
