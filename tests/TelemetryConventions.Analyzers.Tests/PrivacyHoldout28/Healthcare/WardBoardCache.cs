#nullable disable
using System;
using System.Collections;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using PrivacyHoldout28.Support.Common;
using PrivacyHoldout28.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout28.Healthcare;

/// <summary>
/// The ward whiteboard: which patients are on which ward, refreshed from PAS every five minutes.
/// A singleton since the days of the ASMX front end.
/// </summary>
public sealed class WardBoardCache
{
    private static readonly WardBoardCache _instance = new WardBoardCache();
    private static readonly ActivitySource Source = new ActivitySource("Contoso.Pas.WardBoard");

    // ward code -> ArrayList of hospital numbers
    private readonly Hashtable _boards = Hashtable.Synchronized(new Hashtable());
    private readonly Timer _timer;
    private byte[] _shardKey;

    private WardBoardCache()
    {
        _timer = new Timer(Refresh, "scheduled", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
    }

    public static WardBoardCache Instance
    {
        get { return _instance; }
    }

    /// <summary>Called by the host at start-up with the shard key from the secret store.</summary>
    public void Configure(byte[] shardKey)
    {
        _shardKey = shardKey;
    }

    public void Add(string wardCode, string hospitalNumber)
    {
        lock (_boards.SyncRoot)
        {
            ArrayList occupants = (ArrayList)_boards[wardCode];
            if (occupants == null)
            {
                occupants = new ArrayList();
                _boards[wardCode] = occupants;
            }

            if (!occupants.Contains(hospitalNumber))
            {
                occupants.Add(hospitalNumber);
            }
        }
    }

    public void LogBoard(string wardCode)
    {
        ArrayList occupants = (ArrayList)_boards[wardCode];
        if (occupants == null)
        {
            return;
        }

        Log.Debug("Ward " + wardCode + " board: " + string.Join(",", occupants.ToArray())); // leak TC1001 logging-objects
    }

    public void Transfer(string hospitalNumber, string fromWard, string toWard)
    {
        using (Activity activity = Source.StartActivity("WardBoard Transfer"))
        {
            ((ArrayList)_boards[fromWard])?.Remove(hospitalNumber);
            Add(toWard, hospitalNumber);
            activity?.SetTag("ward.from", fromWard);
            activity?.SetTag("ward.to", toWard);
            activity?.SetTag("ward.patient.shard", ShardOf(hospitalNumber)); // clean hashes
            activity?.SetTag("ward.patient.bucket", hospitalNumber.GetHashCode() & 0x3F); // leak TC1002 hashes
            activity?.AddLegacyAuditWrittenEvent("ward transfer " + fromWard + " -> " + toWard, PasConfiguration.Pseudonymizer.PseudonymizeLegacySubjectId(hospitalNumber)); // clean generated-api
        }
    }

    private void Refresh(object state)
    {
        string reason = (string)state;
        Stopwatch watch = Stopwatch.StartNew();
        int occupied = 0;
        foreach (DictionaryEntry entry in _boards)
        {
            ArrayList occupants = (ArrayList)entry.Value;
            occupied += occupants.Count;
            Log.Debug("Ward " + entry.Key + ": " + occupants.Count + " patient(s)"); // clean precision-about
        }

        Log.Info(String.Format("Ward board refresh ({0}) finished in {1} ms, {2} bed(s) occupied", reason, watch.ElapsedMilliseconds, occupied));
    }

    private int ShardOf(string hospitalNumber)
    {
        using (HMACSHA256 hmac = new HMACSHA256(_shardKey))
        {
            byte[] mac = hmac.ComputeHash(Encoding.UTF8.GetBytes(hospitalNumber));
            return mac[0] % 16;
        }
    }
}
