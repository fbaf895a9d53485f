-- Demo service points (the agencies and procedures every motcua service seeds). Fixed ids so that demos and
-- other services' fixtures can refer to them.
insert into service_point (id, code, name, agency_code, province_code, commune_code, address) values
 ('5e1f0000-0000-4000-8000-000000000001', 'HN-BADINH-MC', 'Bộ phận một cửa UBND phường Ba Đình',
  '000.00.12.H29', '01', '00004', 'Số 25 phố Liễu Giai, phường Ba Đình, thành phố Hà Nội'),
 ('5e1f0000-0000-4000-8000-000000000002', 'HN-STP-MC', 'Bộ phận một cửa Sở Tư pháp thành phố Hà Nội',
  '000.21.27.H29', '01', null, 'Số 1B phố Trần Phú, phường Hà Đông, thành phố Hà Nội'),
 ('5e1f0000-0000-4000-8000-000000000003', 'BTR-TTPVHCC', 'Trung tâm Phục vụ hành chính công tỉnh Bến Tre',
  '000.10.25.H56', '83', null, 'Số 7 đường Cách Mạng Tháng Tám, phường An Hội, tỉnh Bến Tre');

insert into counter (service_point_id, code, name, counter_group) values
 ('5e1f0000-0000-4000-8000-000000000001', 'Q01', 'Quầy 1 — Hộ tịch', 'A'),
 ('5e1f0000-0000-4000-8000-000000000001', 'Q02', 'Quầy 2 — Hộ tịch', 'A'),
 ('5e1f0000-0000-4000-8000-000000000001', 'Q03', 'Quầy 3 — Tư pháp', 'B'),
 ('5e1f0000-0000-4000-8000-000000000002', 'Q01', 'Quầy 1 — Lý lịch tư pháp', 'B'),
 ('5e1f0000-0000-4000-8000-000000000002', 'Q02', 'Quầy 2 — Lý lịch tư pháp', 'B'),
 ('5e1f0000-0000-4000-8000-000000000003', 'Q01', 'Quầy 1 — Hộ tịch', 'A'),
 ('5e1f0000-0000-4000-8000-000000000003', 'Q05', 'Quầy 5 — Tư pháp', 'B');

insert into served_procedure (service_point_id, procedure_code, procedure_name, slot_minutes, public_quota, internal_quota, counter_group) values
 ('5e1f0000-0000-4000-8000-000000000001', '1.001193', 'Đăng ký khai sinh', 30, 4, 2, 'A'),
 ('5e1f0000-0000-4000-8000-000000000001', '2.000908', 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', 30, 2, 1, 'B'),
 ('5e1f0000-0000-4000-8000-000000000002', '2.000908', 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', 20, 6, 2, 'B'),
 ('5e1f0000-0000-4000-8000-000000000003', '1.001193', 'Đăng ký khai sinh', 30, 3, 1, 'A'),
 ('5e1f0000-0000-4000-8000-000000000003', '2.000908', 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', 20, 4, 2, 'B');

-- Hà Nội: Monday–Friday 08:00–17:00 with a lunch break; Bến Tre also opens on Saturday morning.
insert into opening_hours (service_point_id, day_of_week, opens, closes, break_starts, break_ends)
select sp.id, d.day, '08:00', '17:00', '12:00', '13:30'
from (values ('5e1f0000-0000-4000-8000-000000000001'::uuid), ('5e1f0000-0000-4000-8000-000000000002'::uuid)) sp(id)
cross join generate_series(1, 5) d(day);
insert into opening_hours (service_point_id, day_of_week, opens, closes, break_starts, break_ends)
select '5e1f0000-0000-4000-8000-000000000003', d.day, '07:00', '17:00', '11:30', '13:00' from generate_series(1, 5) d(day);
insert into opening_hours (service_point_id, day_of_week, opens, closes, break_starts, break_ends) values
 ('5e1f0000-0000-4000-8000-000000000003', 6, '07:00', '11:30', null, null);

-- Epidemic measures in Bến Tre: half of the seats, at most two people per slot.
insert into capacity_policy (id, service_point_id, procedure_code, effective_from, effective_to, seat_percent, max_per_slot, reason, created_by) values
 ('5e1f0000-0000-4000-8000-0000000000c1', '5e1f0000-0000-4000-8000-000000000003', null, '2026-11-01', '2026-12-31', 50, 2,
  'Phòng, chống dịch: bố trí 50% chỗ ngồi, tối đa 2 người mỗi lượt', 'seed');
