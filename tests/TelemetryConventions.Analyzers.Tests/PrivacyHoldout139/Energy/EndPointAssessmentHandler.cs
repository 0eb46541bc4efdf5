namespace PrivacyHoldout139.Energy;

public sealed record GatewayDeclaration(string Uln, string ApprenticeName, string Standard, string EmployerRef, bool EnglishAndMathsMet, string SignedOffByStaffNumber);

/// <summary>
/// Puts apprentices through the end-point assessment gateway: checks the declaration, enters them with the
/// assessment organisation and records the grade.
/// </summary>
public sealed class EndPointAssessmentHandler(
    IAwardingBodyGateway assessmentOrganisation,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<EndPointAssessmentHandler> logger)
{
    private static readonly ActivitySource Source = new("Grid.Academy.Epa");
    private static readonly Meter Meter = new("Grid.Academy.Epa");

    public async Task EnterAsync(GatewayDeclaration declaration, string centreNumber, CancellationToken ct)
    {
        using var span = Source.StartStemvisitsOperation("academy-nottingham")
            .SetStemvisitsLearnerId(pseudonymizer.PseudonymizeStemvisitsLearnerId(declaration.Uln)); // clean generated-api
        span.Activity?.SetTag("epa.standard", declaration.Standard); // clean precision-names
        span.Activity?.SetTag("epa.english_maths_met", declaration.EnglishAndMathsMet); // clean precision-about
        span.Activity?.SetTag("epa.signed_off_by", declaration.SignedOffByStaffNumber); // leak TC1001 direct
        logger.LogInformation("Gateway declaration {Declaration}", declaration); // leak TC1001 logging-objects

        var entry = new ExamEntry(declaration.Uln, declaration.Uln, centreNumber, "EPA-2025", declaration.Standard, "-", null);
        try
        {
            var batch = await assessmentOrganisation.SubmitEntriesAsync(centreNumber, [entry], ct);
            logger.LogInformation("EPA entry {BatchId} for standard {Standard}", batch.BatchId, declaration.Standard); // clean precision-names
            Meter.CreateStemvisitsBookingsCounter().Add(1, "academy-nottingham", stemvisitsOutcome: "epa-entered"); // clean generated-api
        }
        catch (EntryRejectedException ex)
        {
            logger.LogWarning("EPA entry rejected: {Reason}", ex.Reason); // clean exceptions
            logger.LogWarning("EPA entry rejected: {Message}", ex.Message); // leak TC1001 exceptions
            Meter.CreateStemvisitsBookingsCounter().Add(1, "academy-nottingham", stemvisitsOutcome: $"rejected:{declaration.Uln}"); // leak TC1003 generated-api
        }
    }

    public void RecordGrade(GatewayDeclaration declaration, string grade)
    {
        using var span = Source.StartStemvisitsOperation("academy-nottingham");
        span.SetStemvisitsOutcome(grade); // clean precision-about
        var bucket = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(declaration.Uln)))[..8];
        span.Activity?.SetTag("epa.learner.bucket", bucket); // leak TC1002 hashes
        var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(declaration.Uln)))[..8];
        span.Activity?.SetTag("epa.learner.keyed_bucket", keyed); // clean hashes
        span.Activity?.SetTag(StemvisitsAttributes.Contact, pseudonymizer.ComputeStemvisitsLearnerId(declaration.Uln)); // leak TC1001 precision-pseudonym
        logger.LogInformation("{Name} passed the {Standard} end-point assessment with {Grade}", declaration.ApprenticeName, declaration.Standard, grade); // leak TC1001 direct
    }
}
