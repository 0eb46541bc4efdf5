using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout41.Support;
using PrivacyHoldout41.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout41.Energy;

/// <summary>A field engineer clocking on or off in the field app, with the phone's position.</summary>
public sealed record ClockEvent(string EngineerStaffNumber, string VanRegistration, string Patch, string Kind, double Latitude, double Longitude, DateTimeOffset At);

/// <summary>An out-of-hours call-out an engineer on standby claims as overtime.</summary>
public sealed record CallOutClaim(string ClaimId, string EngineerStaffNumber, string JobId, DateTimeOffset CalledAt, TimeSpan Worked, string DutyManagerStaffNumber);

public interface ITimeStore
{
    Task AppendAsync(ClockEvent clockEvent, CancellationToken cancellationToken);

    Task<TimeSpan> OvertimeThisPeriodAsync(string staffNumber, CancellationToken cancellationToken);

    Task SaveClaimAsync(CallOutClaim claim, bool approved, CancellationToken cancellationToken);
}

internal static class EngineerSpans
{
    public static Activity? TagEngineer(this Activity? activity, string staffNumber) =>
        activity?.SetTag("engineer.staff_number", staffNumber); // leak TC1001 direct

    public static Activity? TagPatch(this Activity? activity, string patch, string vanRegistration) =>
        activity?.SetTag("engineer.patch", patch).SetTag("engineer.van", vanRegistration); // clean precision-names
}

/// <summary>Time and attendance for the metering field force: clocking, and call-out overtime.</summary>
public sealed class EngineerTimeService(ITimeStore store, Pseudonymizer pseudonymizer, ILogger<EngineerTimeService> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Supplier.FieldForce.Time");
    private readonly Counter<long> _clockEvents = meter.CreateCounter<long>("fieldforce.clock.events");
    private readonly Histogram<double> _overtime = meter.CreateHistogram<double>("fieldforce.overtime.hours");

    public async Task ClockAsync(ClockEvent clockEvent, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("fieldforce.clock");
        activity.TagEngineer(clockEvent.EngineerStaffNumber); // leak TC1001 cross-member
        activity.TagPatch(clockEvent.Patch, clockEvent.VanRegistration); // clean cross-member
        activity?.SetTag("engineer.position", $"{clockEvent.Latitude:F5},{clockEvent.Longitude:F5}"); // leak TC1001 strings
        activity?.SetTag("engineer.area", $"{Math.Round(clockEvent.Latitude, 1)},{Math.Round(clockEvent.Longitude, 1)}"); // clean precision-about

        await store.AppendAsync(clockEvent, cancellationToken);
        _clockEvents.Add(1, new KeyValuePair<string, object?>("kind", clockEvent.Kind), new KeyValuePair<string, object?>("patch", clockEvent.Patch)); // clean precision-names
        logger.LogInformation("{Kind} recorded for engineer {EngineerRef} in {Patch}", clockEvent.Kind, pseudonymizer.ComputeWorkforceEmployeeId(clockEvent.EngineerStaffNumber), clockEvent.Patch); // clean precision-pseudonym
    }

    public async Task ApproveCallOutAsync(CallOutClaim claim, CancellationToken cancellationToken)
    {
        using var approval = Source.StartWorkforceApproval(pseudonymizer.PseudonymizeWorkforceEmployeeId(claim.EngineerStaffNumber));
        Activity.Current.TagEngineer(claim.DutyManagerStaffNumber); // leak TC1001 cross-member
        var overtime = await store.OvertimeThisPeriodAsync(claim.EngineerStaffNumber, cancellationToken);
        var approved = overtime + claim.Worked <= TimeSpan.FromHours(40);
        approval.SetWorkforceOutcome(approved ? "approved" : "over-cap"); // clean precision-names
        if (!approved)
        {
            approval.SetWorkforceNote($"{claim.EngineerStaffNumber} over the 40h cap by {(overtime + claim.Worked - TimeSpan.FromHours(40)).TotalHours:F1}h"); // leak TC1001 generated-api
        }

        await store.SaveClaimAsync(claim, approved, cancellationToken);
        _overtime.Record(claim.Worked.TotalHours, new KeyValuePair<string, object?>("job", claim.JobId)); // clean precision-names
        _overtime.Record(claim.Worked.TotalHours, new KeyValuePair<string, object?>("engineer", pseudonymizer.ComputeWorkforceEmployeeId(claim.EngineerStaffNumber))); // leak TC1003 precision-pseudonym
        meter.CreateWorkforceApprovalsCounter().Add(1, "metering", approved ? "approved" : $"over-cap:{claim.EngineerStaffNumber}"); // leak TC1003 generated-api
    }
}
