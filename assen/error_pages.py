"""Django answers a method a view does not take with a bare 405; visitors get the Dutch page."""

from django.template.response import TemplateResponse


class MethodNotAllowedPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or response.content or request.path.startswith("/cms/"):
            return response
        page = TemplateResponse(request, "405.html", status=405)
        page["Allow"] = response.get("Allow", "GET, HEAD")
        return page.render()
