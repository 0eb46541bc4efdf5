namespace PrivacyHoldout107.Healthcare;

public sealed record ConsentChange(string Token, string Purpose, string Channel, bool Granted);

public interface IConsentLedger
{
    Task<(string NhsNumber, Guid ContactId)?> ResolveTokenAsync(string token, CancellationToken cancellationToken);

    Task AppendAsync(ConsentRecord record, CancellationToken cancellationToken);
}

/// <summary>The patient preference centre: research contact, newsletters and reminders, reached with a link token.</summary>
[ApiController]
[Route("preferences")]
public sealed class ResearchConsentController(
    IConsentLedger ledger,
    ICrmServiceClient crm,
    Pseudonymizer pseudonymizer,
    ILogger<ResearchConsentController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.Engagement.Preferences");

    [HttpPost("{token}")]
    public async Task<ActionResult> UpdateAsync(string token, [FromBody] ConsentChange change, CancellationToken cancellationToken)
    {
        using var span = Source.StartPtengageSend("preference-centre");
        span.SetPtengageConsentPurpose(change.Purpose); // clean precision-names
        span.SetPtengageChannel(change.Channel); // clean precision-names
        span.Activity?.SetTag("preference.token.length", token.Length); // clean precision-about

        var subject = await ledger.ResolveTokenAsync(token, cancellationToken);
        if (subject is null)
        {
            logger.LogWarning("Unknown preference token {Token}", token); // leak TC1001 direct
            return NotFound();
        }

        var (nhsNumber, contactId) = subject.Value;
        var record = new ConsentRecord(nhsNumber, change.Purpose, change.Channel, change.Granted, "preference-centre", "v7", DateTimeOffset.UtcNow);
        await ledger.AppendAsync(record, cancellationToken);
        span.Activity?.AddEvent(new ActivityEvent("consent.recorded", tags: new ActivityTagsCollection { ["consent"] = record.ToString() })); // leak TC1001 logging-objects
        span.SetPtengagePatientId(pseudonymizer.PseudonymizePtengagePatientId(nhsNumber)); // clean precision-pseudonym
        logger.LogInformation("Consent for {Purpose} over {Channel} set to {Granted}", record.Purpose, record.Channel, record.Granted); // clean precision-about

        var contact = new Entity("contact", contactId)
        {
            [change.Channel == "email" ? "donotbulkemail" : "donotsms"] = !change.Granted,
        };
        await crm.UpdateAsync(contact, cancellationToken);
        logger.LogDebug("Updated do-not flags {Flags} on contact {Contact}", contact.Attributes.Keys, contact.ToEntityReference()); // clean precision-names
        logger.LogDebug("Updated contact {ContactId}", contactId); // leak TC1001 direct
        Activity.Current?.AddBaggage("consent.purpose", change.Purpose); // clean precision-names
        return Ok();
    }

    [HttpGet("withdrawals")]
    public ActionResult Withdrawals(IReadOnlyList<ConsentRecord> today)
    {
        var withdrawn = today.Where(r => !r.Granted).ToList();
        logger.LogInformation("Research withdrawals today: {Withdrawals}", withdrawn); // leak TC1001 logging-objects
        logger.LogInformation("Withdrawals by purpose {ByPurpose}", withdrawn.GroupBy(r => r.Purpose).Select(g => $"{g.Key}={g.Count()}")); // clean strings
        Activity.Current?.SetTag("ptengage.patient.contact", pseudonymizer.Compute("patient", withdrawn.FirstOrDefault()?.SubjectRef ?? "")); // leak TC1001 precision-pseudonym
        return Ok(withdrawn.Count);
    }
}
