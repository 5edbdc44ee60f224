from django.http import HttpRequest, HttpResponse


def region_list(request: HttpRequest) -> HttpResponse:
    raise NotImplementedError("being written")
