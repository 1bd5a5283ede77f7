"""Sign-in protection that records nothing about where a maintainer signs in from."""


def no_address(request) -> None:
    """django-axes asks for the client's address; the platform never keeps one."""
    return None


def describe_attempt(username: str, ip_address, user_agent, path_info, request) -> str:
    return f"username={username!r} path={path_info!r}"
