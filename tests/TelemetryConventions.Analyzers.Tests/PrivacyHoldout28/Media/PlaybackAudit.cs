#nullable disable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using PrivacyHoldout28.Support.Common;
using PrivacyHoldout28.Support.Data;

namespace PrivacyHoldout28.Media;

public class Entitlement
{
    public Guid SubscriberId { get; set; }

    public string Plan { get; set; }

    public string[] Territories { get; set; }

    public DateTime ExpiresUtc { get; set; }
}

/// <summary>Entitlements by subscriber, shared by every playback request in the process.</summary>
public static class EntitlementCache
{
    private static readonly Dictionary<Guid, Entitlement> _cache = new Dictionary<Guid, Entitlement>();
    private static readonly ReaderWriterLockSlim _lock = new ReaderWriterLockSlim();
    private static readonly Timer _expiry = new Timer(Expire, null, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));

    public static bool TryGet(Guid subscriberId, out Entitlement entitlement)
    {
        _lock.EnterReadLock();
        try
        {
            return _cache.TryGetValue(subscriberId, out entitlement);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public static void Put(Entitlement entitlement)
    {
        _lock.EnterWriteLock();
        try
        {
            _cache[entitlement.SubscriberId] = entitlement;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private static void Expire(object state)
    {
        List<Guid> expired = new List<Guid>();
        _lock.EnterWriteLock();
        try
        {
            foreach (KeyValuePair<Guid, Entitlement> pair in _cache)
            {
                if (pair.Value.ExpiresUtc < DateTime.UtcNow)
                {
                    expired.Add(pair.Key);
                }
            }

            foreach (Guid key in expired)
            {
                _cache.Remove(key);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        Log.Info("Entitlement cache: " + expired.Count + " expired, " + _cache.Count + " left"); // clean precision-about
        Log.Debug("Expired entitlements: " + string.Join(";", expired)); // leak TC1001 logging-objects
    }
}

/// <summary>Writes the PLAYBACK_AUDIT rows rights holders ask for, and traces what was written.</summary>
public class PlaybackAudit
{
    private static readonly AppLogger _log = AppLogger.For(typeof(PlaybackAudit));

    public void Record(Guid subscriberId, string profileName, string titleId, string territory)
    {
        long auditRowId;
        using (SqlConnection connection = new SqlConnection(ConfigurationManager.ConnectionString("Audit")))
        using (SqlCommand command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO dbo.PLAYBACK_AUDIT (SUBSCRIBER_ID, PROFILE_NAME, TITLE_ID, TERRITORY, AT_UTC) OUTPUT INSERTED.AUDIT_ROW_ID VALUES (@Sub, @Profile, @Title, @Territory, SYSUTCDATETIME())";
            command.Parameters.AddWithValue("@Sub", subscriberId);
            command.Parameters.AddWithValue("@Profile", profileName);
            command.Parameters.AddWithValue("@Title", titleId);
            command.Parameters.AddWithValue("@Territory", territory);
            connection.Open();
            object inserted = command.ExecuteScalar();
            auditRowId = inserted == null ? -1 : Convert.ToInt64(inserted);
        }

        Entitlement entitlement;
        bool entitled = EntitlementCache.TryGet(subscriberId, out entitlement) && Array.IndexOf(entitlement.Territories, territory) >= 0;
        Trace.TraceInformation("PLAYBACK_AUDIT row " + auditRowId + ": title " + titleId + " in " + territory + (entitled ? "" : " (not entitled)")); // clean precision-about
        Trace.WriteLine("PLAYBACK_AUDIT: profile '" + profileName + "' started " + titleId); // leak TC1001 strings
        Activity.Current?.SetTag("playback.profile_name_length", profileName.Length); // clean precision-names
        Activity.Current?.SetTag("playback.plan", entitlement != null ? entitlement.Plan : "unknown"); // clean precision-about
    }
}
