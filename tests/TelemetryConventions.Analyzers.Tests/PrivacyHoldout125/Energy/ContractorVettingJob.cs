namespace PrivacyHoldout125.Energy;

/// <summary>
/// Field engineers and contractors on the network need the Baseline Personnel Security Standard
/// before a start date: identity, right to work, employment history and a basic criminal record
/// check, ordered from the screening provider and polled until complete.
/// </summary>
public sealed class ContractorVettingJob(
    IScreeningClient screening,
    Pseudonymizer pseudonymizer,
    ILogger<ContractorVettingJob> logger)
{
    private static readonly ActivitySource Source = new("Grid.Careers.Vetting");
    private static readonly Meter Meter = new("Grid.Careers.Vetting");
    private static readonly GridjobsCheckDurationHistogram Duration = Meter.CreateGridjobsCheckDurationHistogram();

    public sealed record VettingCase(long CandidateId, string Agency, string GivenName, string FamilyName, DateOnly DateOfBirth, string Email, string ShareCode, string Site);

    public async Task<string> RunAsync(VettingCase vetting, CancellationToken cancellationToken)
    {
        using var span = Source.StartGridjobsCheck("bpss");
        span.SetGridjobsCandidateId(pseudonymizer.PseudonymizeGridjobsCandidateId(vetting.CandidateId)); // clean precision-pseudonym
        span.Activity?.SetTag("gridjobs.site", vetting.Site); // clean precision-names
        span.Activity?.SetTag("gridjobs.agency", vetting.Agency); // clean precision-names
        span.Activity?.SetTag("gridjobs.share_code.route", vetting.ShareCode[..1]); // clean precision-about
        span.Activity?.SetTag("gridjobs.share_code", vetting.ShareCode); // leak TC1001 direct
        logger.LogInformation("Vetting {Name} for {Site}", $"{vetting.GivenName} {vetting.FamilyName}", vetting.Site); // leak TC1001 strings
        logger.LogDebug("Vetting case {Case}", vetting); // leak TC1001 logging-objects

        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await screening.OrderAsync(new ScreeningOrder("bpss", vetting.GivenName, vetting.FamilyName, vetting.DateOfBirth, vetting.Email, null), cancellationToken);
            span.SetGridjobsOutcome(result.Adjudication); // clean generated-api
            span.Activity?.SetTag("gridjobs.screening.reference", result.CheckReference); // clean precision-names
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "bpss", result.Status); // clean generated-api
            var followUp = $"{vetting.ShareCode}:{vetting.DateOfBirth:yyyyMMdd}";
            span.SetGridjobsNote($"follow-up {followUp}"); // leak TC1001 generated-api
            return result.CheckReference;
        }
        catch (ScreeningProviderException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "BPSS order failed ({Code})", ex.Code); // clean exceptions
            var digest = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(vetting.Email)));
            logger.LogWarning("Vetting failed for contractor {ContractorKey}", digest); // leak TC1002 hashes
            throw;
        }
    }
}
