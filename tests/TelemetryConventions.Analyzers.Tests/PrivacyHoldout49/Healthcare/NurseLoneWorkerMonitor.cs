using System;
using System.Collections.Concurrent;
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

namespace PrivacyHoldout49.Healthcare;

public sealed record NurseShift(string ShiftId, string StaffNumber, string NurseName, string MobileNumber, string Team, DateTimeOffset NextCheckInDue);

public sealed record WelfarePing(string ShiftId, string StaffNumber, GeoPoint LastFix, bool Panic, string? Note);

/// <summary>Lone-worker safety for community nurses: each nurse confirms they are safe every hour.</summary>
public sealed class NurseLoneWorkerMonitor(
    ISmsSender sms,
    IClock clock,
    ILogger<NurseLoneWorkerMonitor> logger,
    Pseudonymizer pseudonymizer,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Community.LoneWorker");
    private readonly ConcurrentDictionary<string, NurseShift> _onShift = new();
    private readonly Counter<long> _escalations = meter.CreateCounter<long>("loneworker.escalations");

    public void StartShift(NurseShift shift)
    {
        _onShift[shift.ShiftId] = shift;
        Baggage.SetBaggage("loneworker.staff_number", shift.StaffNumber); // leak TC1001 direct
        Baggage.SetBaggage("loneworker.team", shift.Team); // clean precision-names
        logger.LogInformation("Shift {ShiftId} started for team {Team}", shift.ShiftId, shift.Team); // clean precision-names
    }

    public void OnPing(WelfarePing ping)
    {
        using var activity = Source.StartActivity("loneworker.ping");
        activity?.SetTag("loneworker.shift.id", ping.ShiftId); // clean precision-names
        activity?.SetTag("loneworker.panic", ping.Panic); // clean precision-about
        activity?.SetTag("loneworker.nurse", pseudonymizer.ComputeFieldWorkerId(ping.StaffNumber)); // clean precision-pseudonym
        if (ping.Panic)
        {
            activity?.AddEvent(new ActivityEvent("panic", tags: new ActivityTagsCollection { ["loneworker.fix"] = ping.LastFix.ToString() })); // leak TC1001 strings
            logger.LogCritical("PANIC from {StaffNumber} at {Fix}", ping.StaffNumber, ping.LastFix.Rounded(1)); // leak TC1001 direct
        }

        if (!string.IsNullOrEmpty(ping.Note))
        {
            activity?.SetTag("loneworker.note", ping.Note); // leak TC1001 direct
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var overdue = _onShift.Values.Where(s => s.NextCheckInDue < clock.UtcNow).ToList();
            logger.LogInformation("{Count} nurses overdue", overdue.Count); // clean precision-about
            if (overdue.Count > 0)
            {
                logger.LogWarning("Overdue nurses: {Nurses}", string.Join(", ", overdue.Select(s => s.NurseName))); // leak TC1001 strings
            }

            foreach (var shift in overdue)
            {
                await EscalateAsync(shift, stoppingToken);
            }

            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
        }
    }

    private async Task EscalateAsync(NurseShift shift, CancellationToken cancellationToken)
    {
        var minutes = (int)(clock.UtcNow - shift.NextCheckInDue).TotalMinutes;
        var worker = pseudonymizer.PseudonymizeFieldWorkerId(shift.StaffNumber);
        logger.LogFieldWelfareMissedEvent(worker, fieldRegion: shift.Team, fieldWelfareOverdue: minutes); // clean generated-api
        logger.LogFieldWelfareMissedEvent(worker, fieldVisitNote: $"call {shift.MobileNumber}"); // leak TC1001 generated-api
        _escalations.Add(1, new KeyValuePair<string, object?>("loneworker.team", shift.Team)); // clean precision-names
        _escalations.Add(1, new KeyValuePair<string, object?>("loneworker.nurse", worker.Value)); // leak TC1003 precision-pseudonym

        try
        {
            await sms.SendAsync(shift.MobileNumber, "Please confirm you are safe: reply OK.", cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Welfare SMS to {Mobile} failed", shift.MobileNumber); // leak TC1001 direct
            logger.LogError("Welfare SMS for shift {ShiftId} failed: {Error}", shift.ShiftId, ex.GetType().Name); // clean exceptions
        }
    }
}
