#nullable disable
using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using PrivacyHoldout28.Support.Common;
using PrivacyHoldout28.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout28.Gaming;

public class PlayerReport
{
    public long ReporterAccountId { get; set; }

    public string ReportedGamertag { get; set; }

    public string Category { get; set; }

    public string Comment { get; set; }

    public long MatchId { get; set; }

    public override string ToString()
    {
        return "[" + Category + "] " + ReporterAccountId + " -> " + ReportedGamertag + ": " + Comment;
    }
}

/// <summary>Player reports from the in-game menu; a worker thread drains them into the moderation tool.</summary>
public class PlayerReportQueue
{
    private static readonly Meter ModerationMeter = new Meter("Contoso.Moderation");
    private static readonly Counter<long> ReportsFiled = ModerationMeter.CreateCounter<long>("moderation.reports");
    private static readonly Hashtable _gamertagToAccount = Hashtable.Synchronized(new Hashtable(StringComparer.OrdinalIgnoreCase));

    private readonly Queue _queue = new Queue();
    private readonly Pseudonymizer _pseudonymizer;
    private readonly Thread _worker;

    public PlayerReportQueue(Pseudonymizer pseudonymizer)
    {
        _pseudonymizer = pseudonymizer;
        _worker = new Thread(Drain) { IsBackground = true, Name = "ReportDrain" };
        _worker.Start();
    }

    public static void Remember(string gamertag, long accountId)
    {
        _gamertagToAccount[gamertag] = accountId;
    }

    public static bool TryResolve(string gamertag, out long accountId)
    {
        object value = _gamertagToAccount[gamertag];
        accountId = value == null ? 0 : (long)value;
        return value != null;
    }

    public void Enqueue(PlayerReport report)
    {
        long reportedAccountId;
        if (!TryResolve(report.ReportedGamertag, out reportedAccountId))
        {
            Log.Warn("Report names an unknown gamertag '" + report.ReportedGamertag + "'"); // leak TC1001 strings
            Log.Debug("Unresolved report target (" + report.ReportedGamertag.Length + " chars) from match " + report.MatchId); // clean precision-about
            return;
        }

        string category;
        switch (report.Category)
        {
            case "cheat":
            case "cheating":
                category = "cheating";
                break;
            case "abuse":
            case "chat":
                category = "abuse";
                break;
            default:
                category = "other";
                break;
        }

        Activity activity = Activity.Current;
        activity?.SetTag("moderation.category", category); // clean precision-about
        activity?.SetTag("moderation.comment", report.Comment); // leak TC1001 direct
        activity?.SetTag("moderation.comment_length", report.Comment == null ? 0 : report.Comment.Length); // clean precision-about
        ReportsFiled.Add(1, new KeyValuePair<string, object>("category", category)); // clean precision-about
        ReportsFiled.Add(1, new KeyValuePair<string, object>("category", category), new KeyValuePair<string, object>("reported", _pseudonymizer.ComputeLegacySubjectId(reportedAccountId))); // leak TC1003 precision-pseudonym

        lock (_queue.SyncRoot)
        {
            _queue.Enqueue(report);
            Monitor.Pulse(_queue.SyncRoot);
        }
    }

    private void Drain()
    {
        while (true)
        {
            PlayerReport report;
            lock (_queue.SyncRoot)
            {
                while (_queue.Count == 0)
                {
                    Monitor.Wait(_queue.SyncRoot);
                }

                report = (PlayerReport)_queue.Dequeue();
            }

            Log.Info("Report forwarded to moderation: " + report); // leak TC1001 logging-objects
        }
    }
}
