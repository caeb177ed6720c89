from django.db import migrations


def create(apps, schema_editor):
    """The one record, from CLINIC_PHONE, CLINIC_EMAIL and CLINIC_ADDRESS; staff edit it from then on."""
    from clinic.models import ClinicDetails as Current

    ClinicDetails = apps.get_model("clinic", "ClinicDetails")
    if not ClinicDetails.objects.exists():
        defaults = Current.from_settings()
        ClinicDetails.objects.create(
            pk=1, phone=defaults.phone, email=defaults.email, street_address=defaults.street_address,
            locality=defaults.locality, postcode=defaults.postcode, country=defaults.country,
        )


class Migration(migrations.Migration):
    dependencies = [("clinic", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
