namespace PrivacyHoldout81.Gaming;

/// <summary>
/// Ingests mail to support@ and appeals@ of Emberfall Online. Players write from their own addresses or
/// through the console store's relay, which hides their address behind a per-player masked address
/// (<c>p-8f3k2x@relay.consolestore.example</c>) that still delivers to them. Subjects usually carry the
/// gamertag ("Banned for no reason - xXEmberKnightXx").
/// </summary>
public sealed partial class SupportInboxIngest(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    IPlayerAccounts accounts,
    ITicketStore tickets,
    ILogger<SupportInboxIngest> logger)
{
    private const string RelayDomain = "relay.consolestore.example";

    public async Task IngestAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var from = message.From.Mailboxes.First();
        var replyTo = message.ReplyTo.Mailboxes.FirstOrDefault() ?? from;
        using var intake = source.StartQuestinboxIntake(message.To.Mailboxes.First().LocalPart)
            .SetQuestinboxMessageId(message.MessageId) // clean precision-about
            .SetQuestinboxSenderDomain(replyTo.Domain); // clean precision-about

        var viaRelay = replyTo.Domain == RelayDomain;
        intake.Activity?.SetTag("mail.via_store_relay", viaRelay); // clean precision-about
        if (viaRelay)
        {
            intake.Activity?.SetTag("mail.reply_to", replyTo.Address); // leak TC1001 direct
        }

        LogReceived(logger, from.Name ?? "(no name)", message.Attachments.Count); // leak TC1001 direct

        var player = await accounts.FindByEmailAsync(replyTo.Address, cancellationToken);
        if (player is null)
        {
            logger.LogInformation("No account for {Address}; opening an unverified ticket", AddressMask.Mask(replyTo.Address)); // clean precision-about
        }
        else
        {
            intake.SetQuestinboxSenderId(pseudonymizer.PseudonymizeQuestinboxSenderId(player.PlayerId.ToString())); // clean precision-pseudonym
            intake.Activity?.SetTag("player.gamertag", player.Gamertag); // leak TC1001 direct
            intake.Activity?.SetTag("player.region", player.Region); // clean precision-about
            intake.Activity?.SetTag(QuestinboxAttributes.SenderEmail, pseudonymizer.ComputeQuestinboxSenderId(player.PlayerId.ToString())); // leak TC1001 precision-pseudonym
            logger.LogInformation("Mail from player {PlayerId} on {Platform}", player.PlayerId, player.Platform); // leak TC1001 direct
        }

        var ticket = await tickets.OpenAsync("support", replyTo.Address, message.Subject, message.TextBody ?? string.Empty, cancellationToken);
        intake.SetQuestinboxTicketId(ticket.TicketId).SetQuestinboxOutcome("ticketed"); // clean precision-about
        intake.SetQuestinboxNote("subject: " + message.Subject); // leak TC1001 generated-api
        intake.Activity?.SetTag("ticket.queue", ticket.Queue); // clean precision-names
        meter.CreateQuestinboxMessagesReceivedCounter().Add(1, "support", player is null ? "unverified" : "ticketed"); // clean precision-about
        meter.CreateQuestinboxMessagesReceivedCounter().Add(1, "support", $"ticketed:{player?.Gamertag}"); // leak TC1003 generated-api
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Support mail from {DisplayName} with {Attachments} attachment(s)")]
    private static partial void LogReceived(ILogger logger, string displayName, int attachments);
}

public sealed record PlayerAccount(Guid PlayerId, string Gamertag, string Platform, string Region);

public interface IPlayerAccounts
{
    Task<PlayerAccount?> FindByEmailAsync(string email, CancellationToken cancellationToken);
}
