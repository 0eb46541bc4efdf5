namespace PrivacyHoldout118.Media;

/// <summary>
/// The preference centre behind the newsletter's footer and the account settings: topics (new releases,
/// offers, surveys), the one-click unsubscribe of the List-Unsubscribe header, and the objection to
/// personalised recommendations.
/// </summary>
[ApiController]
[Route("preferences")]
public sealed class EmailPreferenceController(
    IConsentLedger ledger,
    Pseudonymizer pseudonymizer,
    ILogger<EmailPreferenceController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Streaming.Privacy.Preferences");
    private static readonly Meter Meter = new("Streaming.Privacy.Preferences");
    private static readonly Counter<long> Unsubscribes = Meter.CreateCounter<long>("mddsr.unsubscribes");

    [HttpPost("unsubscribe")]
    public ActionResult Unsubscribe(string token, string list, string email)
    {
        var update = new PreferenceUpdate(email, "email", list, false, "list-unsubscribe");
        Activity.Current?.SetTag("mddsr.list", list); // clean precision-names
        Activity.Current?.SetTag("mddsr.token.length", token.Length); // clean precision-about
        Activity.Current?.SetTag("mddsr.unsubscribe.token", token); // leak TC1001 direct
        Activity.Current?.SetTag(MddsrAttributes.SubjectContact, pseudonymizer.ComputeMddsrSubjectId(email)); // leak TC1001 precision-pseudonym
        logger.LogInformation("Unsubscribed from {List}", list); // clean precision-names
        logger.LogDebug("Unsubscribe for {Email}", email); // leak TC1001 direct
        logger.LogInformation("Preference update {Update}", update); // leak TC1001 logging-objects
        Unsubscribes.Add(1, new KeyValuePair<string, object?>("list", list), new KeyValuePair<string, object?>("source", update.Source)); // clean precision-names
        return Ok();
    }

    [HttpPost("{subscriberId}/recommendations/objection")]
    public async Task<ActionResult> ObjectAsync(string subscriberId, CancellationToken ct)
    {
        var receipt = new ConsentReceipt(Guid.NewGuid(), subscriberId, "recs-3", new[] { new PurposeConsent("personalised-recommendations", false, "legitimate-interest") }, DateTimeOffset.UtcNow, "account-settings");
        await ledger.AppendAsync(receipt, ct);
        using var span = Source.StartMddsrRequest(receipt.ReceiptId.ToString(), "objection");
        var pseudonym = pseudonymizer.PseudonymizeMddsrSubjectId(subscriberId);
        span.SetMddsrSubjectId(pseudonym).SetMddsrConsentPurpose("personalised-recommendations"); // clean precision-pseudonym
        logger.LogInformation("Objection recorded for {Subscriber}: {Purposes}", pseudonym, receipt.Purposes.Select(p => p.Purpose)); // clean precision-pseudonym
        logger.LogInformation("Objection receipt {Receipt}", receipt); // leak TC1001 logging-objects
        logger.LogInformation("Objection receipt {@Receipt}", receipt with { PiiPrincipalId = pseudonym.Value }); // clean precision-pseudonym
        return Ok();
    }
}
