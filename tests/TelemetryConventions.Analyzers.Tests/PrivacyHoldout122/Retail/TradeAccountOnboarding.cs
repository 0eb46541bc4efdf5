namespace PrivacyHoldout122.Retail;

public sealed record TradeAccountApplication(Guid ApplicationId, string CompanyName, string CompanyNumber, string DirectorName, string DirectorEmail, string DirectorPhone, DateOnly DirectorDateOfBirth, string TradeCategory, decimal RequestedCredit);

/// <summary>
/// Trade accounts with credit: the company at Companies House, the director's identity and a proof of
/// the trading address; anything the vendor cannot clear goes to the credit team.
/// </summary>
public sealed class TradeAccountOnboarding(
    IVeriDocClient veriDoc,
    Pseudonymizer pseudonymizer,
    VerificationOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<TradeAccountOnboarding> logger)
{
    public async Task<string> OnboardAsync(TradeAccountApplication application, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("trade.onboarding");
        activity?.SetTag("trade.application", application.ApplicationId); // clean precision-names
        activity?.SetTag("trade.company_number", application.CompanyNumber); // clean precision-names
        activity?.SetTag("trade.category", application.TradeCategory); // clean precision-names
        activity?.SetTag("trade.requested_credit", application.RequestedCredit); // clean precision-about
        activity?.SetTag("trade.director", application.DirectorName); // leak TC1001 direct
        activity?.SetTag("trade.director_phone", application.DirectorPhone); // leak TC1001 direct
        logger.LogInformation("Trade application {Application}", application); // leak TC1001 logging-objects

        var directorRef = $"{application.CompanyNumber}:{application.DirectorEmail}";
        var applicant = await veriDoc.CreateApplicantAsync(new ApplicantRequest(application.DirectorName, string.Empty, application.DirectorEmail, application.DirectorDateOfBirth, directorRef), cancellationToken);
        activity?.SetTag("trade.director_ref", directorRef); // leak TC1001 strings
        activity?.SetTag("trade.director_ref_digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(directorRef)))[..16]); // leak TC1002 hashes

        var check = await veriDoc.CreateCheckAsync(new CheckRequest(applicant.Id, new[] { "document", "proof_of_address" }) { Tags = new[] { "trade", application.TradeCategory } }, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartShopperidvVerify(check.Id, options.Vendor).SetShopperidvOutcome("started"); // clean generated-api
        span.SetShopperidvCustomerId(pseudonymizer.PseudonymizeShopperidvCustomerId(application.DirectorEmail)); // clean generated-api
        span.SetShopperidvNote($"trade {application.TradeCategory}, credit {application.RequestedCredit:0}"); // clean generated-api
        logger.LogInformation("Check {CheckId} created for company {Company}", check.Id, application.CompanyName); // clean precision-names
        meter.CreateShopperidvCheckDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, options.Vendor, "started"); // clean generated-api
        return check.Id;
    }
}
