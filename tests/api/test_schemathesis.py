"""Property-based requests to every operation of /api/v1/openapi.json (schemathesis): no
5xx, and every 2xx answer matches its documented schema. Bounded, so it runs in CI."""

from collections.abc import Iterator

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from pathways.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def keep_the_test_transaction() -> Iterator[None]:
    """Requests go to the WSGI application itself, which closes the database connection
    after each one, the test's transaction with it; Django's test client does this too."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.mirror
@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_no_server_error_and_keeps_to_its_schema(
    case, real_data, keep_the_test_transaction
):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
