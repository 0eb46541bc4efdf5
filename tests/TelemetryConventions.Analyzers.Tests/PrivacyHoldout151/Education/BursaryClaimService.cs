namespace PrivacyHoldout151.Education;

/// <summary>A sixth form college's 16 to 19 bursary: vulnerable-group claims (care leavers, students on Universal Credit) paid fortnightly.</summary>
public sealed class BursaryClaimService(
    IBenefitsGateway benefits,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<BursaryClaimService> logger)
{
    private readonly Counter<decimal> _paid = meter.CreateCounter<decimal>("bursary.paid", "GBP");

    public string? LastStudentNumber { get; private set; }

    public async Task<bool> PayAsync(BursaryClaim claim, string studentNino, CancellationToken cancellationToken)
    {
        using var span = source.StartFreemealsOperation("sixth-form");
        LastStudentNumber = claim.StudentNumber;
        span.SetFreemealsNote($"Bursary claim {claim.ClaimId} in {claim.Category}"); // clean generated-api
        Activity.Current?.SetTag("bursary.claim.id", claim.ClaimId); // clean precision-names
        Activity.Current?.SetTag("bursary.student", claim.StudentNumber); // leak TC1001 direct
        Activity.Current?.SetTag("bursary.student.bucket", BitConverter.ToUInt16(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(claim.StudentNumber)), 0) % 64); // clean hashes
        Activity.Current?.SetTag("bursary.student.hash", claim.StudentNumber.GetHashCode() & 0xFFFF); // leak TC1002 hashes
        Activity.Current?.SetTag("bursary.nino.prefix", studentNino[..2]); // clean precision-about

        var check = await benefits.CheckAsync(studentNino, DateOnly.MinValue, string.Empty, cancellationToken);
        Activity.Current?.SetTag("bursary.in_payment", check.InPayment); // clean precision-about
        if (!check.InPayment)
        {
            logger.LogInformation("Student {StudentNumber} no longer on {Benefit}", claim.StudentNumber, check.Benefit); // leak TC1001 direct
            logger.LogInformation("Claim {ClaimId}: {Benefit} not in payment, period ended {PeriodEnd}", claim.ClaimId, check.Benefit, check.PeriodEnd); // clean precision-names
            return false;
        }

        _paid.Add(claim.Amount, new KeyValuePair<string, object?>("category", claim.Category)); // clean precision-about
        _paid.Add(claim.Amount, new KeyValuePair<string, object?>("student", claim.StudentNumber)); // leak TC1003 direct
        logger.LogInformation("Paid bursary {@Claim}", claim); // leak TC1001 logging-objects
        logger.LogInformation("Paid bursary {@Claim}", new { claim.ClaimId, claim.Amount, claim.Category }); // clean logging-objects
        logger.LogInformation("Paid bursary to student {Student}", pseudonymizer.ComputeFreemealsPupilId(claim.StudentNumber)); // clean precision-pseudonym
        return true;
    }

    public void Audit()
    {
        logger.LogDebug("Last bursary paid to {StudentNumber}", LastStudentNumber); // leak TC1001 cross-member
    }

    public void OnFundExhausted(BursaryFundExhaustedException ex)
    {
        logger.LogWarning(ex, "Bursary fund exhausted"); // clean exceptions
        Activity.Current?.AddException(ex); // clean exceptions
    }
}
