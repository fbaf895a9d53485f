#!/usr/bin/env python3
"""./motcua demo — the main journey against the running local stack, through the gateway only (the sandbox
payment page is the one exception: a browser goes to the payment provider itself). Python standard library only.

A citizen finds "Cấp Phiếu lý lịch tư pháp", files a dossier with documents and postal return, pays the fee online
(sandbox provider), the Sở Tư pháp receives it, asks for a supplement, the citizen resubmits, the officer processes and
resolves it, the postal operator picks up, fails once, delivers, and the dossier is returned. Exit code 0 = the whole
journey worked; any step that does not happen in time stops the demo with the reason."""
import base64, json, re, sys, time, urllib.error, urllib.parse, urllib.request, uuid

from demo_support import call, fail, show, step, token, use, wait

GATEWAY = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
RUN = uuid.uuid4().hex[:6]
CITIZEN = f"cd-demo-{RUN}"
OFFICER_AGENCY = "000.21.27.H29"
use(GATEWAY, wait_seconds=120)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the browser would go back to the return URL; we only need the provider to have acted


BROWSER = urllib.request.build_opener(_NoRedirect)


def browse(url):
    try:
        return BROWSER.open(url, timeout=30).read().decode()
    except urllib.error.HTTPError as e:
        if e.code in (301, 302, 303, 307):
            return e.headers.get("Location", "")
        fail(f"GET {url} answered {e.code}")


citizen = token("citizen", CITIZEN, "name=Nguyễn Văn An", "email=an.nguyen@example.vn", "phone=0912345678")
officer = token("officer", "cb-tuphap-01", f"agency={OFFICER_AGENCY}", "name=Trần Thị Bình")
operator = token("postal-operator", "vnpost-api", "operator=VNPOST")

step("Công dân tìm thủ tục «ly lich tu phap» (không dấu) trong danh mục")
found = call("GET", "/api/v1/procedures?q=" + urllib.parse.quote("ly lich tu phap"))
procedure = next(p for p in found["items"] if p["code"] == "2.000908")
show(f"{procedure['code']} — {procedure['name']}")
show(f"phí: {sum(f['amountVnd'] for f in procedure.get('fees', procedure.get('feeLines', [])))} đồng · "
     f"thời hạn: {procedure.get('processingDays', procedure.get('processingWorkingDays'))} ngày làm việc")

step("Công dân tạo hồ sơ, chọn nhận kết quả qua bưu chính công ích")
address = {"recipientName": "Nguyễn Văn An", "phone": "0912345678", "street": "Số 1 phố Điện Biên Phủ",
           "communeCode": "00004", "provinceCode": "01"}
dossier = call("POST", "/api/v1/dossiers", citizen, {"procedureCode": "2.000908", "channel": "ONLINE",
                                                     "returnMethod": "POST", "deliveryAddress": address},
               headers={"Idempotency-Key": f"demo-{RUN}-create"})
did = dossier["id"]
show(f"hồ sơ {did} · trạng thái {dossier['status']}")

pdf = base64.b64encode(b"%PDF-1.4\n% motcua demo\n").decode()
for code, name in (("TK", "to-khai-ly-lich-tu-phap.pdf"), ("CCCD", "can-cuoc-cong-dan.pdf")):
    call("POST", f"/api/v1/dossiers/{did}/documents", citizen,
         {"requiredDocumentCode": code, "fileName": name, "contentType": "application/pdf", "contentBase64": pdf})
show("đã tải lên: tờ khai, căn cước công dân (SHA-256 được lưu)")

step("Công dân nộp hồ sơ")
dossier = call("POST", f"/api/v1/dossiers/{did}/submit", citizen, {})
code = dossier["code"]
show(f"mã hồ sơ {code} · trạng thái {dossier['status']} (chờ thực hiện nghĩa vụ tài chính)")

step("payment-service nhận sự kiện «payment required» và lập khoản thanh toán")
payment = wait("a payment for the dossier", lambda: next(iter(
    call("GET", "/api/v1/payments?dossierCode=" + urllib.parse.quote(code), citizen).get("items", [])), None))
show(f"khoản {payment['id']}: {payment['amountVnd']} đồng — " +
     ", ".join(f"{f['name']} {f['amountVnd']}" for f in payment.get("fees", [])))

step("Công dân thanh toán trực tuyến (cổng SANDBOX, giao thức ký HMAC-SHA512)")
checkout = call("POST", f"/api/v1/payments/{payment['id']}/checkout", citizen,
                {"provider": "GATEWAY", "returnUrl": "http://localhost/thanh-toan/ket-qua"},
                headers={"Idempotency-Key": f"demo-{RUN}-pay"})
redirect = checkout.get("redirectUrl")
page = browse(redirect)
link = re.search(r'href="(/sandbox/pay/[^"]+outcome=SUCCESS)"', page)
if not link:
    fail("the sandbox page offers no SUCCESS link")
# the provider is whichever payment-service instance drew the page (with several instances, its ledger is there)
browse(urllib.parse.urljoin(redirect, link.group(1).replace("&amp;", "&")))
paid = wait("payment SUCCEEDED", lambda: (lambda p: p if p["status"] == "SUCCEEDED" else None)(
    call("GET", f"/api/v1/payments/{payment['id']}", citizen)))
show(f"đã thanh toán · biên lai điện tử {paid.get('receiptNumber')}")

step("Cổng thanh toán gửi lại thông báo đã ký (replay): vẫn chỉ một khoản thanh toán")
transaction = re.search(r"/sandbox/pay/([^/]+)/complete", link.group(1)).group(1)
acknowledged = call("POST", f"/sandbox/transactions/{transaction}/notify", base=urllib.parse.urljoin(redirect, "/")[:-1])
payments = call("GET", "/api/v1/payments?dossierCode=" + urllib.parse.quote(code), citizen)["items"]
again = call("GET", f"/api/v1/payments/{payment['id']}", citizen)
if len(payments) != 1 or again["status"] != "SUCCEEDED" or again.get("receiptNumber") != paid.get("receiptNumber"):
    fail(f"the replayed notification changed the payments: {payments}")
show(f"payment-service trả lời: {json.dumps(acknowledged, ensure_ascii=False)[:160]}")
show(f"số khoản thanh toán của hồ sơ: {len(payments)} · biên lai vẫn là {again.get('receiptNumber')}")
wait("the dossier to learn it is paid", lambda: call("GET", f"/api/v1/dossiers/{did}", citizen).get("paidAt"))
show("dossier-service đã nhận sự kiện «payment succeeded»: hồ sơ chuyển đến cơ quan")

step("Cán bộ Sở Tư pháp tiếp nhận hồ sơ (phiếu hẹn trả kết quả tính theo ngày làm việc)")
dossier = call("POST", f"/api/v1/dossiers/{did}/receive", officer, {"note": "Hồ sơ hợp lệ"})
show(f"trạng thái {dossier['status']} · hẹn trả {dossier.get('dueAt')} · phiếu {dossier.get('receiptNumber')}")

step("Cán bộ yêu cầu bổ sung hồ sơ")
dossier = call("POST", f"/api/v1/dossiers/{did}/supplement-request", officer,
               {"reason": "Ảnh căn cước công dân bị mờ", "missingItems": ["CCCD"]})
show(f"trạng thái {dossier['status']}")

step("Công dân bổ sung và nộp lại")
call("POST", f"/api/v1/dossiers/{did}/documents", citizen,
     {"requiredDocumentCode": "CCCD", "fileName": "can-cuoc-cong-dan-ro.pdf", "contentType": "application/pdf",
      "contentBase64": pdf})
dossier = call("POST", f"/api/v1/dossiers/{did}/resubmit", citizen, {})
show(f"trạng thái {dossier['status']}")
if dossier["status"] != "RECEIVED" and dossier["status"] != "PROCESSING":
    dossier = call("POST", f"/api/v1/dossiers/{did}/receive", officer, {"note": "Đã đủ thành phần"})
    show(f"cán bộ tiếp nhận lại · trạng thái {dossier['status']}")

step("Cán bộ xử lý: bước «Thẩm định», rồi trả kết quả qua bưu điện")
dossier = call("POST", f"/api/v1/dossiers/{did}/steps", officer,
               {"stepName": "Thẩm định", "assigneeId": "cb-tuphap-01", "stepWorkingDays": 2})
show(f"trạng thái {dossier['status']}")
dossier = call("POST", f"/api/v1/dossiers/{did}/resolve", officer,
               {"resultSummary": f"Đã cấp Phiếu lý lịch tư pháp số {RUN}/2026"})
show(f"trạng thái {dossier['status']}")

step("postal-delivery-service lập đơn gửi kết quả cho bưu điện (topic postal.orders)")
order = wait("a delivery order", lambda: next(iter(
    call("GET", "/api/v1/deliveries?dossierCode=" + urllib.parse.quote(code), officer).get("items", [])), None))
order = wait("a waybill number", lambda: (lambda o: o if o.get("trackingNumber") else None)(
    call("GET", f"/api/v1/deliveries/{order['id']}", officer)))
tracking = order["trackingNumber"]
show(f"mã vận đơn {tracking} · trạng thái {order['status']}")

step("Bưu điện báo: đã nhận hàng, giao lần 1 không thành công, giao lần 2 thành công")
now = lambda: time.strftime("%Y-%m-%dT%H:%M:%S+07:00", time.localtime())
reports = [
    {"reportId": f"{RUN}-1", "trackingNumber": tracking, "orderNumber": code, "status": "PICKED_UP",
     "carrierCode": "100", "postOffice": {"code": "100000", "name": "Bưu cục Hà Nội"}, "occurredAt": now()},
    {"reportId": f"{RUN}-2", "trackingNumber": tracking, "orderNumber": code, "status": "DELIVERY_FAILED",
     "carrierCode": "505", "failureReason": "Người nhận vắng nhà", "attempt": 1, "occurredAt": now()}]
result = call("POST", "/api/v1/deliveries/operator/status-reports", operator, {"reports": reports})
show("kết quả từng báo cáo: " + ", ".join(r.get("outcome", "?") for r in result.get("results", [])))
time.sleep(1)
delivered = [{"reportId": f"{RUN}-3", "trackingNumber": tracking, "orderNumber": code, "status": "DELIVERED",
              "carrierCode": "501", "attempt": 2, "occurredAt": now(),
              "proof": {"receiverName": "Nguyễn Văn An", "relation": "Chính chủ", "signatureReference": f"sig-{RUN}"}}]
result = call("POST", "/api/v1/deliveries/operator/status-reports", operator, {"reports": delivered})
show("kết quả: " + ", ".join(r.get("outcome", "?") for r in result.get("results", [])))

step("dossier-service nhận sự kiện «delivered»: hồ sơ đã trả kết quả")
dossier = wait("the dossier RETURNED", lambda: (lambda d: d if d["status"] == "RETURNED" else None)(
    call("GET", f"/api/v1/dossiers/{did}", citizen)))
show(f"trạng thái {dossier['status']} (cổng quốc gia: {dossier.get('portalStatus')})")

step("Hộp thư của công dân")
inbox = wait("notifications for the dossier", lambda: [n for n in call(
    "GET", "/api/v1/notifications/inbox?size=100", citizen)["items"] if n.get("dossierId") == did] or None)
for n in sorted(inbox, key=lambda n: n["createdAt"]):
    show(f"• {n['title']}")

step("Tra cứu công khai bằng mã hồ sơ + số điện thoại (không lộ thông tin cá nhân)")
public = call("GET", f"/api/v1/tracking/{urllib.parse.quote(code)}?phone=0912345678")
show(json.dumps(public, ensure_ascii=False)[:300])

step("Thống kê của Sở Tư pháp")
stats = call("GET", f"/api/v1/statistics?agencyCode={OFFICER_AGENCY}", officer)
show(json.dumps(stats, ensure_ascii=False)[:400])

print(f"""
✓ Hành trình hoàn tất. Xem thêm:
  - Swagger UI của toàn hệ thống: {GATEWAY}/q/swagger-ui
  - Nhật ký kiểm toán hồ sơ: GET {GATEWAY}/api/v1/dossiers/{did}/audit (token cán bộ: ./motcua token officer cb-tuphap-01 agency={OFFICER_AGENCY})
  - Dòng thời gian vận đơn: GET {GATEWAY}/api/v1/deliveries/{order['id']}
  - Log từng dịch vụ: ./motcua logs notification-service""")
