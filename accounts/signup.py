from allauth.account.adapter import get_adapter
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm
from allauth.account.internal.userkit import filter_users_by_email
from django.contrib.auth import get_user_model
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _


class LoginForm(AllauthLoginForm):
    """allauth's log-in in our words: one box for the username or the email."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = _("Username or email")
        login.widget.attrs.update({"autocomplete": "username", "autocapitalize": "none"})
        login.widget.attrs.pop("placeholder", None)
        password = self.fields["password"]
        password.help_text = ""  # "Forgot your password?" sits under the form
        password.widget.attrs.pop("placeholder", None)


class SignUpForm(SignupForm):
    """allauth's sign-up (with accounts.forms.SignUpExtraForm's fields), which never says that
    an address is taken.

    With optional verification allauth answers "A user is already registered with this email
    address" to anyone who types it. Here the page says an email was sent, and the address's
    owner gets "you already have an account" (allauth's account_already_exists email). Both
    answers are the same redirect to the "check your email" page (AccountAdapter's
    get_signup_redirect_url); only a new account is logged in.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "password2" in self.fields:
            self.fields["password2"].label = _("Password again")
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
        # allauth's field takes any length; the account's column holds 254 characters.
        email = self.fields["email"]
        email.max_length = get_user_model()._meta.get_field("email").max_length
        email.validators.append(MaxLengthValidator(email.max_length))
        email.widget.attrs["maxlength"] = str(email.max_length)

    def validate_unique_email(self, value):
        email = value.lower()
        self.account_already_exists = bool(filter_users_by_email(email))
        return email

    def try_save(self, request):
        if self.account_already_exists:
            adapter = get_adapter()
            adapter.send_account_already_exists_mail(self.cleaned_data["email"])
            return None, adapter.respond_email_verification_sent(request, None)
        return super().try_save(request)
