namespace PrivacyHoldout106.Education;

/// <summary>A newsletter recipient: the guardian's email and greeting, the school and year groups.</summary>
public sealed record NewsletterRecipient(string GuardianAccountId, string Email, string GreetingName, string School, IReadOnlyList<int> YearGroups);

/// <summary>
/// The weekly newsletter: personalised from a template, sent with a one-click List-Unsubscribe header
/// (RFC 8058) whose link is signed with the link-signing key, and the unsubscribe endpoint it points to.
/// </summary>
public sealed partial class NewsletterUnsubscribeEndpoints(
    ActivitySource source,
    Meter meter,
    ILogger<NewsletterUnsubscribeEndpoints> logger,
    ITemplateStore templates,
    IMessageSender sender,
    ISuppressionList suppression,
    LinkSigningKey signingKey,
    GatewayOptions options,
    Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _unsubscribes = meter.CreateCounter<long>("edumsg.newsletter.unsubscribes");

    public void Map(EndpointRoutes routes)
    {
        routes.MapPost("/u/{token}", UnsubscribeAsync);
    }

    public string UnsubscribeLink(NewsletterRecipient recipient)
    {
        var token = Convert.ToBase64String(HMACSHA256.HashData(signingKey.Key, Encoding.UTF8.GetBytes($"newsletter|{recipient.Email}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{options.UnsubscribeBaseUrl}/{token}?e={Uri.EscapeDataString(recipient.Email)}&list=newsletter";
    }

    public async Task SendAsync(NewsletterRecipient recipient, string issue, CancellationToken cancellationToken)
    {
        using var span = source.StartEdumsgSend("email", "tpl-newsletter-weekly").SetEdumsgSchool(recipient.School); // clean precision-about
        if (await suppression.IsSuppressedAsync(recipient.Email, "email", "newsletter", cancellationToken))
        {
            span.SetEdumsgOutcome("suppressed"); // clean precision-about
            logger.LogDebug("Skipping {Recipient}: on the newsletter suppression list", recipient); // leak TC1001 logging-objects
            return;
        }

        var template = await templates.GetAsync("tpl-newsletter-weekly", "en-GB", cancellationToken);
        var values = new Dictionary<string, string?>
        {
            ["greeting"] = recipient.GreetingName,
            ["issue"] = issue,
            ["unsubscribe_url"] = UnsubscribeLink(recipient),
        };
        logger.LogDebug("Rendering {TemplateId} v{Version} with fields {Fields}", template.Id, template.Version, string.Join(',', values.Keys)); // clean precision-names
        logger.LogDebug("Rendering {TemplateId} with {@Values}", template.Id, values); // leak TC1001 logging-objects
        var rendered = TemplateRenderer.Render(template, values);
        if (rendered.MissingPlaceholders.Count > 0)
        {
            var ex = new TemplateRenderException(template.Id, rendered.MissingPlaceholders[0]);
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }

        var unsubscribe = UnsubscribeLink(recipient);
        Activity.Current?.SetTag("newsletter.list_unsubscribe", unsubscribe); // leak TC1001 cross-member
        Activity.Current?.SetTag("newsletter.list_unsubscribe.host", new Uri(unsubscribe).Host); // clean precision-about
        Activity.Current?.SetTag("newsletter.subject", rendered.Subject); // clean precision-names
        logger.LogTrace("Body preview {Preview}", rendered.Body[..Math.Min(80, rendered.Body.Length)]); // leak TC1001 strings

        var headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{unsubscribe}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        var messageId = await sender.SendEmailAsync(recipient.Email, rendered, headers, cancellationToken);
        span.SetEdumsgMessageId(messageId).SetEdumsgGuardianId(pseudonymizer.PseudonymizeEdumsgGuardianId(recipient.GuardianAccountId)); // clean precision-pseudonym
    }

    public async Task<ActionResult> UnsubscribeAsync(string token, string e, string list, CancellationToken cancellationToken)
    {
        using var span = source.StartEdumsgInbound("email").SetEdumsgDirection("unsubscribe").SetEdumsgOutcome("unsubscribed"); // clean precision-names
        Activity.Current?.SetTag("unsubscribe.list", list); // clean precision-about
        Activity.Current?.SetTag("unsubscribe.token.length", token.Length); // clean precision-about
        Activity.Current?.SetTag("unsubscribe.token", token); // clean hashes

        await suppression.AddAsync(new SuppressionEntry(e, "email", SuppressionReason.Unsubscribe, "one-click", DateTimeOffset.UtcNow) { Group = list }, cancellationToken);
        logger.LogInformation("One-click unsubscribe from {List} for {Email}", list, e); // leak TC1001 direct
        _unsubscribes.Add(1, new KeyValuePair<string, object?>("list", list)); // clean precision-about
        _unsubscribes.Add(1, new KeyValuePair<string, object?>("list", list), new KeyValuePair<string, object?>("domain", e[(e.IndexOf('@') + 1)..])); // clean precision-about
        var legacy = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(e.ToLowerInvariant())));
        logger.LogDebug("Legacy unsubscribe key {LegacyKey}", legacy); // leak TC1002 hashes
        return new OkResult(null);
    }
}
