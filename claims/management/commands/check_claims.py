from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.checker import find_claims
from claims.models import ClaimOverride, ClaimsChecked
from publishing.models import page_types


class Command(BaseCommand):
    help = (
        "Check every published page against the advertising rules of CLINIC_JURISDICTION (or --jurisdiction). "
        "Prints the findings per page; exits with status 1 if a blocking finding is live without an override."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--jurisdiction", choices=["us", "uk", "ie", "none"], help="Check as if the clinic were here."
        )

    def handle(self, *args, jurisdiction=None, **options):
        jurisdiction = jurisdiction or settings.CLINIC_JURISDICTION
        live_blocks = pages_with_findings = 0
        for model in page_types():
            if not issubclass(model, ClaimsChecked):
                continue
            for page in model.objects.published().order_by("title"):
                findings = find_claims(page, jurisdiction)
                if not findings:
                    continue
                pages_with_findings += 1
                overridden = set(ClaimOverride.objects.for_page(page).values_list("rule_id", flat=True))
                self.stdout.write(f"\n{page.kind}: {page.title} ({page.get_absolute_url()})")
                for finding in findings:
                    if finding.blocks and finding.rule_id not in overridden:
                        live_blocks += 1
                        level = "MUST FIX"
                    else:
                        level = "overridden" if finding.blocks else "check"
                    self.stdout.write(f"  [{level}] {finding.rule_id} in {finding.label}: {finding.excerpt}")
                    self.stdout.write(f"      {finding.name}{': ' + finding.quoted if finding.words else ''}. "
                                      f"{finding.explanation} Source: {finding.source}")
        summary = (
            f"\nRules: {jurisdiction}. {pages_with_findings} published page(s) with findings; "
            f"{live_blocks} blocking finding(s) live without an override."
        )
        if live_blocks:
            self.stdout.write(summary)
            raise CommandError(
                "Live pages break blocking advertising rules: fix them, or record overrides.", returncode=1
            )
        self.stdout.write(self.style.SUCCESS(summary))
