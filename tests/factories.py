"""factory_boy factories shared by every app's tests."""

import factory
from allauth.account.models import EmailAddress

from members.models import User

TEST_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.ee")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    preferred_language = "et"
    password = factory.django.Password(TEST_PASSWORD)

    class Params:
        staff = factory.Trait(is_staff=True, is_superuser=True)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        # allauth's mandatory verification: a person without a verified address cannot sign in.
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
