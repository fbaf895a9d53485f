#!/usr/bin/env python3
"""./motcua demo, part two — the booking journey against the running local stack, through the gateway only.
Python standard library only.

A citizen books an in-person slot for "Đăng ký khai sinh" at a one-stop-shop in Hà Nội (hold + confirm, booking code);
an officer of that agency suspends in-person intake there because of an epidemic; the booking is cancelled with the
reason and the citizen's inbox says so; a new booking inside the suspension is refused with a pointer to online
submission and postal return; the citizen files an urgent exception, a leader approves it, the citizen books again
inside the suspension, checks in (queue number), is called to a counter and served.

Every run uses a fresh citizen, and the suspension covers only the booked slot and procedure (a real one would last
e.g. 14 days): it cannot cancel other people's bookings elsewhere, and it is ended at the end of the run — also when
the run fails half-way. Exit code 0 = the whole journey worked; a step that does not happen in time stops the demo
with the reason. Usage: booking.py [gateway-url]"""
import atexit, sys, urllib.parse, uuid

from demo_support import call, fail, show, step, token, use, wait

GATEWAY = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
RUN = uuid.uuid4().hex[:8]
CITIZEN = f"cd-booking-{RUN}"
PROCEDURE = "1.001193"  # Đăng ký khai sinh
PROVINCE = "01"  # Hà Nội
use(GATEWAY, failure_prefix="Hành trình đặt lịch dừng lại: ")


def hhmm(iso):
    """'2026-11-24T08:30:00+07:00' → '08:30 24/11/2026' (times are shown in Vietnam time, as the API gives them)."""
    day, time_of_day = iso[:10], iso[11:16]
    y, m, d = day.split("-")
    return f"{time_of_day} {d}/{m}/{y}"


def book(citizen_token, point_code, slot_start, key):
    """Hold a seat, then confirm it: the two steps a citizen's app makes."""
    held = call("POST", "/api/v1/appointments/bookings", citizen_token,
                {"servicePointCode": point_code, "procedureCode": PROCEDURE, "slotStart": slot_start},
                headers={"Idempotency-Key": f"demo-booking-{RUN}-{key}"})
    show(f"giữ chỗ: mã lịch hẹn {held['code']} · trạng thái {held['status']} · giữ đến {hhmm(held['holdExpiresAt'])}")
    confirmed = call("POST", f"/api/v1/appointments/bookings/{held['id']}/confirmation", citizen_token, {})
    show(f"xác nhận: trạng thái {confirmed['status']}")
    return confirmed


print(f"\n=== Hành trình đặt lịch hẹn trực tiếp — công dân {CITIZEN} (Lê Thị Hoa), qua cổng {GATEWAY} ===", flush=True)
citizen = token("citizen", CITIZEN, "name=Lê Thị Hoa", "email=hoa.le@example.vn", "phone=0987654321")

step("Công dân tìm nơi tiếp nhận thủ tục «Đăng ký khai sinh» tại Hà Nội")
points = call("GET", f"/api/v1/appointments/service-points?procedureCode={PROCEDURE}&provinceCode={PROVINCE}")["items"]
if not points:
    fail(f"no service point in province {PROVINCE} serves {PROCEDURE}")
point = points[0]
served = next(p for p in point["procedures"] if p["procedureCode"] == PROCEDURE)
show(f"{point['code']} — {point['name']}")
show(f"địa chỉ: {point['address']}")
show(f"thủ tục {PROCEDURE} «{served['procedureName']}»: lượt {served['slotMinutes']} phút, "
     f"{served['publicQuota']} chỗ đặt trước mỗi lượt, nhóm quầy {served['counterGroup']}")
officer = token("officer", f"cb-motcua-{RUN}", f"agency={point['agencyCode']}", "name=Phạm Văn Cường")
leader = token("leader", f"ld-motcua-{RUN}", f"agency={point['agencyCode']}", "name=Nguyễn Thị Lan")

step("Công dân xem lịch trống (đã tính thời gian báo trước tối thiểu và giới hạn đặt trước)")
slots = call("GET", "/api/v1/appointments/availability?" + urllib.parse.urlencode(
    {"procedureCode": PROCEDURE, "servicePointCode": point["code"]}))["slots"]
open_slots = [s for s in slots if s["remaining"] > 0 and not s["suspended"]]
if not open_slots:
    fail(f"no free slot at {point['code']} in the next 7 days")
# an untouched slot first: the demo's suspension then cancels this citizen's booking and nobody else's
slot = next((s for s in open_slots if s["booked"] == 0), open_slots[0])
show(f"{len(open_slots)} lượt còn chỗ trong 7 ngày; lượt đầu tiên: {hhmm(open_slots[0]['start'])}")
show(f"chọn lượt {hhmm(slot['start'])}–{slot['end'][11:16]}: còn {slot['remaining']}/{slot['capacity']} chỗ")

step("Công dân đặt lịch: giữ chỗ rồi xác nhận")
first = book(citizen, point["code"], slot["start"], "first")
show(f"mã lịch hẹn của công dân: {first['code']}")

step("Cán bộ tạm dừng tiếp nhận trực tiếp tại điểm này vì dịch bệnh, trong khoảng thời gian có lịch hẹn")
reason = f"Phòng, chống dịch bệnh truyền nhiễm theo Quyết định số {int(RUN[:4], 16) % 900 + 100}/QĐ-UBND (bản demo)"
suspension = call("POST", "/api/v1/appointments/suspensions", officer,
                  {"scopeType": "SERVICE_POINT", "scopeCodes": [point["code"]], "procedureCodes": [PROCEDURE],
                   "startsAt": slot["start"], "endsAt": slot["end"], "reason": reason},
                  headers={"Idempotency-Key": f"demo-booking-{RUN}-suspend"})
sid = suspension["id"]


@atexit.register
def end_suspension():
    """Whatever happens, the demo's suspension does not outlive the run."""
    if not sid:
        return
    try:
        current = call("GET", f"/api/v1/appointments/suspensions/{sid}", officer)
        if current.get("status") == "ACTIVE":
            call("POST", f"/api/v1/appointments/suspensions/{sid}/end", officer, {})
            print(f"    (đã kết thúc đợt tạm dừng {sid} của bản demo)", flush=True)
    except SystemExit:
        pass


show(f"đợt tạm dừng {sid}: {point['code']}, thủ tục {PROCEDURE}, "
     f"từ {hhmm(suspension['startsAt'])} đến {hhmm(suspension['endsAt'])}")
show(f"lý do: {reason}")
show(f"số lịch hẹn bị hủy: {suspension['bookingsCancelled']} "
     "(bản demo chỉ tạm dừng đúng lượt đã đặt; thực tế có thể kéo dài 14 ngày)")

step("Lịch hẹn bị hủy kèm lý do")
cancelled = wait("the booking to be CANCELLED", lambda: (lambda b: b if b["status"] == "CANCELLED" else None)(
    call("GET", f"/api/v1/appointments/bookings/{first['id']}", citizen)))
show(f"lịch hẹn {cancelled['code']}: {cancelled['status']} · lý do: {cancelled['cancelReason']}")
if cancelled.get("suspensionId") != sid:
    fail(f"the booking was cancelled, but not by suspension {sid}: {cancelled}")

step("notification-service báo cho công dân (hộp thư trong ứng dụng)")
notice = wait("the cancellation in the citizen's inbox", lambda: next(
    (n for n in call("GET", "/api/v1/notifications/inbox?size=50", citizen)["items"]
     if n["eventType"].endswith("booking-cancelled.v1") and first["code"] in n["title"]), None))
show(f"• {notice['title']}")
for line in notice["body"].splitlines()[1:]:
    show(f"  {line}")

step("Công dân thử đặt lại trong thời gian tạm dừng: bị từ chối")
refused = call("POST", "/api/v1/appointments/bookings", citizen,
               {"servicePointCode": point["code"], "procedureCode": PROCEDURE, "slotStart": slot["start"]},
               expect=(422,))
if refused.get("code") != "INTAKE_SUSPENDED":
    fail(f"expected INTAKE_SUSPENDED, got {refused}")
show(f"HTTP 422 {refused['code']}:")
show(refused["detail"].split(" In-person intake")[0])

step("Công dân gửi đề nghị ngoại lệ khẩn cấp kèm lý do")
request = call("POST", f"/api/v1/appointments/suspensions/{sid}/exceptions", citizen,
               {"reason": "Cần giấy khai sinh gấp để làm thủ tục nhập viện cho con",
                "servicePointCode": point["code"], "procedureCode": PROCEDURE},
               headers={"Idempotency-Key": f"demo-booking-{RUN}-exception"})
show(f"đề nghị {request['id']}: {request['status']} · «{request['reason']}»")

step("Lãnh đạo phê duyệt đề nghị ngoại lệ")
approved = call("POST", f"/api/v1/appointments/exceptions/{request['id']}/approval", leader,
                {"note": "Trường hợp cấp bách, đồng ý tiếp nhận trực tiếp"})
if approved["status"] != "APPROVED":
    fail(f"the exception is {approved['status']}, expected APPROVED")
show(f"trạng thái {approved['status']} · người duyệt {approved['decidedBy']} · «{approved['decisionNote']}»")

step("Công dân đặt lại trong thời gian tạm dừng, nhờ ngoại lệ đã duyệt")
second = book(citizen, point["code"], slot["start"], "second")
if second.get("exceptionId") != request["id"]:
    fail(f"the new booking does not use exception {request['id']}: {second}")
show(f"mã lịch hẹn mới {second['code']} lúc {hhmm(second['slotStart'])} (theo ngoại lệ {second['exceptionId']})")

step("Công dân đến điểm tiếp nhận và lấy số thứ tự (check-in)")
ticket = call("POST", f"/api/v1/appointments/bookings/{second['id']}/check-in", citizen, {})
show(f"số thứ tự {ticket['number']} · {ticket['status']} (môi trường demo mở check-in sớm: MOTCUA_APPOINTMENT_CHECK_IN_EARLY)")
queue = call("GET", f"/api/v1/appointments/queue/{point['code']}", officer)
mine = next((t for t in queue["tickets"] if t["id"] == ticket["id"]), None)
if mine is None:
    fail(f"ticket {ticket['number']} is not in today's queue of {point['code']}")
show(f"đang chờ: {queue['waiting']} người · ước tính chờ {mine.get('estimatedWaitMinutes')} phút")

step("Cán bộ gọi số tiếp theo tới quầy")
counter = next(c for c in point["counters"] if c["counterGroup"] == served["counterGroup"])
called = None
for _ in range(50):
    called = call("POST", f"/api/v1/appointments/queue/{point['code']}/call-next", officer,
                  {"counterCode": counter["code"]})
    if called["id"] == ticket["id"]:
        break
    # a ticket left waiting by an earlier, interrupted run: called three times without anyone coming, then no-show
    for _ in range(2):
        call("POST", f"/api/v1/appointments/queue/tickets/{called['id']}/recall", officer, {})
    call("POST", f"/api/v1/appointments/queue/tickets/{called['id']}/no-show", officer, {})
    show(f"số {called['number']} (của lần chạy trước) gọi 3 lần không có mặt: vắng mặt")
else:
    fail("the citizen's ticket was never called")
show(f"mời số {called['number']} tới {counter['name']} ({counter['code']})")

step("Cán bộ tiếp nhận xong: đã phục vụ")
done = call("POST", f"/api/v1/appointments/queue/tickets/{ticket['id']}/served", officer, {})
booking = call("GET", f"/api/v1/appointments/bookings/{second['id']}", citizen)
if booking["status"] != "SERVED":
    fail(f"booking {second['code']} is {booking['status']}, expected SERVED")
show(f"số {done['number']}: {done['status']} · lịch hẹn {booking['code']}: {booking['status']}")

step("Kết thúc đợt tạm dừng của bản demo; hộp thư của công dân")
ended = call("POST", f"/api/v1/appointments/suspensions/{sid}/end", officer, {})
show(f"đợt tạm dừng {sid}: {ended['status']}")
sid = None
inbox = wait("the served notice in the inbox", lambda: (lambda items: items if any(
    n["eventType"].endswith("booking-served.v1") for n in items) else None)(
    call("GET", "/api/v1/notifications/inbox?size=50", citizen)["items"]))
for n in sorted(inbox, key=lambda n: n["createdAt"]):
    show(f"• {n['title']}")

print(f"""
✓ Xem thêm:
  - Lịch hẹn: GET {GATEWAY}/api/v1/appointments/bookings/{second['id']} (token: ./motcua token citizen {CITIZEN})
  - Hàng đợi hôm nay: GET {GATEWAY}/api/v1/appointments/queue/{point['code']} (token: ./motcua token officer cb-01 agency={point['agencyCode']})
  - Đợt tạm dừng và đề nghị ngoại lệ: GET {GATEWAY}/api/v1/appointments/suspensions/{ended['id']}/exceptions
  - Lịch trống: {GATEWAY}/api/v1/appointments/availability?procedureCode={PROCEDURE}&servicePointCode={point['code']}
  - Sự kiện: topic appointment.events · log: ./motcua logs appointment-service · Swagger UI: {GATEWAY}/q/swagger-ui
Hành trình đặt lịch hoàn tất.""")
