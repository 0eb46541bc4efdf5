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

namespace PrivacyHoldout32.Energy;

public sealed record ShiftSwapRequest(Guid ShiftId, string FromStaffNumber, string ToStaffNumber, string Patch, string Reason);

public sealed record EngineerShift(Guid Id, string StaffNumber, string Patch, DateOnly Day, string Kind, string VanRegistration);

public interface IRosterStore
{
    Task<EngineerShift> GetAsync(Guid shiftId, CancellationToken cancellationToken);

    Task<bool> HasShiftAsync(string staffNumber, DateOnly day, CancellationToken cancellationToken);

    Task ReassignAsync(EngineerShift shift, string staffNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<EngineerVisit>> DaySheetAsync(string staffNumber, DateOnly day, CancellationToken cancellationToken);
}

/// <summary>Field engineers swap shifts from the workforce app; the visits of the shift follow it.</summary>
public sealed class EngineerShiftSwapHandler(IRosterStore roster, Pseudonymizer pseudonymizer, Meter meter, ILogger<EngineerShiftSwapHandler> logger)
{
    public async Task<bool> HandleAsync(ShiftSwapRequest request, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichRosterSwap(request.Patch).SetRosterWorkerId(pseudonymizer.PseudonymizeRosterWorkerId(request.FromStaffNumber)); // clean precision-pseudonym
        var shift = await roster.GetAsync(request.ShiftId, cancellationToken);
        span.SetRosterShiftKind(shift.Kind);
        Activity.Current?.SetTag("roster.van", shift.VanRegistration); // clean precision-about

        if (await roster.HasShiftAsync(request.ToStaffNumber, shift.Day, cancellationToken))
        {
            span.AddRosterSwapDeclinedEvent($"{request.ToStaffNumber} already rostered on {shift.Day:yyyy-MM-dd}"); // leak TC1001 generated-api
            meter.CreateRosterSwapsCounter().Add(1, rosterTeam: request.Patch, rosterOutcome: "clash"); // clean precision-about
            return false;
        }

        await roster.ReassignAsync(shift, request.ToStaffNumber, cancellationToken);
        span.SetRosterNote(request.Reason); // leak TC1001 generated-api
        logger.LogInformation("Shift {ShiftId} moved to {ToEngineer}", shift.Id, pseudonymizer.ComputeRosterWorkerId(request.ToStaffNumber)); // clean precision-pseudonym
        meter.CreateRosterSwapsCounter().Add(1, rosterTeam: request.Patch, rosterOutcome: "approved"); // clean precision-about

        var visits = await roster.DaySheetAsync(request.ToStaffNumber, shift.Day, cancellationToken);
        Activity.Current?.SetTag("roster.visits_moved", visits.Count); // clean precision-about
        logger.LogDebug("Visits now on the day sheet: {Mpans}", visits.Select(v => v.Mpan).ToList()); // leak TC1001 logging-objects
        Activity.Current?.SetBaggage("field.engineer", request.ToStaffNumber); // leak TC1001 direct
        return true;
    }
}
