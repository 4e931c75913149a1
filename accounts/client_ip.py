import ipaddress

from django.conf import settings


def client_ip_address(request):
    """The client's address, as the nearest trusted proxy saw it.

    Each proxy appends the address it received the request from to X-Forwarded-For, so with
    TRUSTED_PROXY_COUNT proxies in front the client is that many entries from the right; what
    the client wrote further left is ignored. Without trusted proxies the header is ignored.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(forwarded) >= count:
            candidate = forwarded[-count]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass
    return request.META.get("REMOTE_ADDR")
