from members.models import User


def update_profile(user: User, *, display_name: str, preferred_language: str) -> User:
    """Change what a person says about themselves; only they call it."""
    user.display_name = display_name
    user.preferred_language = preferred_language
    user.save(update_fields=["display_name", "preferred_language"])
    return user
