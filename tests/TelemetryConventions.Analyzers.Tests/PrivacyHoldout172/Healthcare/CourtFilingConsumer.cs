namespace PrivacyHoldout172.Healthcare;

/// <summary>
/// Consumes the panel firm's "ready to file" messages (keyed by case number) and files the trust's defence through
/// the court's e-filing portal.
/// </summary>
public sealed class CourtFilingConsumer(
    IConsumer<string, FilingSubmission> consumer,
    IEfilingPortal portal,
    ILogger<CourtFilingConsumer> logger,
    Pseudonymizer pseudonymizer,
    LegalOptions options)
{
    private static readonly ActivitySource Source = new("Trust.Legal.Filing");
    private static readonly Meter Meter = new("Trust.Legal.Filing");
    private static readonly Histogram<int> Documents = Meter.CreateHistogram<int>("trust.legal.filing.documents");

    public async Task PumpAsync(CancellationToken cancellationToken)
    {
        var result = consumer.Consume(cancellationToken);
        if (result is null)
        {
            return;
        }

        var submission = result.Message.Value;
        using var activity = Source.StartActivity("FileDefence", ActivityKind.Consumer);
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean direct
        activity?.SetTag("legal.court", submission.Court); // clean precision-about
        activity?.SetTag("legal.documents", submission.DocumentCount); // clean precision-about
        activity?.SetTag("legal.claimant", submission.ClaimantName); // leak TC1001 direct
        Documents.Record(submission.DocumentCount, new KeyValuePair<string, object?>("court", submission.Court)); // clean precision-about

        var claimantKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(submission.ClaimantName)))[..16];
        activity?.SetTag("legal.claimant.key", claimantKey); // leak TC1002 hashes
        using var hmac = new HMACSHA256(options.ShardKey);
        var lane = hmac.ComputeHash(Encoding.UTF8.GetBytes(submission.ClaimantName))[0] % 8;
        activity?.SetTag("legal.filing.lane", lane); // clean hashes

        try
        {
            var receipt = await portal.SubmitAsync(submission, cancellationToken);
            logger.LogInformation("Filed {Receipt}", receipt); // clean logging-objects
            logger.LogInformation("Filed defence against {Defendant} at {Court}", submission.DefendantName, submission.Court); // leak TC1001 direct
        }
        catch (PartyNameMismatchException ex)
        {
            logger.LogError(ex, "Court record mismatch on case {CaseNumber}", submission.CaseNumber); // leak TC1001 exceptions
            activity?.AddEvent(new ActivityEvent("filing.rejected", tags: new ActivityTagsCollection { ["case"] = submission.CaseNumber, ["reason"] = "party_name" })); // clean exceptions
        }
        catch (FilingRejectedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            activity?.AddException(ex); // clean exceptions
        }

        var claimant = pseudonymizer.Pseudonymize("claimant", submission.ClaimantName);
        activity?.SetBaggage("legal.claimant", claimant.Value); // clean precision-pseudonym
        activity?.SetBaggage("legal.case_number", submission.CaseNumber); // clean precision-names
        Activity.Current?.AddBaggage("legal.defendant.address", submission.DefendantAddress); // leak TC1001 direct
        consumer.Commit(result);
    }
}
