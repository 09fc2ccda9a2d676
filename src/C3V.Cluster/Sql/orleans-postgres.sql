-- The tables and queries Orleans' ADO.NET clustering and grain persistence read on PostgreSQL, written for
-- C3V from the providers' documented contracts (query keys, parameter names, result columns): the 10.x
-- NuGet packages do not ship their SQL scripts. Idempotent: safe to run at every start.
-- Query texts live in OrleansQuery, where the providers look them up by key at start.

CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  varchar(64) PRIMARY KEY,
    QueryText text NOT NULL
);

-- Membership: one version row per cluster (DeploymentId = ClusterId) whose Version is the table's etag; every
-- change to a member row bumps it, guarded by the version the writer read (optimistic concurrency).
CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable (
    DeploymentId varchar(150) PRIMARY KEY,
    Timestamp    timestamptz NOT NULL DEFAULT now(),
    Version      integer NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable (
    DeploymentId varchar(150) NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address      varchar(45) NOT NULL,
    Port         integer NOT NULL,
    Generation   integer NOT NULL,
    SiloName     varchar(150) NOT NULL,
    HostName     varchar(150) NOT NULL,
    Status       integer NOT NULL,
    ProxyPort    integer,
    SuspectTimes text,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- Grain state: one row per grain and service, Version is the state's etag (null before the first write).
CREATE TABLE IF NOT EXISTS OrleansStorage (
    GrainIdHash            integer NOT NULL,
    GrainIdN0              bigint NOT NULL,
    GrainIdN1              bigint NOT NULL,
    GrainTypeHash          integer NOT NULL,
    GrainTypeString        varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512),
    ServiceId              varchar(150) NOT NULL,
    PayloadBinary          bytea,
    ModifiedOn             timestamptz NOT NULL,
    Version                integer
);
CREATE UNIQUE INDEX IF NOT EXISTS OrleansStorage_Key ON OrleansStorage
    (ServiceId, GrainTypeHash, GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString) NULLS NOT DISTINCT;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

('InsertMembershipVersionKey', '
WITH created AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING RETURNING 1)
SELECT count(*) > 0 FROM created'),

('InsertMembershipKey', '
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId AND Version = @Version
      AND NOT EXISTS (SELECT 1 FROM OrleansMembershipTable
                      WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId),
inserted AS (
    INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime FROM bumped
    RETURNING 1)
SELECT count(*) > 0 FROM inserted'),

('UpdateMembershipKey', '
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId AND Version = @Version
      AND EXISTS (SELECT 1 FROM OrleansMembershipTable
                  WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId),
updated AS (
    UPDATE OrleansMembershipTable m SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
    FROM bumped
    WHERE m.DeploymentId = bumped.DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    RETURNING 1)
SELECT count(*) > 0 FROM updated'),

('UpdateIAmAlivetimeKey', '
UPDATE OrleansMembershipTable SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation'),

('MembershipReadRowKey', '
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m
       ON m.DeploymentId = v.DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId'),

('MembershipReadAllKey', '
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId'),

('DeleteMembershipTableEntriesKey', '
DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId'),

('GatewaysQueryKey', '
SELECT Address, ProxyPort, Generation FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0'),

('CleanupDefunctSiloEntriesKey', '
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3'),

('ReadFromStorageKey', '
SELECT PayloadBinary, Version FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeHash = @GrainTypeHash AND GrainIdHash = @GrainIdHash
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS NOT DISTINCT FROM CAST(@GrainIdExtensionString AS varchar)'),

-- A first write (no etag) inserts version 1; a later one updates only when its etag is the stored version.
-- Returns the new version, or null on a conflict (which the provider reports as an inconsistent state).
('WriteToStorageKey', '
WITH updated AS (
    UPDATE OrleansStorage SET PayloadBinary = @PayloadBinary, ModifiedOn = now(), Version = Version + 1
    WHERE ServiceId = @ServiceId AND GrainTypeHash = @GrainTypeHash AND GrainIdHash = @GrainIdHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM CAST(@GrainIdExtensionString AS varchar)
      AND Version = CAST(@GrainStateVersion AS integer)
    RETURNING Version),
inserted AS (
    INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString,
                                ServiceId, PayloadBinary, ModifiedOn, Version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, CAST(@GrainIdExtensionString AS varchar),
           @ServiceId, @PayloadBinary, now(), 1
    WHERE CAST(@GrainStateVersion AS integer) IS NULL
      AND NOT EXISTS (SELECT 1 FROM OrleansStorage
                      WHERE ServiceId = @ServiceId AND GrainTypeHash = @GrainTypeHash AND GrainIdHash = @GrainIdHash
                        AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
                        AND GrainIdExtensionString IS NOT DISTINCT FROM CAST(@GrainIdExtensionString AS varchar))
    RETURNING Version)
SELECT (SELECT Version FROM updated UNION ALL SELECT Version FROM inserted LIMIT 1) AS NewGrainStateVersion'),

('ClearStorageKey', '
UPDATE OrleansStorage SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
WHERE ServiceId = @ServiceId AND GrainTypeHash = @GrainTypeHash AND GrainIdHash = @GrainIdHash
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS NOT DISTINCT FROM CAST(@GrainIdExtensionString AS varchar)
  AND Version = CAST(@GrainStateVersion AS integer)
RETURNING Version')

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
