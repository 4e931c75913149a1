import ipaddress

from django.conf import settings


def client_ip_address(request):
    """The client's address: the connecting one, or what a trusted proxy says it saw.

    X-Forwarded-For is read only when the connection comes from a network in TRUSTED_PROXIES.
    Each proxy appends the address it received the request from, so the entries are walked
    from the right past every trusted proxy; the first one that is not a trusted proxy is the
    client, and whatever the client wrote further left is ignored.
    """
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    if remote is None or not _trusted(remote):
        return str(remote) if remote is not None else request.META.get("REMOTE_ADDR")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    client = remote
    for entry in reversed(forwarded):
        address = _address(entry.strip())
        if address is None:
            break
        client = address
        if not _trusted(address):
            break
    return str(client)


def from_trusted_proxy(request):
    """True when the connection comes from one of TRUSTED_PROXIES."""
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    return remote is not None and _trusted(remote)


def _address(value):
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def _trusted(address):
    return any(address in network for network in settings.TRUSTED_PROXIES)
