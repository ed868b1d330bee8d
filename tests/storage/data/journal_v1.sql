-- The journal as schema version 1 left it (Madoguchi 0.1 development), with data. Frozen: the
-- migration test loads this file, lets the current program migrate it and checks nothing is lost.
-- Never edit; add a file for each new released version instead.
CREATE TABLE patients(
         id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', name_kana TEXT NOT NULL DEFAULT '',
         birth_date TEXT, sex TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',
         phone TEXT NOT NULL DEFAULT '', employer TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL);
       CREATE TABLE visits(
         id TEXT PRIMARY KEY, patient_id TEXT REFERENCES patients(id), visit_date TEXT NOT NULL,
         started_at TEXT NOT NULL, completed_at TEXT NOT NULL, staff_id TEXT NOT NULL,
         identity_method TEXT NOT NULL, identity_confirmed_by TEXT NOT NULL DEFAULT '', source TEXT NOT NULL,
         validity TEXT NOT NULL DEFAULT '', claim_route TEXT NOT NULL, insurer_number TEXT NOT NULL DEFAULT '',
         card_symbol TEXT NOT NULL DEFAULT '', card_number TEXT NOT NULL DEFAULT '', card_branch TEXT NOT NULL DEFAULT '',
         share_tenths INTEGER NOT NULL, share_basis TEXT NOT NULL DEFAULT '', points INTEGER, copay_yen INTEGER,
         full_charge_reason TEXT NOT NULL DEFAULT '', cancelled INTEGER NOT NULL DEFAULT 0,
         pending_request_id TEXT NOT NULL DEFAULT '', record_json TEXT NOT NULL);
       CREATE INDEX visits_by_date ON visits(visit_date);
       CREATE INDEX visits_by_patient ON visits(patient_id, completed_at);
       CREATE TABLE eligibility_snapshots(
         id INTEGER PRIMARY KEY, visit_id TEXT NOT NULL REFERENCES visits(id), received_at TEXT NOT NULL,
         raw_xml TEXT NOT NULL);
       CREATE TABLE retags(
         id INTEGER PRIMARY KEY, visit_id TEXT NOT NULL REFERENCES visits(id), from_route TEXT NOT NULL,
         to_route TEXT NOT NULL, staff_id TEXT NOT NULL, reason TEXT NOT NULL, evidence TEXT NOT NULL, at TEXT NOT NULL);
       CREATE TABLE staff(
         id TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL, salt BLOB NOT NULL,
         iterations INTEGER NOT NULL, password_hash BLOB NOT NULL, failed_attempts INTEGER NOT NULL DEFAULT 0,
         locked_until TEXT NOT NULL DEFAULT '');
       CREATE TABLE audit_log(
         seq INTEGER PRIMARY KEY, at TEXT NOT NULL, staff_id TEXT NOT NULL, action TEXT NOT NULL,
         patient_id TEXT NOT NULL DEFAULT '', visit_id TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '',
         prev_hash TEXT NOT NULL, row_hash TEXT NOT NULL);
       CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
         BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
       CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
         BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

INSERT INTO patients VALUES('P1','山田　太郎','ヤマダ　タロウ','1980-04-01','1','東京都千代田区霞が関1-2-2','03-0000-0000','','2025-03-03T09:05:00');
INSERT INTO patients VALUES('P2','佐藤　花子','サトウ　ハナコ','1948-12-24','2','','','','2025-03-04T10:00:00');
INSERT INTO visits VALUES('V1','P1','2025-03-03','2025-03-03T09:00:00','2025-03-03T09:05:00','uketsuke1','face','','online_card','1','current','06139993','12','3456','01',3,'age 44',1235,3710,'',0,'','{"visit_id":"V1"}');
INSERT INTO visits VALUES('V2','P2','2025-03-04','2025-03-04T10:00:00','2025-03-04T10:04:00','uketsuke1','none','','past_record','','old','39131008','','00012345','',1,'declared',800,800,'',0,'REQ-77','{"visit_id":"V2"}');
INSERT INTO visits VALUES('V3',NULL,'2025-03-04','2025-03-04T11:00:00','2025-03-04T11:09:00','uketsuke2','none','','self_declaration','','unknown','77777777','','77777777','',3,'declared',500,1500,'',0,'','{"visit_id":"V3"}');
INSERT INTO eligibility_snapshots(visit_id, received_at, raw_xml) VALUES('V1','2025-03-03T09:01:00','<XmlMsg><QualificationValidity>1</QualificationValidity></XmlMsg>');
INSERT INTO retags(visit_id, from_route, to_route, staff_id, reason, evidence, at) VALUES('V1','old','current','jimucho','資格確認書を後日提示','scan 1','2025-03-05T09:00:00');
INSERT INTO staff VALUES('admin','管理者','admin',X'00112233445566778899aabbccddeeff',600000,X'0000000000000000000000000000000000000000000000000000000000000000',0,'');
PRAGMA user_version = 1;
