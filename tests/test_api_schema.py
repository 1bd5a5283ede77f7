"""schemathesis generates requests from the OpenAPI description: no 5xx, every answer matches the schema.

Over the shipped directory (real countries, channels and numbers in the answers, not an empty database), and
deterministic: the same requests on every run, so a failure can be replayed and a green run means the same.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from api.openapi import openapi_document
from directory.loading import load_directory

schema = schemathesis.openapi.from_dict(openapi_document("http://localhost/api/v1"))


@pytest.fixture
def directory_behind_the_live_server(transactional_db, shipped_directory):
    # Tests with a live server start from empty tables: the directory is loaded for each operation.
    load_directory(shipped_directory)


@schema.parametrize()
@settings(max_examples=700, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_every_generated_request_gets_a_documented_answer(case, live_server, directory_behind_the_live_server):
    case.call_and_validate(base_url=f"{live_server.url}/api/v1")
