namespace PrivacyHoldout164.Healthcare;

public sealed record MitigatingCircumstancesClaim(Guid ClaimId, string StudentNumber, string ModuleCode, string Condition, string GpName, DateOnly From, DateOnly To);

/// <summary>Checks the medical evidence students send with a mitigating circumstances claim before an exam board.</summary>
public sealed class MedicalEvidenceHandler(
    IStudentRecords records,
    ISupportCases cases,
    Pseudonymizer pseudonymizer,
    ILogger<MedicalEvidenceHandler> logger)
{
    private static readonly ActivitySource Source = new("Campus.Health.Evidence");
    private static readonly Meter Meter = new("Campus.Health.Evidence");
    private static readonly Counter<long> Claims = Meter.CreateCounter<long>("evidence.claims");
    private readonly UnihealthDurationHistogram _duration = Meter.CreateUnihealthDurationHistogram();

    public async Task<bool> HandleAsync(MitigatingCircumstancesClaim claim, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartUnihealthOperation("practice-main-campus");
        span.SetUnihealthProgramme(claim.ModuleCode); // clean generated-api
        span.SetUnihealthItemCount((claim.To.DayNumber - claim.From.DayNumber) + 1); // clean generated-api
        span.SetUnihealthNote($"Claim for {claim.StudentNumber} on {claim.ModuleCode}"); // leak TC1001 generated-api
        span.SetUnihealthStaffId(pseudonymizer.PseudonymizeUnihealthStaffId(claim.GpName)); // clean precision-pseudonym

        var label = "claim:" + claim.ClaimId.ToString("N");
        Activity.Current?.SetTag("evidence.claim", label); // clean strings
        var who = string.Format(CultureInfo.InvariantCulture, "{0} ({1})", claim.GpName, claim.ModuleCode);
        Activity.Current?.SetTag("evidence.signed_by", who); // leak TC1001 strings
        Activity.Current?.SetTag("evidence.condition", claim.Condition); // leak TC1001 direct

        var student = await records.FindAsync(claim.StudentNumber, cancellationToken);
        if (student is null)
        {
            var ex = new StudentNotFoundException(claim.StudentNumber);
            span.RecordException(ex); // clean exceptions
            logger.LogWarning(ex, "Claim {ClaimId} rejected", claim.ClaimId); // leak TC1001 exceptions
            logger.LogUnihealthOperationFailedEvent("practice-main-campus", "no-student", pseudonymizer.PseudonymizeUnihealthStudentId(claim.StudentNumber), ex.Message); // leak TC1001 generated-api
            return false;
        }

        var plan = await cases.PlanAsync(claim.StudentNumber, cancellationToken);
        var summary = new StringBuilder().Append(student.FullName).Append(" / ").Append(claim.ModuleCode).ToString();
        logger.LogInformation("Evidence accepted: {Summary}", summary); // leak TC1001 strings
        logger.LogInformation("Evidence accepted for module {Module}, {Days} days, plan on file {HasPlan}", claim.ModuleCode, claim.To.DayNumber - claim.From.DayNumber, plan is not null); // clean precision-about
        Claims.Add(1, new KeyValuePair<string, object?>("module", claim.ModuleCode), new KeyValuePair<string, object?>("student", claim.StudentNumber)); // leak TC1003 direct
        Claims.Add(1, new KeyValuePair<string, object?>("module", claim.ModuleCode)); // clean direct
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "practice-main-campus"); // clean generated-api
        return true;
    }
}
