namespace PrivacyHoldout147.Education;

/// <summary>Students freeze a lost card from the app and dispute a payment; a colleague raises the chargeback.</summary>
[ApiController]
[Route("api/student-cards")]
public sealed class StudentCardController(
    ICardProcessor cards,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    BankOptions options,
    ILogger<StudentCardController> logger) : ControllerBase
{
    private static readonly Counter<long> Freezes = new Meter("Bank.Cards").CreateCounter<long>("cards.freezes");

    [HttpPost("{cardReference}/freeze")]
    public async Task<ActionResult> FreezeAsync(string cardReference, [FromBody] CardFreeze freeze, CancellationToken cancellationToken)
    {
        using var span = source.StartStudentacctOperation("any");
        span.SetStudentacctProduct("card-freeze"); // clean generated-api
        Activity.Current?.SetTag("card.reference", cardReference); // clean direct
        logger.LogInformation("Card freeze {@Freeze}", freeze); // clean logging-objects
        Freezes.Add(1, new KeyValuePair<string, object?>("reason", freeze.ReasonCode), new KeyValuePair<string, object?>("channel", freeze.Channel)); // clean direct

        var card = await cards.FindAsync(cardReference, cancellationToken);
        if (card is null)
        {
            return NotFound();
        }

        Activity.Current?.SetTag("card.last_four", card.LastFour); // clean precision-about
        Activity.Current?.SetTag("card.status", card.Status); // clean precision-names
        Activity.Current?.SetTag("card.bin", card.Pan[..6]); // clean precision-about
        logger.LogInformation("Freezing card {Card}", card); // leak TC1001 logging-objects
        logger.LogDebug("Freezing card ending {LastFour} on account {AccountNumber}", card.LastFour, card.AccountNumber); // leak TC1001 direct
        await cards.SetFrozenAsync(cardReference, freeze.Frozen, cancellationToken);
        return Ok(options.FreezeTemplateId);
    }

    [HttpPost("disputes")]
    public async Task<ActionResult> DisputeAsync([FromBody] CardDispute dispute, CancellationToken cancellationToken)
    {
        using var span = source.StartStudentacctOperation("any");
        Activity.Current?.SetTag("dispute.id", dispute.DisputeId); // clean direct
        Activity.Current?.SetTag("dispute.merchant", dispute.Merchant); // clean direct
        Activity.Current?.SetTag("dispute.statement", dispute.CustomerStatement); // leak TC1001 direct
        Activity.Current?.SetTag("dispute.statement_words", dispute.CustomerStatement.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        logger.LogInformation("Dispute {@Dispute}", dispute with { Pan = dispute.Pan[^4..], AccountNumber = string.Empty, CustomerStatement = string.Empty }); // clean logging-objects
        logger.LogInformation("Dispute {@Dispute}", dispute with { CustomerStatement = string.Empty }); // leak TC1001 logging-objects

        try
        {
            var status = await cards.RaiseChargebackAsync(dispute, cancellationToken);
            logger.LogInformation("Chargeback {@Status}", status); // clean logging-objects
            span.SetStudentacctOutcome(status.Status); // clean generated-api
        }
        catch (DisputeWindowClosedException ex)
        {
            logger.LogWarning(ex, "Dispute window closed"); // clean exceptions
            span.SetStudentacctNote(ex.Message); // clean exceptions
        }
        catch (CardNotFoundException ex)
        {
            logger.LogWarning("Chargeback failed: {Reason}", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
        }
        catch (ProcessorTimeoutException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }

        var digest = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(dispute.Pan)));
        logger.LogInformation("Dispute card key {CardKey}", digest); // leak TC1002 hashes
        span.SetStudentacctAgentId(pseudonymizer.PseudonymizeStudentacctAgentId(HttpContext.User.SubjectId ?? "system")); // clean precision-pseudonym
        Activity.Current?.SetTag("dispute.raised_by", HttpContext.User.Email); // leak TC1001 direct
        return Ok(dispute.DisputeId);
    }
}
