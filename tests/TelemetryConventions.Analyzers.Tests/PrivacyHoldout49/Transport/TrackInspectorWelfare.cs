using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout49.Support;
using PrivacyHoldout49.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout49.Transport;

public sealed record InspectorCheckIn(string InspectorStaffNumber, string InspectorName, string Section, string AssetId, string Status, GeoPoint Fix, string? Defect);

/// <summary>Track inspectors walk sections alone; each check-in records the asset inspected and that they are safe.</summary>
public sealed partial class TrackInspectorWelfare(ILogger<TrackInspectorWelfare> logger, Pseudonymizer pseudonymizer, IClock clock, Meter meter)
{
    private static readonly ActivitySource Source = new("Rail.TrackInspection");
    private readonly Dictionary<string, DateTimeOffset> _lastSeen = new();
    private readonly Counter<long> _checkIns = meter.CreateCounter<long>("track.inspector.checkins");

    public void OnCheckIn(InspectorCheckIn checkIn)
    {
        _lastSeen[checkIn.InspectorStaffNumber] = clock.UtcNow;
        using var activity = Source.StartActivity("track.checkin");
        activity?.SetTag("track.section", checkIn.Section); // clean precision-names
        activity?.SetTag("track.asset.id", checkIn.AssetId); // clean precision-names
        activity?.SetTag("track.inspector.position", checkIn.Fix.ToString()); // leak TC1001 direct
        activity?.SetTag("track.defect", checkIn.Defect); // clean precision-names
        activity?.SetTag("track.inspector", checkIn.InspectorName); // leak TC1001 direct
        activity?.AddBaggage("track.inspector_ref", pseudonymizer.ComputeFieldWorkerId(checkIn.InspectorStaffNumber)); // clean precision-pseudonym
        _checkIns.Add(1, new KeyValuePair<string, object?>("section", checkIn.Section), new KeyValuePair<string, object?>("status", checkIn.Status)); // clean precision-names
        LogCheckIn(logger, checkIn.InspectorStaffNumber, checkIn.Section, checkIn.Status); // clean direct
    }

    public void SweepOverdue()
    {
        var overdue = _lastSeen.Where(kv => clock.UtcNow - kv.Value > TimeSpan.FromMinutes(45)).ToList();
        logger.LogWarning("{Count} inspectors overdue", overdue.Count); // clean precision-about
        logger.LogDebug("Inspectors on track: {Inspectors}", string.Join(",", _lastSeen.Keys)); // leak TC1001 logging-objects
        foreach (var (staffNumber, lastSeen) in overdue)
        {
            var minutes = (int)(clock.UtcNow - lastSeen).TotalMinutes;
            logger.LogFieldWelfareMissedEvent(pseudonymizer.PseudonymizeFieldWorkerId(staffNumber), fieldWelfareOverdue: minutes); // clean generated-api
            logger.LogWarning("Inspector {StaffNumber} overdue by {Minutes} min", staffNumber, minutes); // leak TC1001 direct
            Activity.Current?.AddEvent(new ActivityEvent($"overdue:{staffNumber}")); // leak TC1001 strings
        }
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Inspector {StaffNumber} checked in on {Section}: {Status}")]
    private static partial void LogCheckIn(ILogger logger, [PrivateData] string staffNumber, string section, string status);
}
