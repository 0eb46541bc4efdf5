namespace PrivacyHoldout81.Media;

/// <summary>
/// Mail to account@ of the Lumen streaming service: cancellations, plan changes, "someone is using my
/// account". The subscriber is found by the sender's address; cancellation mail must come from the
/// account's own address and is confirmed by the service's <see cref="MailTemplates.CancellationConfirmSubject"/> mail.
/// </summary>
[ApiController]
[Route("mail/account")]
public sealed partial class AccountInboxController(
    Pseudonymizer pseudonymizer,
    ISubscriberDirectory subscribers,
    ILogger<AccountInboxController> logger) : ControllerBase
{
    [HttpPost("inbound")]
    public async Task<ActionResult> Inbound([FromBody] InboundParseForm form, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var sender = MailboxAddress.Parse(form.From);
        var span = activity.EnrichViewerinboxIntake("account")
            .SetViewerinboxSenderDomain(sender.Domain); // clean precision-about

        var subscriber = await subscribers.FindByEmailAsync(sender.Address, cancellationToken);
        if (subscriber is null)
        {
            LogUnknownSender(logger, sender.Address, form.Subject); // leak TC1001 direct
            span.SetViewerinboxOutcome("unknown_sender");
            return NotFound();
        }

        span.SetViewerinboxSenderId(pseudonymizer.PseudonymizeViewerinboxSenderId(subscriber.SubscriberId.ToString())); // clean precision-pseudonym
        activity?.SetTag("subscriber.plan", subscriber.Plan); // clean precision-about
        activity?.SetTag("subscriber.profiles", subscriber.ProfileNames.Count); // clean precision-about
        activity?.SetTag("subscriber.id", subscriber.SubscriberId); // leak TC1001 direct
        span.SetViewerinboxSenderId(Pseudonym.FromComputed(subscriber.Email)); // leak TC1001 generated-api
        activity?.SetBaggage("subscriber", pseudonymizer.ComputeViewerinboxSenderId(subscriber.SubscriberId.ToString())); // clean precision-pseudonym

        var intent = Classify(form.Subject, form.Text);
        activity?.SetTag("mail.intent", intent); // clean precision-about
        logger.LogInformation("Account mail classified {Intent} for plan {Plan} ({Country})", intent, subscriber.Plan, subscriber.Country); // clean precision-about
        if (intent == "shared_account")
        {
            logger.LogWarning("Shared-account report: {Text}", form.Text); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("account.profiles", tags: new ActivityTagsCollection { ["names"] = string.Join("|", subscriber.ProfileNames) })); // leak TC1001 strings
        }

        span.SetViewerinboxNote($"intent {intent}, plan {subscriber.Plan}, {form.Attachments} attachment(s)"); // clean generated-api
        logger.LogDebug("Subscriber record {Subscriber}", subscriber); // leak TC1001 logging-objects
        return Ok();
    }

    private static string Classify(string subject, string? text) =>
        subject.Contains("cancel", StringComparison.OrdinalIgnoreCase) ? "cancel"
        : (text ?? string.Empty).Contains("someone else", StringComparison.OrdinalIgnoreCase) ? "shared_account"
        : "other";

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "No subscriber for {Sender} (subject {Subject})")]
    private static partial void LogUnknownSender(ILogger logger, string sender, string subject);
}

/// <summary>A subscriber. A record: it prints the id, the email, the plan, the country and the profile list's type name.</summary>
public sealed record Subscriber(Guid SubscriberId, string Email, string Plan, string Country, IReadOnlyList<string> ProfileNames);

public interface ISubscriberDirectory
{
    Task<Subscriber?> FindByEmailAsync(string email, CancellationToken cancellationToken);
}
