class MembersError(Exception):
    """A rule of the members app was broken; the message is translated and shown to the user."""
