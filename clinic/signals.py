from django.db.models.signals import post_delete, post_save

from publishing.models import ContentVersion

from .models import ClinicDetails


def clinic_details_changed(sender, **kwargs):
    ContentVersion.bump()  # every page shows the address and phone number


post_save.connect(clinic_details_changed, sender=ClinicDetails, dispatch_uid="clinic-details-saved")
post_delete.connect(clinic_details_changed, sender=ClinicDetails, dispatch_uid="clinic-details-deleted")
