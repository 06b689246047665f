class LivingLabError(Exception):
    """A broken rule of the living lab, with a translated message; `field` names the form field it belongs to."""

    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.field = field
