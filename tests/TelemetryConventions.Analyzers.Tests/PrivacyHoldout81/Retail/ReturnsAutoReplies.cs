namespace PrivacyHoldout81.Retail;

/// <summary>
/// Machine-written mail that arrives at returns@: customers' out-of-office replies to the label mail,
/// challenge-response filters asking the shop to verify itself, and delivery status notifications for
/// label mail sent to a mistyped address.
/// </summary>
public sealed partial class ReturnsAutoReplies(ILogger<ReturnsAutoReplies> logger)
{
    public void Handle(MimeMessage message, DeliveryStatus? status)
    {
        var activity = Activity.Current;
        var kind = AutoReplyDetector.Classify(message);
        activity?.SetTag("mail.auto_reply", kind.ToString());

        switch (kind)
        {
            case AutoReplyKind.OutOfOffice:
                LogOutOfOffice(logger, message.From.Mailboxes.First().Address, message.Date); // leak TC1001 direct
                activity?.AddEvent(new ActivityEvent("mail.out_of_office", tags: new ActivityTagsCollection { ["text"] = message.TextBody })); // leak TC1001 direct
                break;
            case AutoReplyKind.ChallengeResponse:
                activity?.SetTag("mail.challenge.provider", message.Headers["X-Challenge-Provider"]); // clean precision-about
                break;
            case AutoReplyKind.DeliveryStatus when status is not null:
                activity?.SetTag("dsn.status", status.Status); // clean precision-about
                activity?.SetTag("dsn.reporting_mta", status.ReportingMta); // clean precision-about
                activity?.SetTag("dsn.original_message_id", status.OriginalMessageId); // clean precision-about
                logger.LogWarning("Label mail bounced for {Recipient}", status.OriginalRecipient.Trim('<', '>')); // leak TC1001 direct
                logger.LogWarning("Bounce detail {Dsn}", status.ToString()); // leak TC1001 logging-objects
                break;
        }
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Out of office from {Address} sent {Date:u}")]
    private static partial void LogOutOfOffice(ILogger logger, string address, DateTimeOffset date);
}
