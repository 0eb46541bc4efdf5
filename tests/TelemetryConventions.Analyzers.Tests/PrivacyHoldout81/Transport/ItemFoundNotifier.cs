namespace PrivacyHoldout81.Transport;

/// <summary>
/// Sends "we may have found your item" mail (<see cref="MailTemplates.ItemFoundSubject"/>) for a claim
/// whose description matches an item handed in at a depot, and reads the delivery status notifications
/// that come back for it.
/// </summary>
public sealed partial class ItemFoundNotifier(
    ISmtpRelay relay,
    Pseudonymizer pseudonymizer,
    ILogger<ItemFoundNotifier> logger)
{
    private const string OperatorDomain = "metrolines.example";

    public async Task<string> NotifyAsync(LostPropertyClaim claim, FoundItem item, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var messageId = OutboundMessageIds.For(claim.ClaimId, OperatorDomain);
        var mail = new MimeMessage { MessageId = messageId, Subject = $"{MailTemplates.ItemFoundSubject} [{claim.ClaimId}]" };
        mail.To.Add(new MailboxAddress(claim.RiderName, claim.RiderEmail));
        mail.TextBody = $"Dear {claim.RiderName}, an item matching your description was handed in at {item.Depot}.";

        activity?.SetTag("mail.message_id", messageId); // clean precision-about
        activity?.SetTag("mail.subject", mail.Subject); // clean precision-about
        activity?.SetTag("found.depot", item.Depot); // clean precision-about
        activity?.SetTag("found.item_id", item.ItemId); // clean precision-about
        LogNotified(logger, claim.ClaimId, item.ItemId, mail.To.ToString()); // leak TC1001 logging-objects
        LogGreeting(logger, mail.TextBody); // leak TC1001 strings
        activity?.SetTag("claim.rider", pseudonymizer.ComputeLostpropinboxSenderId(claim.RiderId.ToString())); // clean precision-pseudonym

        await relay.SendAsync(mail, cancellationToken);
        return messageId;
    }

    public void OnDeliveryStatus(DeliveryStatus status)
    {
        var activity = Activity.Current;
        if (!OutboundMessageIds.TryReadTicket(status.OriginalMessageId, OperatorDomain, out var claimId))
        {
            return;
        }

        activity?.SetTag("dsn.claim", claimId); // clean precision-about
        activity?.SetTag("dsn.status", status.Status); // clean precision-about
        activity?.SetTag("dsn.action", status.Action); // clean precision-about
        logger.LogWarning("Item-found mail {MessageId} not delivered: {Diagnostic}", status.OriginalMessageId, status.DiagnosticCode); // leak TC1001 direct
        activity?.SetStatus(ActivityStatusCode.Error, $"undeliverable ({status.Status}) to {status.OriginalRecipient}"); // leak TC1001 strings
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Claim {ClaimId}: item {ItemId} found, notified {Recipients}")]
    private static partial void LogNotified(ILogger logger, string claimId, string itemId, string recipients);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Debug, Message = "Item-found body: {Body}")]
    private static partial void LogGreeting(ILogger logger, string body);
}

/// <summary>A rider's lost-property claim. The rider's name and address are as the rider gave them.</summary>
public sealed record LostPropertyClaim(string ClaimId, Guid RiderId, string RiderName, string RiderEmail, string Description);

/// <summary>An item handed in: its id, the depot, the category. Prints those.</summary>
public sealed record FoundItem(string ItemId, string Depot, string Category);
