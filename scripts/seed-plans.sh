#!/usr/bin/env bash
# Seeds a PostgreSQL database with realistic sent plans for the staff queue's performance checks
# (docs/performance.md): PLANS plans (default 1,000,000) from PATIENTS patients (default 200,000),
# sent over three years, with statuses, concerns, flags and names spread as a busy clinic's would be.
#
#   scripts/seed-plans.sh "Host=127.0.0.1;Port=5499;Database=planner_perf;Username=postgres"
#
# The argument is an Npgsql connection string (the app's format). The database must exist; the
# script applies the app's migrations first (dotnet ef), then inserts with generate_series in one
# transaction and runs ANALYZE. Rows it added before are removed first (their ids start with
# 'seed-'), so it can be run again. Takes a few minutes on a small machine. Never point it at a
# database with real patients.
set -euo pipefail

connection="${1:?usage: scripts/seed-plans.sh \"Host=...;Database=...;Username=...\"}"
plans="${PLANS:-1000000}"
patients="${PATIENTS:-200000}"
root="$(cd "$(dirname "$0")/.." && pwd)"

# psql takes libpq keywords; turn the Npgsql string into them (Host, Port, Database, Username, Password).
libpq=""
IFS=';' read -ra parts <<<"$connection"
for part in "${parts[@]}"; do
    [[ -z "$part" ]] && continue
    key="${part%%=*}"; value="${part#*=}"
    case "${key,,}" in
        host|server) libpq+="host=$value " ;;
        port) libpq+="port=$value " ;;
        database) libpq+="dbname=$value " ;;
        username|user\ id|userid) libpq+="user=$value " ;;
        password) export PGPASSWORD="$value" ;;
    esac
done

echo "Applying migrations..."
(cd "$root" && dotnet tool restore >/dev/null && dotnet ef database update \
    --project src/MicroneedlingPlanner.Web --context PostgresPlannerDbContext --connection "$connection" >/dev/null)

echo "Seeding $plans plans from $patients patients..."
start=$(date +%s)
psql "$libpq" -v ON_ERROR_STOP=1 -q -v plans="$plans" -v patients="$patients" <<'SQL'
\timing on
BEGIN;
DELETE FROM "AuditEntries" WHERE "UserId" LIKE 'seed-%';
DELETE FROM "SubmittedPlans" WHERE "PatientId" LIKE 'seed-%';
DELETE FROM "AspNetUserRoles" WHERE "UserId" LIKE 'seed-%';
DELETE FROM "AspNetUsers" WHERE "Id" LIKE 'seed-%';

-- Patients: a first and a last name from common lists, a phone for about half.
CREATE TEMP TABLE first_names(i int, name text) ON COMMIT DROP;
INSERT INTO first_names SELECT row_number() OVER () - 1, n FROM unnest(string_to_array(
  'Olivia,Amelia,Isla,Ava,Mia,Ivy,Lily,Isabella,Rosie,Sophia,Grace,Freya,Willow,Florence,Emily,Ella,Poppy,Evie,Charlotte,Sienna,'
  'Noah,Oliver,George,Arthur,Muhammad,Leo,Harry,Oscar,Archie,Henry,Theodore,Freddie,Jack,Charlie,Finley,Alfie,Thomas,James,William,Isaac,'
  'Priya,Aisha,Fatima,Zara,Chloe,Hannah,Sarah,Laura,Emma,Rachel,Joanne,Nicola,Karen,Helen,Claire,Lucy,Megan,Jessica,Sophie,Katie', ',')) AS n;
CREATE TEMP TABLE last_names(i int, name text) ON COMMIT DROP;
INSERT INTO last_names SELECT row_number() OVER () - 1, n FROM unnest(string_to_array(
  'Smith,Jones,Taylor,Brown,Williams,Wilson,Johnson,Davies,Patel,Robinson,Wright,Thompson,Evans,Walker,White,Roberts,Green,Hall,Thomas,Clarke,'
  'Jackson,Wood,Harris,Edwards,Turner,Martin,Cooper,Hill,Ward,Hughes,Moore,Clark,King,Harrison,Lewis,Baker,Lee,Allen,Morris,Khan,'
  'Scott,Watson,Davis,Parker,James,Bennett,Young,Phillips,Richardson,Mitchell,Bailey,Carter,Cook,Singh,Shaw,Bell,Collins,Morgan,Kelly,Begum,'
  'Ahmed,Ali,Hussain,Murphy,Campbell,Stewart,Anderson,MacDonald,Reid,Murray,Novak,Kowalski,Nowak,Rossi,Silva,Santos,Nguyen,Chen,Wang,Okafor', ',')) AS n;

INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
    "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount",
    "PreferredName", "ContactPhone")
SELECT 'seed-' || g, 'seed' || g || '@planner.test', 'SEED' || g || '@PLANNER.TEST', 'seed' || g || '@planner.test', 'SEED' || g || '@PLANNER.TEST', true,
    md5('stamp' || g), md5('concurrency' || g), false, false, true, 0,
    f.name || ' ' || l.name,
    CASE WHEN g % 2 = 0 THEN '07' || lpad(((g * 7919) % 1000000000)::text, 9, '0') END
FROM generate_series(1, :patients) AS g
JOIN first_names f ON f.i = (hashint4(g) & 2147483647) % (SELECT count(*) FROM first_names)
JOIN last_names l ON l.i = (hashint4(g * 31 + 7) & 2147483647) % (SELECT count(*) FROM last_names);

INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") SELECT 'seed-' || g, 'role-patient' FROM generate_series(1, :patients) AS g;

-- Plans: sent at any time over three years (a little busier lately); fresh ones wait, older ones
-- were mostly accepted. About 12% need a clinician, 4% carry a refer flag (all of those need a
-- clinician), 15% a caution. References are unique: the row number times an odd constant modulo
-- 2^40, written as MP-XXXX-XXXX in the app's 32-letter alphabet.
INSERT INTO "SubmittedPlans" ("Id", "Reference", "PatientId", "Status", "SubmittedAt", "UpdatedAt", "WithdrawnAt",
    "PrimaryConcern", "FirstSessionDate", "NeedsClinicianReview", "RulesVersion", "AnswersJson", "PlanJson",
    "IdempotencyKey", "ConsentedAt", "ContactPreference", "ContactPhone", "PatientName", "HasRefer", "HasCaution", "Sessions")
SELECT gen_random_uuid(), reference, patient, status, sent, sent, CASE WHEN status = 'Withdrawn' THEN sent + interval '3 days' END,
    concern, (sent + (7 + r3 % 60) * interval '1 day')::date, needs, '1',
    -- Complete answers, so the rules' impact preview replays them as it would real ones.
    jsonb_build_object('concerns', jsonb_build_array(concern), 'age', 20 + r1 % 50,
        'acneScarTypes', CASE WHEN concern = 'AcneScars' THEN jsonb_build_array((ARRAY['Icepick','Boxcar','Rolling'])[1 + r2 % 3]) ELSE '[]'::jsonb END,
        'acneScarSeverity', CASE WHEN concern = 'AcneScars' THEN (ARRAY['Mild','Moderate','Severe'])[1 + r3 % 3] END,
        'skinSensitivity', (ARRAY['Resilient','Normal','Normal','Sensitive'])[1 + r1 % 4],
        'smoking', (ARRAY['Never','Never','Never','Former','Occasional','Daily'])[1 + r2 % 6],
        'sunExposure', (ARRAY['Low','Moderate','High'])[1 + r3 % 3],
        'dailySunscreen', r1 % 3 <> 0,
        'skincareRoutine', (ARRAY['None','Basic','Consistent'])[1 + r2 % 3],
        'alcohol', (ARRAY['None','Moderate','Moderate','Heavy'])[1 + r3 % 4],
        'sleepAndNutrition', (ARRAY['Good','Good','Fair','Poor'])[1 + r1 % 4],
        'medications', '[]'::jsonb,
        'conditions', CASE WHEN refer THEN '["Pregnancy"]'::jsonb WHEN caution THEN '["ColdSoreHistory"]'::jsonb ELSE '[]'::jsonb END,
        'usedHomeDevice', r2 % 5 = 0,
        'preferredStartDate', (sent + (7 + r3 % 60) * interval '1 day')::date),
    jsonb_build_object('status', CASE WHEN needs THEN 'NeedsClinicianReview' ELSE 'Ready' END, 'primaryConcern', concern,
        'initialSeries', jsonb_build_object('sessions', sessions),
        'flags', CASE WHEN refer THEN '[{"severity":"Refer"}]'::jsonb WHEN caution THEN '[{"severity":"Caution"}]'::jsonb ELSE '[]'::jsonb END),
    gen_random_uuid(), sent, CASE r2 % 3 WHEN 0 THEN 'Email' WHEN 1 THEN 'Phone' ELSE 'Either' END,
    CASE WHEN r2 % 3 <> 0 THEN '07700 900' || lpad((r2 % 1000)::text, 3, '0') END,
    name, refer, caution, sessions
FROM (
    SELECT g, r1, r2, r3, sent, refer, caution, sessions,
        refer OR r2 % 100 < 8 AS needs,
        'MP-' || substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', ((code >> 0) & 31)::int + 1, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', ((code >> 5) & 31)::int + 1, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', ((code >> 10) & 31)::int + 1, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', ((code >> 15) & 31)::int + 1, 1)
            || '-' || substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', ((code >> 20) & 31)::int + 1, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', ((code >> 25) & 31)::int + 1, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', ((code >> 30) & 31)::int + 1, 1) || substr('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', ((code >> 35) & 31)::int + 1, 1) AS reference,
        CASE WHEN sent > now() - interval '3 days' THEN (ARRAY['Submitted','Submitted','Submitted','InReview'])[1 + r3 % 4]
             WHEN sent > now() - interval '14 days' THEN (ARRAY['Submitted','InReview','ChangesProposed','Accepted','Accepted','Withdrawn'])[1 + r3 % 6]
             ELSE (CASE WHEN r3 % 100 < 88 THEN 'Accepted' WHEN r3 % 100 < 96 THEN 'Withdrawn' WHEN r3 % 100 < 98 THEN 'ChangesProposed'
                        WHEN r3 % 100 < 99 THEN 'InReview' ELSE 'Submitted' END) END AS status,
        (ARRAY['AcneScars','AcneScars','AcneScars','FineLinesWrinkles','FineLinesWrinkles','Hyperpigmentation','StretchMarks',
               'EnlargedPores','Texture','Texture','LooseSkin','HairLoss'])[1 + r1 % 12] AS concern,
        'seed-' || (1 + r2 % :patients) AS patient
    FROM (
        SELECT g, r1, r2, r3, refer, caution, 3 + r1 % 4 AS sessions,
            (g::bigint * 1099511627) % 1099511627776 AS code,
            -- sqrt pulls the spread towards now: a growing clinic.
            date_trunc('second', now() - sqrt((r1 % 1000000) / 1000000.0) * interval '1095 days') AS sent
        FROM (
            SELECT g, hashint4(g) & 2147483647 AS r1, hashint4(g + 1000000007) & 2147483647 AS r2,
                hashint4(g * 3 + 11) & 2147483647 AS r3,
                (hashint4(g * 5 + 3) & 2147483647) % 100 < 4 AS refer,
                (hashint4(g * 7 + 5) & 2147483647) % 100 < 15 AS caution
            FROM generate_series(1, :plans) AS g) AS r) AS p) AS q
JOIN LATERAL (SELECT "PreferredName" AS name FROM "AspNetUsers" WHERE "Id" = q.patient) AS u ON true;

COMMIT;
VACUUM ANALYZE "AspNetUsers";
VACUUM ANALYZE "SubmittedPlans";
SQL
echo "Done in $(( $(date +%s) - start )) s."
psql "$libpq" -At <<'SQL'
SELECT count(*) || ' plans, ' || count(*) FILTER (WHERE "Status" = 'Submitted') || ' waiting for review' FROM "SubmittedPlans";
SQL
