namespace PrivacyHoldout135.Healthcare;

/// <summary>A staff injury waiting for a RIDDOR decision: needlesticks, moving and handling, assaults.</summary>
public sealed record StaffInjuryCase(string IncidentRef, string StaffNumber, string StaffName, string HomeAddress, string Occupation, string Ward, int DaysOff, bool SharpsInjury, string? SourcePatientHospitalNumber, DateTimeOffset OccurredAt);

public interface IStaffInjuryQueue
{
    Task<IReadOnlyList<StaffInjuryCase>> DueAsync(CancellationToken cancellationToken);
}

/// <summary>Nightly: sends the over-seven-day and sharps returns to the HSE and records what went.</summary>
public sealed class RiddorReturnWorker(
    IStaffInjuryQueue queue,
    IRegulatorGateway hse,
    Pseudonymizer pseudonymizer,
    ILogger<RiddorReturnWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.OccupationalHealth.Riddor");
    private static readonly Meter Meter = new("Trust.OccupationalHealth.Riddor");
    private static readonly Counter<long> Returns = Meter.CreateCounter<long>("riddor.returns", "{return}");
    private static readonly PatsafeReportDurationHistogram Duration = Meter.CreatePatsafeReportDurationHistogram();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var due = await queue.DueAsync(stoppingToken);
        using var run = Source.StartActivity("riddor nightly");
        run?.SetTag("riddor.due.count", due.Count); // clean precision-about
        run?.SetTag("riddor.wards", string.Join(",", due.Select(c => c.Ward).Distinct())); // clean precision-names
        run?.SetTag("riddor.staff.numbers", string.Join(",", due.Select(c => c.StaffNumber))); // leak TC1001 strings

        foreach (var injury in due)
        {
            var started = Stopwatch.GetTimestamp();
            var kind = injury.SharpsInjury && injury.SourcePatientHospitalNumber is not null
                ? RiddorKind.DangerousOccurrence
                : RiddorKind.OverSevenDay;
            using var span = Source.StartPatsafeReport(injury.IncidentRef);
            span.SetPatsafeCategory(kind.ToString()); // clean precision-about
            span.SetPatsafeInjuredCount(1); // clean precision-about
            span.SetPatsafeReporterId(pseudonymizer.PseudonymizePatsafeReporterId(injury.StaffNumber)); // clean precision-pseudonym
            span.Activity?.SetTag("riddor.days.off", injury.DaysOff); // clean precision-about
            span.Activity?.SetTag("riddor.occupation", injury.Occupation); // clean precision-names

            if (injury.SharpsInjury)
            {
                // Occupational health want to see the source patient's exposure on the same trace.
                span.Activity?.SetTag("riddor.sharps.source", injury.SourcePatientHospitalNumber); // leak TC1001 cross-member
                span.Activity?.SetTag("riddor.sharps.source.known", injury.SourcePatientHospitalNumber is not null); // clean precision-about
            }

            var riddor = new RiddorReturn(injury.IncidentRef, kind, injury.StaffName, injury.HomeAddress, injury.Occupation, injury.Ward, injury.OccurredAt);
            try
            {
                var receipt = await hse.SubmitRiddorAsync(riddor, stoppingToken);
                span.SetPatsafeOutcome("submitted"); // clean precision-names
                span.Activity?.SetTag("riddor.regulator.ref", receipt.RegulatorRef); // clean precision-names
                logger.LogInformation("RIDDOR {Kind} for {IncidentRef} accepted as {RegulatorRef}", kind, injury.IncidentRef, receipt.RegulatorRef); // clean precision-names
                Returns.Add(1, new("kind", kind.ToString()), new("ward", injury.Ward)); // clean precision-about
            }
            catch (ReturnRejectedException ex)
            {
                span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogError(ex, "RIDDOR return rejected for {StaffName} at {Address}", injury.StaffName, injury.HomeAddress); // leak TC1001 direct
                logger.LogWarning("Rejected return was {Return}", riddor); // leak TC1001 logging-objects
                Returns.Add(1, new("kind", kind.ToString()), new("staff", injury.StaffNumber)); // leak TC1003 direct
            }

            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, injury.Ward); // clean generated-api
        }
    }
}
