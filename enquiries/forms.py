import re

from django import forms
from django.urls import reverse
from django.utils.html import format_html

from treatments.models import Treatment

from .models import MESSAGE_MAX_LENGTH, Enquiry

PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ().\-/]+$")
CHECKBOX_TEMPLATE = "enquiries/checkbox_field.html"


def consent_label():
    return format_html(
        "I agree to the clinic using the health information in this enquiry to reply to me, as described in the "
        '<a href="{}">privacy notice</a>.',
        reverse("privacy"),
    )


class EnquiryForm(forms.ModelForm):
    treatment = forms.ModelChoiceField(
        queryset=Treatment.objects.none(), required=False, empty_label="Not sure yet", label="Treatment of interest"
    )
    confirmed_adult = forms.BooleanField(
        label="I confirm I am 18 or over.",
        template_name=CHECKBOX_TEMPLATE,
        error_messages={"required": "Please confirm you are 18 or over: we only treat adults."},
    )
    consent = forms.BooleanField(
        template_name=CHECKBOX_TEMPLATE,
        error_messages={
            "required": "Please tick this box so we may use your enquiry to reply. Without it we cannot answer; "
            "you can call us instead."
        },
    )
    # Honeypot: invisible to people, irresistible to bots. A filled-in one is dropped quietly.
    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Enquiry
        fields = ["name", "email", "phone", "treatment", "contact_method", "message", "confirmed_adult"]
        labels = {"name": "Your name", "email": "Email address", "phone": "Phone number (optional)"}
        help_texts = {
            "phone": "Include the country code if you are outside the UK.",
            "message": f"Optional. Anything you would like us to know ({MESSAGE_MAX_LENGTH} characters at most).",
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "type": "tel"}),
            "contact_method": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 5, "maxlength": MESSAGE_MAX_LENGTH}),
        }
        error_messages = {
            "name": {"required": "Please tell us your name."},
            "email": {
                "required": "Please give an email address so we can reply.",
                "invalid": "Enter an email address like name@example.com.",
            },
            "message": {"max_length": f"Please shorten your message to {MESSAGE_MAX_LENGTH} characters or fewer."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["treatment"].queryset = Treatment.objects.published().order_by("title")
        self.fields["contact_method"].label = "How should we contact you?"
        self.fields["consent"].label = consent_label()

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        digits = sum(character.isdigit() for character in phone)
        if phone and (not PHONE_CHARACTERS.match(phone) or not 7 <= digits <= 15):
            raise forms.ValidationError(
                "Enter a phone number using digits, spaces and an optional + at the start, "
                "for example 07700 900123 or +44 20 7946 0000."
            )
        return phone

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("contact_method") == Enquiry.ContactMethod.PHONE and not cleaned_data.get("phone"):
            self.add_error("phone", "Add a phone number so we can call you, or choose email.")
        return cleaned_data

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
