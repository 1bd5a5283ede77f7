"""schemathesis generates requests from the OpenAPI description: no 5xx, every answer matches the schema.

Over the shipped directory (real countries, channels and numbers in the answers, not an empty database), and
deterministic: the same requests on every run, so a failure can be replayed and a green run means the same.
"""

import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

from api.openapi import openapi_document

schema = schemathesis.openapi.from_dict(openapi_document("http://localhost/api/v1"))
# The whole Django application, every middleware included, called in this process: each request sees the test's
# own transaction (the shipped directory, rolled back afterwards) with no server and no table emptied.
schema.app = get_wsgi_application()


@schema.parametrize()
@settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_every_generated_request_gets_a_documented_answer(case, loaded_directory):
    case.call_and_validate()
