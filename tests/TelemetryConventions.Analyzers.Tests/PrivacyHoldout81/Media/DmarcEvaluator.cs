namespace PrivacyHoldout81.Media;

/// <summary>
/// Decides what to do with account@ mail whose authentication fails: phishers write as subscribers to
/// take over accounts. Quarantines on a DMARC fail with a reject or quarantine policy, and on a display
/// name that imitates the service.
/// </summary>
public sealed class DmarcEvaluator(
    IQuarantineStore quarantine,
    Pseudonymizer pseudonymizer,
    ILogger<DmarcEvaluator> logger)
{
    public async Task<bool> EvaluateAsync(MimeMessage message, Guid? subscriberId, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var header = message.Headers["Authentication-Results"] ?? string.Empty;
        var auth = AuthenticationResults.Parse(header);

        logger.LogDebug("Authentication-Results: {Header}", header); // leak TC1001 direct
        logger.LogInformation("Authentication {@Auth}", auth); // clean logging-objects
        activity?.SetTag("mail.dmarc", auth.Dmarc); // clean precision-about
        activity?.SetTag("mail.dmarc.policy", auth.DmarcPolicy); // clean precision-about
        activity?.SetTag("mail.header_from.domain", auth.HeaderFromDomain); // clean precision-about

        var displayName = message.From.Mailboxes.First().Name ?? string.Empty;
        var impersonates = displayName.Contains("Lumen", StringComparison.OrdinalIgnoreCase) && auth.HeaderFromDomain != "lumen.example";
        activity?.SetTag("mail.display_name.impersonation", impersonates); // clean precision-about
        if (impersonates)
        {
            logger.LogWarning("Display name imitates the service in mail naming subscriber {SubscriberId}", subscriberId); // leak TC1001 direct
        }


        if (auth.Dmarc != "fail" && !impersonates)
        {
            return true;
        }

        var entry = await quarantine.HoldAsync(message, impersonates ? "impersonation" : "dmarc", cancellationToken);
        var subscriber = subscriberId is { } id ? pseudonymizer.PseudonymizeViewerinboxSenderId(id.ToString()) : default;
        logger.LogViewerinboxMessageQuarantinedEvent(message.MessageId, entry.Reason, viewerinboxSenderId: subscriber); // clean precision-pseudonym
        logger.LogViewerinboxMessageQuarantinedEvent(message.MessageId, entry.Reason, viewerinboxNote: $"From {message.From}"); // leak TC1001 generated-api
        activity?.SetTag("quarantine.id", entry.QuarantineId); // clean precision-about
        activity?.SetTag("mail.sender.masked", AddressMask.Mask(entry.SenderAddress)); // clean precision-about
        return false;
    }
}
