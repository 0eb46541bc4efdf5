namespace PrivacyHoldout106.Media;

/// <summary>A subscriber the weekly digest goes to.</summary>
public sealed record DigestSubscriber(Guid SubscriberId, string Email, string FirstName, string ProfileName, string Plan, string Territory);

/// <summary>
/// The weekly "what to watch" digest: a template personalised with the subscriber's first name and the
/// profile's picks, a signed preference link, and the bounces the provider reports back.
/// </summary>
public sealed partial class DigestTemplateSender(
    ActivitySource source,
    Meter meter,
    ILogger<DigestTemplateSender> logger,
    ITemplateStore templates,
    IMessageSender sender,
    ISuppressionList suppression,
    LinkSigningKey signingKey,
    GatewayOptions options,
    Pseudonymizer pseudonymizer)
{
    private readonly MediamsgMessagesCounter _messages = meter.CreateMediamsgMessagesCounter();

    public async Task SendAsync(DigestSubscriber subscriber, IReadOnlyList<string> picks, CancellationToken cancellationToken)
    {
        using var span = source.StartMediamsgSend("email", "tpl-digest-weekly").SetMediamsgProgramme("digest-weekly"); // clean precision-names
        span.SetMediamsgSubscriberId(pseudonymizer.PseudonymizeMediamsgSubscriberId(subscriber.SubscriberId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("digest.plan", subscriber.Plan); // clean precision-about
        Activity.Current?.SetTag("digest.territory", subscriber.Territory); // clean precision-about
        Activity.Current?.SetTag("digest.picks", string.Join(',', picks)); // clean precision-names

        if (await suppression.IsSuppressedAsync(subscriber.Email, "email", "digest", cancellationToken))
        {
            logger.LogDebug("Digest suppressed for {SubscriberId}", subscriber.SubscriberId); // leak TC1001 direct
            span.SetMediamsgOutcome("suppressed"); // clean precision-about
            return;
        }

        var template = await templates.GetAsync("tpl-digest-weekly", "en-GB", cancellationToken);
        logger.LogDebug("Template {Template}", template); // clean logging-objects
        var rendered = TemplateRenderer.Render(template, new Dictionary<string, string?>
        {
            ["first_name"] = subscriber.FirstName,
            ["profile"] = subscriber.ProfileName,
            ["picks"] = string.Join(", ", picks),
        });
        logger.LogDebug("Rendered {Rendered}", rendered); // leak TC1001 logging-objects
        span.SetMediamsgNote($"subject: {rendered.Subject}"); // leak TC1001 generated-api
        logger.LogInformation("Digest for {Territory} missing {Missing}", subscriber.Territory, string.Join(',', rendered.MissingPlaceholders)); // clean precision-names

        var preferences = PreferenceLink(subscriber.SubscriberId);
        Activity.Current?.SetTag("digest.preferences_link", preferences); // clean hashes
        Activity.Current?.SetTag("digest.bounce_address", $"bounce+{subscriber.Email.Replace('@', '=')}@{options.BounceDomain}"); // leak TC1001 strings

        try
        {
            var id = await sender.SendEmailAsync(subscriber.Email, rendered, new Dictionary<string, string> { ["List-Unsubscribe"] = $"<{preferences}>" }, cancellationToken);
            span.SetMediamsgMessageId(id).SetMediamsgOutcome("sent"); // clean precision-about
            _messages.Add(1, "email", "outbound", "sent"); // clean precision-about
        }
        catch (RecipientRejectedException ex)
        {
            span.SetMediamsgOutcome(ex.Status); // clean exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            LogRejected(logger, ex.Status, subscriber.Email); // leak TC1001 logging-objects
        }
    }

    private string PreferenceLink(Guid subscriberId)
    {
        var sig = Convert.ToHexString(HMACSHA256.HashData(signingKey.Key, subscriberId.ToByteArray()));
        return $"{options.UnsubscribeBaseUrl}/p/{sig}";
    }

    [LoggerMessage(EventId = 8201, Level = LogLevel.Warning, Message = "Digest refused with {Status} for {Email}")]
    private static partial void LogRejected(ILogger logger, string status, string email);
}
