from django.http import HttpRequest, HttpResponse


def cluster_list(request: HttpRequest) -> HttpResponse:
    raise NotImplementedError("being written")
