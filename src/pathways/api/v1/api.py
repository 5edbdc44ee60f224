"""The open JSON API, version 1. Paths and field names are a contract: keep them stable."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="New Mexico Career Pathways API",
    version="1",
    urls_namespace="api-v1",
    description="Career clusters, occupations, wages and regions. Every figure names its source.",
)
