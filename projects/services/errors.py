class ProjectError(Exception):
    """A rule of the projects app was broken; the message is translated and shown to the user."""
