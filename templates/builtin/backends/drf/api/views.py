from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response
from supertokens_python.recipe.session import SessionContainer
from supertokens_python.recipe.session.framework.django.syncio import verify_session


# verify_session wraps the view function itself, so it receives DRF's Request. Without a
# valid session it returns the SDK's 401 response and the view does not run.
@api_view(["GET"])
@verify_session()
def session_info(request: Request) -> Response:
    session: SessionContainer = request.supertokens
    return Response(
        {
            "sessionHandle": session.get_handle(),
            "userId": session.get_user_id(),
            "accessTokenPayload": session.get_access_token_payload(),
        }
    )
