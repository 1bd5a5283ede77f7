"""schemathesis generates requests from the OpenAPI description: no 5xx, every answer matches the schema."""

import schemathesis
from hypothesis import HealthCheck, settings

from api.openapi import openapi_document

schema = schemathesis.openapi.from_dict(openapi_document("http://localhost/api/v1"))


@schema.parametrize()
@settings(max_examples=700, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_generated_request_gets_a_documented_answer(case, live_server, transactional_db, shipped_directory):
    case.call_and_validate(base_url=f"{live_server.url}/api/v1")
