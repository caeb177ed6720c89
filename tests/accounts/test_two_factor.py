"""Staff sign in with a second factor: an authenticator app, or a one-time backup code."""

import re
from base64 import b32decode
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from tests.factories import UserFactory

PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def required(settings):
    settings.CLINIC_REQUIRE_TWO_FACTOR = True
    settings.AXES_FAILURE_LIMIT = 5


@pytest.fixture
def nurse(db):
    return UserFactory(username="nurse", is_staff=True, is_superuser=True, password=PASSWORD)


def password_step(client, username="nurse", password=PASSWORD, next_url="/admin/"):
    return client.post(f"/admin/login/?next={next_url}", {"username": username, "password": password})


def code_for(key_hex):
    return f"{totp(bytes.fromhex(key_hex)):06d}"


def key_on_page(html):
    """What a person types into an authenticator app: the base32 key shown beside the QR code."""
    typed = re.search(r'class="two-factor__key">([A-Z2-7 ]+)<', html).group(1).replace(" ", "")
    return b32decode(typed + "=" * (-len(typed) % 8)).hex()


def enrolled(user):
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    codes = two_factor.new_backup_codes(user)
    return device, codes


def signed_in(client):
    return client.get("/admin/").status_code == 200


def test_a_new_staff_member_adds_their_phone_at_first_sign_in_and_gets_backup_codes(nurse):
    client = Client()
    response = password_step(client)
    assert response.status_code == 302 and response["Location"] == "/admin/login/code/"
    assert not signed_in(client), "the password alone must not sign in"
    page = client.get("/admin/login/code/").content.decode()
    assert "Add your phone" in page and "two-factor__qr" in page and "<title>QR code" in page
    key = key_on_page(page)

    wrong = client.post("/admin/login/code/", {"code": "000000" if code_for(key) != "000000" else "111111"})
    assert "That code did not match" in wrong.content.decode()
    assert not signed_in(client)

    with time_machine.travel(timezone.now() + timedelta(seconds=3), tick=False):
        done = client.post("/admin/login/code/", {"code": code_for(key)})
    html = done.content.decode()
    assert done.status_code == 200 and "Keep these backup codes" in html
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", html)
    assert len(codes) == 10 and "no-store" in done["Cache-Control"]
    assert signed_in(client)
    assert TOTPDevice.objects.get(user=nurse).confirmed


def test_an_enrolled_account_needs_the_apps_code_and_a_code_works_once(nurse):
    device, _ = enrolled(nurse)
    client = Client()
    password_step(client)
    page = client.get("/admin/login/code/").content.decode()
    assert "Enter your code" in page and "two-factor__key" not in page  # the key is never shown again
    code = code_for(device.key)
    assert client.post("/admin/login/code/", {"code": code})["Location"] == "/admin/"
    assert signed_in(client)

    replay = Client()
    password_step(replay)
    assert "That code did not match" in replay.post("/admin/login/code/", {"code": code}).content.decode()
    assert not signed_in(replay)


def test_a_backup_code_signs_in_once(nurse):
    _, codes = enrolled(nurse)
    client = Client()
    password_step(client)
    assert client.post("/admin/login/code/", {"code": codes[0].upper()[:4] + " " + codes[0][4:]}).status_code == 302
    assert signed_in(client)
    assert two_factor.backup_codes_left(nurse) == 9
    again = Client()
    password_step(again)
    with time_machine.travel(timezone.now() + timedelta(seconds=5), tick=False):
        assert "That code did not match" in again.post("/admin/login/code/", {"code": codes[0]}).content.decode()


def test_wrong_codes_lock_the_username_at_that_address_like_wrong_passwords(nurse):
    device, _ = enrolled(nurse)
    attacker = Client(REMOTE_ADDR="203.0.113.5")
    password_step(attacker)
    statuses = []
    for n in range(5):
        with time_machine.travel(timezone.now() + timedelta(minutes=n), tick=False):
            statuses.append(attacker.post("/admin/login/code/", {"code": "123456"}).status_code)
    assert statuses[:4] == [200] * 4 and statuses[4] == 429
    # Locked now: the right password and the right code do not get in from there...
    locked = Client(REMOTE_ADDR="203.0.113.5")
    with time_machine.travel(timezone.now() + timedelta(minutes=6), tick=False):
        assert password_step(locked).status_code == 429
    # ...while the real nurse, elsewhere, signs in.
    nurse_client = Client(REMOTE_ADDR="198.51.100.7")
    with time_machine.travel(timezone.now() + timedelta(minutes=7), tick=False):
        password_step(nurse_client)
        assert nurse_client.post("/admin/login/code/", {"code": code_for(device.key)}).status_code == 302
    assert signed_in(nurse_client)


def test_the_second_step_cannot_be_skipped_or_kept_open(nurse):
    enrolled(nurse)
    client = Client()
    assert client.get("/admin/login/code/")["Location"] == "/admin/login/"  # no password step yet
    password_step(client)
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        late = client.get("/admin/login/code/", follow=True)
    assert "took longer than 5 minutes" in late.content.decode()
    assert not signed_in(client)


def test_where_staff_were_going_is_kept_but_never_another_site(nurse):
    device, _ = enrolled(nurse)
    client = Client()
    password_step(client, next_url="/admin/articles/article/")
    assert client.post("/admin/login/code/", {"code": code_for(device.key)})["Location"] == "/admin/articles/article/"
    elsewhere = Client()
    password_step(elsewhere, next_url="https://evil.example/")
    with time_machine.travel(timezone.now() + timedelta(seconds=31), tick=False):
        assert elsewhere.post("/admin/login/code/", {"code": code_for(device.key)})["Location"] == "/admin/"


def test_a_session_that_skipped_the_second_step_is_ended(nurse):
    client = Client()
    client.force_login(nurse)  # as a session from before the clinic required two-factor sign-in
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    assert client.get("/admin/enquiries/enquiry/")["Location"].startswith("/admin/login/")


def test_optional_two_factor_asks_only_those_who_turned_it_on(settings, nurse):
    settings.CLINIC_REQUIRE_TWO_FACTOR = False
    other = UserFactory(username="frontdesk", is_staff=True, password=PASSWORD)
    client = Client()
    assert password_step(client, "frontdesk")["Location"] == "/admin/"
    assert signed_in(client)
    enrolled(nurse)
    assert password_step(Client())["Location"] == "/admin/login/code/"
    client.force_login(other)
    enrolled(other)  # turned on elsewhere: this old session never passed the second step
    assert not signed_in(client)


def test_staff_turn_it_on_make_new_codes_and_move_to_a_new_phone(settings, nurse):
    settings.CLINIC_REQUIRE_TWO_FACTOR = False
    client = Client()
    password_step(client)
    page = client.get("/admin/two-factor/").content.decode()
    assert "is <strong>off</strong>" in page
    key = key_on_page(page)
    assert "did not match" in client.post("/admin/two-factor/", {"action": "turn-on", "code": "1"}).content.decode()
    with time_machine.travel(timezone.now() + timedelta(seconds=2), tick=False):
        response = client.post("/admin/two-factor/", {"action": "turn-on", "code": code_for(key)})
    assert "Keep these backup codes" in response.content.decode()
    assert signed_in(client)  # turning it on marks this session as having passed it
    old_key = key

    now = timezone.now() + timedelta(minutes=1)
    with time_machine.travel(now, tick=False):
        client.post("/admin/two-factor/", {"action": "replace", "code": code_for(old_key)})
        page = client.get("/admin/two-factor/").content.decode()
        assert "Move to a new phone" in page
        new_key = key_on_page(page)
        assert new_key != old_key
    # Until the new phone is confirmed the old one still signs in.
    with time_machine.travel(now + timedelta(minutes=1), tick=False):
        assert TOTPDevice.objects.get(user=nurse, confirmed=True).key == old_key
        client.post("/admin/two-factor/", {"action": "turn-on", "code": code_for(new_key)})
    assert TOTPDevice.objects.get(user=nurse).key == new_key  # the old phone no longer works

    with time_machine.travel(now + timedelta(minutes=2), tick=False):
        codes = client.post("/admin/two-factor/", {"action": "new-codes", "code": code_for(new_key)})
    assert len(re.findall(r"<li><code>", codes.content.decode())) == 10
    with time_machine.travel(now + timedelta(minutes=3), tick=False):
        client.post("/admin/two-factor/", {"action": "turn-off", "code": code_for(new_key)})
    assert not TOTPDevice.objects.filter(user=nurse).exists()


def test_it_cannot_be_turned_off_where_the_clinic_requires_it(nurse):
    device, _ = enrolled(nurse)
    client = Client()
    password_step(client)
    client.post("/admin/login/code/", {"code": code_for(device.key)})
    page = client.get("/admin/two-factor/").content.decode()
    assert 'value="turn-off"' not in page and "requires two-factor sign-in" in page
    with time_machine.travel(timezone.now() + timedelta(seconds=31), tick=False):
        response = client.post("/admin/two-factor/", {"action": "turn-off", "code": code_for(device.key)}, follow=True)
    assert "not available" in response.content.decode()
    assert TOTPDevice.objects.filter(user=nurse, confirmed=True).exists()


def test_nobody_reads_another_accounts_secret_and_only_superusers_reset_it(settings, nurse):
    settings.CLINIC_REQUIRE_TWO_FACTOR = False
    device, _ = enrolled(nurse)
    admin_client = Client()
    password_step(admin_client)
    admin_client.post("/admin/login/code/", {"code": code_for(device.key)})
    assert admin_client.get("/admin/otp_totp/totpdevice/").status_code == 404
    assert admin_client.get(f"/admin/otp_totp/totpdevice/{device.pk}/config/").status_code == 404
    assert admin_client.get("/admin/otp_static/staticdevice/").status_code == 404

    # A staff member allowed to change accounts, but not a superuser, has no reset.
    from django.contrib.auth.models import Permission

    manager = UserFactory(username="manager", is_staff=True, password=PASSWORD)
    manager.user_permissions.add(*Permission.objects.filter(codename__in=["view_user", "change_user"]))
    manager_client = Client()
    password_step(manager_client, "manager")
    assert "reset_two_factor" not in manager_client.get("/admin/auth/user/").content.decode()
    manager_client.post("/admin/auth/user/", {"action": "reset_two_factor", "_selected_action": [nurse.pk]})
    assert TOTPDevice.objects.filter(user=nurse).exists()

    other = UserFactory(username="lost-phone", is_staff=True, password=PASSWORD)
    enrolled(other)
    admin_client.post("/admin/auth/user/", {"action": "reset_two_factor", "_selected_action": [other.pk]})
    assert not TOTPDevice.objects.filter(user=other).exists()
    assert "Reset two-factor sign-in." in admin_client.get("/admin/audit/").content.decode()


def test_the_two_factor_page_is_for_signed_in_staff_only(db):
    assert Client().get("/admin/two-factor/")["Location"].startswith("/admin/login/")
    patient = UserFactory(username="patient", is_staff=False, password=PASSWORD)
    client = Client()
    client.force_login(patient)
    assert client.get("/admin/two-factor/")["Location"].startswith("/admin/login/")


def test_a_request_still_carrying_the_old_session_does_not_sign_the_new_one_out(nurse):
    """The browser asks for the favicon (or another tab reloads) with the cookie from before signing in; the
    answer must not delete the cookie the sign-in has just set."""
    _, codes = enrolled(nurse)
    client = Client()
    password_step(client)
    before = client.cookies["sessionid"].value
    client.post("/admin/login/code/", {"code": codes[0]})
    assert signed_in(client) and client.cookies["sessionid"].value != before

    late = Client()
    late.cookies["sessionid"] = before
    for path in ("/favicon.ico", "/", "/admin/"):
        answer = late.get(path)
        assert "sessionid" not in answer.cookies, path  # no cookie set, and none deleted
    assert signed_in(client)


def test_signing_out_still_deletes_the_session_cookie(nurse):
    _, codes = enrolled(nurse)
    client = Client()
    password_step(client)
    client.post("/admin/login/code/", {"code": codes[0]})
    answer = client.post("/admin/logout/")
    assert answer.cookies["sessionid"].value == "" and answer.cookies["sessionid"]["max-age"] == 0
    assert not signed_in(client)


def test_admin_pages_name_their_icon_so_browsers_do_not_ask_for_favicon_ico_while_signing_in(nurse):
    """/favicon.ico goes through sessions; the icon file does not. Asked for mid-sign-in, it carried the session of
    that moment, and its answer could put back a cookie the sign-in had just replaced."""
    client = Client()
    sign_in_page = client.get("/admin/login/")
    password_step(client)
    code_page = client.get("/admin/login/code/")
    for page in (sign_in_page, code_page):
        assert '<link rel="icon" href="/static/favicon' in page.content.decode()
