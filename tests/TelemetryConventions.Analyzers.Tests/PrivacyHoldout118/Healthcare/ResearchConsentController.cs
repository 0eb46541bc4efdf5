namespace PrivacyHoldout118.Healthcare;

/// <summary>
/// The patient portal's consent page: consent to be contacted about research and to the use of the record
/// in research, written to the consent ledger as a receipt; and the national opt-out check.
/// </summary>
[ApiController]
[Route("api/consents")]
public sealed class ResearchConsentController(
    IConsentLedger ledger,
    Pseudonymizer pseudonymizer,
    ILogger<ResearchConsentController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.Portal.Consent");
    private static readonly Meter Meter = new("Trust.Portal.Consent");
    private static readonly Counter<long> Changes = Meter.CreateCounter<long>("hcdsr.consent.changes");

    [HttpPost("{hospitalNumber}")]
    public async Task<ActionResult> RecordAsync(string hospitalNumber, [FromBody] ConsentForm form, CancellationToken ct)
    {
        var receipt = new ConsentReceipt(
            Guid.NewGuid(),
            hospitalNumber,
            form.PolicyVersion,
            form.Purposes.Select(p => new PurposeConsent(p.Key, p.Value, "explicit-consent")).ToList(),
            DateTimeOffset.UtcNow,
            "patient-portal");
        await ledger.AppendAsync(receipt, ct);

        using var span = Source.StartHcdsrRequest(receipt.ReceiptId.ToString(), "consent");
        var pseudonym = pseudonymizer.PseudonymizeHcdsrSubjectId(hospitalNumber);
        span.SetHcdsrSubjectId(pseudonym); // clean precision-pseudonym
        span.SetHcdsrConsentPurpose(string.Join(",", form.Purposes.Keys)); // clean precision-names
        span.Activity?.SetTag("hcdsr.consent.policy", form.PolicyVersion); // clean precision-about
        span.Activity?.AddEvent(new ActivityEvent("consent.recorded", tags: new ActivityTagsCollection { ["receipt"] = receipt.ToString() })); // leak TC1001 logging-objects
        logger.LogInformation("Consent receipt {ReceiptId} for {Patient}", receipt.ReceiptId, pseudonym); // clean precision-pseudonym
        logger.LogInformation("Purposes: {Purposes}", receipt.Purposes); // clean logging-objects

        foreach (var purpose in receipt.Purposes)
        {
            Changes.Add(1, new KeyValuePair<string, object?>("purpose", purpose.Purpose), new KeyValuePair<string, object?>("granted", purpose.Granted)); // clean precision-about
            Changes.Add(1, new KeyValuePair<string, object?>("patient", pseudonym.Value)); // leak TC1003 precision-pseudonym
        }

        if (form.ContactPhone is { Length: > 0 } phone)
        {
            span.Activity?.SetTag("hcdsr.contact.phone.prefix", phone.StartsWith("07", StringComparison.Ordinal) ? "mobile" : "landline"); // clean precision-about
            span.Activity?.SetTag("hcdsr.contact.phone", phone); // leak TC1001 direct
        }

        return Ok(new { receipt.ReceiptId });
    }

    [HttpGet("{hospitalNumber}/opt-out")]
    public async Task<ActionResult> OptOutAsync(string hospitalNumber, CancellationToken ct)
    {
        var latest = await ledger.LatestAsync(hospitalNumber, ct);
        if (latest is null)
        {
            logger.LogWarning("No consent receipt on file for {HospitalNumber}", hospitalNumber); // leak TC1001 direct
            return NotFound();
        }

        try
        {
            EnsureCurrent(latest);
        }
        catch (ConsentVersionConflictException ex)
        {
            logger.LogWarning(ex, "Receipt {ReceiptId} is under an old policy", latest.ReceiptId); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }

        var optedOut = latest.Purposes.Any(p => p.Purpose == "research" && !p.Granted);
        Activity.Current?.SetTag("hcdsr.national.optout", optedOut); // clean precision-about
        logger.LogDebug("Opt-out checked for {Principal}", latest.PiiPrincipalId); // leak TC1001 cross-member
        return Ok(new { optedOut });
    }

    private static void EnsureCurrent(ConsentReceipt receipt)
    {
        if (receipt.PolicyVersion != "2025.1")
        {
            throw new ConsentVersionConflictException("research", "2025.1", receipt.PolicyVersion);
        }
    }
}

public sealed record ConsentForm(string PolicyVersion, IReadOnlyDictionary<string, bool> Purposes, string? ContactPhone);
