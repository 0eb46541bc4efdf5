namespace PrivacyHoldout145.Education;

/// <summary>A guardian as the school's MIS holds them.</summary>
public sealed record Guardian(string GuardianAccountId, string Name, string Email, string? Mobile, string Relationship);

/// <summary>
/// Chases tablets that are overdue: emails the guardian, and after three weeks suspends the tablet's SIM and
/// hands the case to the school office. Runs nightly per school.
/// </summary>
public sealed class OverdueTabletService(
    ITabletRegister register,
    ISchoolNetworkAccount account,
    Func<string, Guardian?> guardianOfStudent,
    Pseudonymizer pseudonymizer,
    ILogger<OverdueTabletService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Trust.Tablets.Overdue");

    private readonly Counter<long> _chased = meter.CreateCounter<long>("tablets.overdue.chased", "{loan}");
    private readonly UpDownCounter<long> _outstanding = meter.CreateUpDownCounter<long>("tablets.overdue.outstanding", "{loan}");

    private readonly Dictionary<string, string> _officeCases = new();

    public async Task RunAsync(string school, CancellationToken ct)
    {
        using var span = Source.StartSchoolsimOperation(school, "tablets.overdue");
        var overdue = await register.OverdueAsync(school, ct);
        _outstanding.Add(overdue.Count, new KeyValuePair<string, object?>("school", school)); // clean precision-about
        logger.LogInformation("{Count} tablets overdue at {School}: {AssetTags}", overdue.Count, school, string.Join(",", overdue.Select(l => l.AssetTag))); // clean precision-names
        logger.LogDebug("Overdue loans at {School}: {Loans}", school, overdue); // leak TC1001 logging-objects

        foreach (var loan in overdue)
        {
            var weeksLate = (DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - loan.DueBack.DayNumber) / 7;
            var guardian = guardianOfStudent(loan.StudentNumber);
            if (guardian is null)
            {
                var notFound = new LoanNotFoundException(loan.StudentNumber);
                logger.LogOperationFailed(school, notFound.Message); // leak TC1001 exceptions
                span.SetSchoolsimOutcome(notFound.GetType().Name); // clean exceptions
                continue;
            }

            span.SetSchoolsimGuardianId(pseudonymizer.PseudonymizeSchoolsimGuardianId(guardian.GuardianAccountId)); // clean precision-pseudonym
            Activity.Current?.SetTag("tablets.guardian.has_mobile", guardian.Mobile is not null); // clean precision-about
            await account.EmailGuardianAsync(guardian.Email, weeksLate >= 3 ? "tpl-tablet-final" : "tpl-tablet-reminder", ct);
            logger.LogInformation("Reminder sent to {Guardian} for tablet {AssetTag}", guardian.Name, loan.AssetTag); // leak TC1001 direct
            _chased.Add(1, new KeyValuePair<string, object?>("school", school), new KeyValuePair<string, object?>("weeks.late", Math.Min(weeksLate, 4))); // clean precision-about

            if (weeksLate >= 3)
            {
                var tablet = await register.FindAsync(loan.AssetTag, ct);
                if (tablet is not null)
                {
                    await account.SuspendSimAsync(tablet.Iccid, ct);
                }

                _officeCases[loan.AssetTag] = loan.PupilName;
                var note = DescribeCase(loan, weeksLate);
                logger.LogSchoolsimOperationFailedEvent(school, "handed-to-office", pseudonymizer.PseudonymizeSchoolsimPupilId(loan.StudentNumber), note); // leak TC1001 generated-api
                logger.LogSchoolsimOperationFailedEvent(school, "handed-to-office", pseudonymizer.PseudonymizeSchoolsimPupilId(loan.StudentNumber), $"{weeksLate} weeks late, SIM suspended"); // clean generated-api
                Activity.Current?.AddEvent(new ActivityEvent("tablets.case.opened", tags: new ActivityTagsCollection { ["asset.tag"] = loan.AssetTag, ["weeks.late"] = weeksLate })); // clean precision-names
            }
        }
    }

    public void ReportOfficeCases()
    {
        logger.LogInformation("Office cases: {Tablets}", _officeCases.Keys.ToArray()); // clean cross-member
        logger.LogInformation("Office cases by tablet: {Cases}", _officeCases); // leak TC1001 cross-member
        var summary = new StringBuilder();
        foreach (var (assetTag, pupil) in _officeCases)
        {
            summary.Append(assetTag).Append(" with ").Append(pupil).Append("; ");
        }

        logger.LogInformation("Office cases: {Summary}", summary.ToString()); // leak TC1001 strings
        foreach (var pupil in _officeCases.Values)
        {
            Activity.Current?.AddEvent(new ActivityEvent("tablets.case.pupil", tags: new ActivityTagsCollection { ["pupil.name"] = pupil })); // leak TC1001 cross-member
        }
    }

    private static string DescribeCase(TabletLoan loan, int weeksLate) =>
        $"{loan.PupilName} ({loan.StudentNumber}) has had {loan.AssetTag} {weeksLate} weeks past {loan.DueBack:yyyy-MM-dd}";
}

internal static class OverdueLogging
{
    public static void LogOperationFailed(this ILogger logger, string school, string reason) =>
        logger.LogWarning("Overdue chase failed at {School}: {Reason}", school, reason);
}
