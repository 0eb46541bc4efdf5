namespace PrivacyHoldout81.Media;

/// <summary>
/// Forwards billing disputes from billing@ to the payment partner's operations mailbox, re-signed with
/// the service's DKIM key. The original sender goes into <c>X-Original-From</c>.
/// </summary>
public sealed class BillingMailForwarder(
    ISmtpRelay relay,
    Meter meter,
    ILogger<BillingMailForwarder> logger)
{
    private const string PartnerMailbox = "disputes-ops@payments-partner.example";
    private const string DkimSelector = "lumen2025";

    private readonly Counter<long> _forwarded = meter.CreateCounter<long>("viewerinbox.forwarded");
    private MailboxAddress? _lastFailedSender;

    public async Task ForwardAsync(MimeMessage original, string ruleName, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var sender = original.From.Mailboxes.First();
        var forward = new MimeMessage { Subject = $"FW: {original.Subject}", TextBody = original.TextBody };
        forward.To.Add(new MailboxAddress("Disputes", PartnerMailbox));
        forward.Headers.Add("X-Original-From", sender.ToString());
        forward.Headers.Add("X-Forward-Rule", ruleName);

        activity?.SetTag("forward.rule", ruleName); // clean precision-names
        activity?.SetTag("forward.subject", forward.Subject); // leak TC1001 strings
        activity?.SetTag("forward.to", PartnerMailbox); // clean precision-names
        activity?.SetTag("forward.dkim.selector", DkimSelector); // clean precision-names
        activity?.SetTag("forward.original_from", forward.Headers["X-Original-From"]); // leak TC1001 direct
        logger.LogDebug("Forwarding {HeaderCount} headers: {Fields}", forward.Headers.Count, string.Join(",", forward.Headers.Fields)); // clean precision-names

        try
        {
            await relay.SendAsync(forward, cancellationToken);
            _forwarded.Add(1, new KeyValuePair<string, object?>("rule", ruleName)); // clean precision-names
        }
        catch (SmtpCommandException ex) when (ex.Mailbox == PartnerMailbox)
        {
            logger.LogError(ex, "Partner mailbox refused the forward ({Code})", ex.StatusCode); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
        catch (SmtpCommandException ex)
        {
            _lastFailedSender = sender;
            logger.LogError("Bounce notice to sender failed: {Reply}", ex.Message); // leak TC1001 exceptions
            activity?.AddException(ex); // leak TC1001 exceptions
        }

        logger.LogDebug("Forwarded message:\n{Message}", forward); // leak TC1001 logging-objects
    }

    public void ReportLastFailure() =>
        logger.LogWarning("Last failed sender notice went to {Sender}", _lastFailedSender); // leak TC1001 cross-member
}
