"""User-facing errors: the CLI prints ``str(error)`` on one line and exits non-zero."""


class BriefingError(Exception):
    """An error the user can act on; its message names the file and the problem."""


class ConfigError(BriefingError):
    pass


class InputError(BriefingError):
    pass
