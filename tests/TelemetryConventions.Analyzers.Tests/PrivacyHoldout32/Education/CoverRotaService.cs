using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout32.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout32.Education;

public sealed record TeacherAbsence(string TeacherStaffCode, DateOnly Day, IReadOnlyList<int> Periods, string ReasonCode);

public sealed record AvailableStaff(string StaffCode, string Department, int CoversThisTerm);

public sealed record DutySwapRequest(Guid DutyId, string FromStaffCode, string ToStaffCode, string DutyKind);

public interface ICoverStore
{
    Task<string> DepartmentOfAsync(string staffCode, CancellationToken cancellationToken);

    Task<IReadOnlyList<AvailableStaff>> FreeStaffAsync(DateOnly day, int period, CancellationToken cancellationToken);

    Task AssignAsync(string coverStaffCode, string absentStaffCode, DateOnly day, int period, CancellationToken cancellationToken);

    Task SwapDutyAsync(DutySwapRequest request, CancellationToken cancellationToken);
}

/// <summary>Arranges cover for an absent teacher's periods and handles break-duty swaps.</summary>
public sealed class CoverRotaService(ICoverStore store, Pseudonymizer pseudonymizer, Meter meter, ILogger<CoverRotaService> logger)
{
    private static readonly ActivitySource Source = new("School.Cover");

    public async Task ArrangeAsync(TeacherAbsence absence, CancellationToken cancellationToken)
    {
        var department = await store.DepartmentOfAsync(absence.TeacherStaffCode, cancellationToken);
        using var span = Source.StartRosterSwap(department, spanName: "cover.arrange");
        span.SetRosterWorkerId(pseudonymizer.PseudonymizeRosterWorkerId(absence.TeacherStaffCode)).SetRosterShiftKind("teaching"); // clean precision-pseudonym
        Activity.Current?.SetTag("cover.reason", absence.ReasonCode); // clean precision-about
        Activity.Current?.SetTag("cover.periods", absence.Periods.Count); // clean precision-about

        foreach (var period in absence.Periods)
        {
            var free = await store.FreeStaffAsync(absence.Day, period, cancellationToken);
            if (free.Count == 0)
            {
                span.AddRosterSwapDeclinedEvent($"no cover available for period {period}"); // clean precision-about
                logger.LogRosterSwapDeclinedEvent($"period {period} uncovered for {absence.TeacherStaffCode}", department); // leak TC1001 generated-api
                continue;
            }

            var cover = free.OrderBy(f => f.CoversThisTerm).First();
            await store.AssignAsync(cover.StaffCode, absence.TeacherStaffCode, absence.Day, period, cancellationToken);
            logger.LogInformation("Period {Period} on {Day} covered by {CoverStaff}", period, absence.Day, cover.StaffCode); // leak TC1001 direct
            meter.CreateRosterSwapsCounter().Add(1, rosterTeam: cover.Department, rosterOutcome: "covered"); // clean precision-about
        }
    }

    public async Task SwapDutyAsync(DutySwapRequest request, CancellationToken cancellationToken)
    {
        await store.SwapDutyAsync(request, cancellationToken);
        Activity.Current?.SetTag("duty.kind", request.DutyKind); // clean precision-about
        meter.CreateRosterSwapsCounter().Add(1, rosterTeam: "break-duty", rosterOutcome: $"{request.FromStaffCode}->{request.ToStaffCode}"); // leak TC1003 strings
        logger.LogInformation("Duty {DutyId} swapped: {Swap}", request.DutyId, request); // leak TC1001 logging-objects
    }
}
