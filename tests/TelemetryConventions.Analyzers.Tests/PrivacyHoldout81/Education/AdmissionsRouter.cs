namespace PrivacyHoldout81.Education;

/// <summary>
/// Routes admissions mail by alias and header rules. The school's acknowledgement mail asks parents to
/// reply to <c>admissions+{applicationRef}@northfield.example</c>, where the tag is the application's case
/// reference (APP-2025-0412), so a reply's To is the school's own alias with its case. Mail about special
/// educational needs is forwarded to the SENCo's team mailbox.
/// </summary>
public sealed partial class AdmissionsRouter(
    IReadOnlyList<MailboxRule> rules,
    ISmtpRelay relay,
    Pseudonymizer pseudonymizer,
    ILogger<AdmissionsRouter> logger)
{
    private static readonly Regex UkMobile = new(@"\b07\d{3}\s?\d{6}\b");

    public async Task<RoutingDecision> RouteAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var to = message.To.Mailboxes.First();
        PlusAddress.TryParse(to.Address, out var alias);

        activity?.SetTag("mail.to", to.Address); // clean precision-about
        activity?.SetTag("admissions.application_ref", alias.Tag); // clean precision-about

        var rule = rules.OrderBy(r => r.Priority).FirstOrDefault(r => r.Alias == alias.Mailbox) ?? rules[^1];
        var decision = new RoutingDecision(rule.Name, rule.Queue, alias.Tag, alias.Tag is null);
        logger.LogInformation("Routed by {@Decision}", decision); // clean logging-objects
        activity?.SetTag("admitinbox.route", rule.Name); // clean precision-names

        var replyTo = message.ReplyTo.Mailboxes.FirstOrDefault() ?? message.From.Mailboxes.First();
        if (!string.Equals(replyTo.Domain, message.From.Mailboxes.First().Domain, StringComparison.OrdinalIgnoreCase))
        {
            LogReplyToDiffers(logger, replyTo.Address, rule.Name); // leak TC1001 direct
            activity?.SetTag("mail.reply_to.domain", replyTo.Domain); // clean precision-about
        }

        var mobile = UkMobile.Match(message.TextBody ?? string.Empty);
        if (mobile.Success)
        {
            activity?.AddEvent(new ActivityEvent("admissions.callback_requested", tags: new ActivityTagsCollection { ["phone"] = mobile.Value })); // leak TC1001 direct
            activity?.SetTag("admissions.callback_requested", true); // clean precision-about
        }

        if (rule.Queue == "sen")
        {
            var forward = new MimeMessage { Subject = $"FW: {message.Subject}", TextBody = message.TextBody };
            forward.To.Add(new MailboxAddress("SEN team", "senco-team@northfield.example"));
            activity?.SetTag("mail.forward.to", "senco-team@northfield.example"); // clean precision-names
            try
            {
                await relay.SendAsync(forward, cancellationToken);
            }
            catch (SmtpCommandException ex)
            {
                logger.LogError(ex, "Forward to the SEN team failed with {Code}", ex.StatusCode); // clean exceptions
            }
        }

        var family = pseudonymizer.ComputeAdmitinboxSenderId(replyTo.Address.ToLowerInvariant());
        activity?.SetBaggage("admissions.family", family); // clean precision-pseudonym
        if (activity is not null)
        {
            activity.DisplayName = $"route {rule.Name}"; // clean precision-names
        }

        return decision;
    }

    [LoggerMessage(EventId = 5203, Level = LogLevel.Information, Message = "Reply-To {ReplyTo} differs from the sender's domain (rule {Rule})")]
    private static partial void LogReplyToDiffers(ILogger logger, string replyTo, string rule);
}
