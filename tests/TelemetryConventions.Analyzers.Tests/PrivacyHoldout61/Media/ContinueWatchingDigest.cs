using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Humanizer;
using Microsoft.Extensions.Logging;
using PrivacyHoldout61.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout61.Media;

public interface IEmailQueue
{
    Task<string> EnqueueAsync(string to, string subject, string html, CancellationToken cancellationToken);
}

/// <summary>The weekly "continue watching" email and the renewal notice.</summary>
public sealed class ContinueWatchingDigest(
    ActivitySource source,
    ILogger<ContinueWatchingDigest> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TrackingLinks links,
    IEmailQueue queue)
{
    private const string TemplateName = "continue-watching";

    public async Task SendAsync(Subscriber subscriber, ViewingProfile profile, IReadOnlyList<Title> titles, string campaignId, string template, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.GetCultureInfo(subscriber.Locale);
        var subscriberRef = pseudonymizer.PseudonymizeMailerSubscriberId(subscriber.SubscriberId.ToString());
        using var span = source.StartMailerRender(subscriberRef, TemplateName); // clean precision-pseudonym
        span.SetMailerCampaignId(campaignId).SetMailerLocale(subscriber.Locale).SetMailerProfileId(pseudonymizer.PseudonymizeMailerProfileId(profile.ProfileId.ToString())); // clean precision-pseudonym

        var context = new TemplateContext(subscriber, profile)
            .Add("titles", titles.Select(t => t.Name).Humanize())
            .Add("count", "title".ToQuantity(titles.Count))
            .Add("link", links.Click(campaignId, subscriber, titles[0])); // leak TC1001 cross-member

        string subject;
        if (profile.Kids)
        {
            subject = string.Format(culture, CompositeFormat.Parse(MailerTexts.DigestSubjectControl(culture)), titles.Count);
            span.SetMailerVariant(MailerVariant.Control);
            logger.LogInformation("Subject line {Subject}", subject); // clean precision-about
        }
        else
        {
            subject = string.Format(culture, CompositeFormat.Parse(MailerTexts.DigestSubject(culture)), subscriber.FirstName, profile.Name);
            span.SetMailerVariant(MailerVariant.Personalised); // clean precision-names
            logger.LogInformation("Subject line {Subject}", subject); // leak TC1001 strings
            logger.LogInformation("Subject format {Format} in {Locale}", MailerTexts.DigestSubject(culture), subscriber.Locale); // clean strings
        }

        string html;
        try
        {
            html = TemplateRenderer.Render(TemplateName, template, context.Values);
        }
        catch (TemplateRenderException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "Template {Template} could not be rendered", TemplateName); // clean exceptions
            logger.LogDebug("Rendered before the failure: {Partial}", ex.RenderedSoFar); // leak TC1001 exceptions
            return;
        }

        span.SetMailerNote(context.Greeting); // leak TC1001 cross-member
        span.SetMailerNote($"{titles.Count} titles, {html.Length} bytes"); // clean generated-api
        logger.LogDebug("Template values {Values}", context.Values); // leak TC1001 logging-objects
        logger.LogDebug("Template keys {Keys}", string.Join(',', context.Values.Keys)); // clean precision-names
        logger.LogDebug("Remaining time per title {Remaining}", titles.Select(t => t.Remaining.Humanize()).ToArray()); // clean precision-about

        var messageId = await queue.EnqueueAsync(subscriber.Email, subject, html, cancellationToken);
        logger.LogMailerEmailQueuedEvent(TemplateName, mailerCampaignId: campaignId, mailerSubscriberId: subscriberRef, mailerNote: $"message {messageId}, titles {string.Join('/', titles.Select(t => t.TitleId))}"); // clean generated-api
        logger.LogMailerEmailQueuedEvent(TemplateName, mailerCampaignId: campaignId, mailerNote: $"for profile {profile.Name}"); // leak TC1001 generated-api
        meter.CreateMailerRendersCounter().Add(1, TemplateName, subscriber.Locale, MailerVariant.Personalised); // clean precision-names
        meter.CreateMailerRendersCounter().Add(1, TemplateName, mailerLocale: $"{subscriber.Locale}:{subscriberRef}"); // leak TC1003 precision-pseudonym
    }

    public string RenewalNotice(Subscriber subscriber, DateOnly renewsOn, decimal price)
    {
        var culture = CultureInfo.GetCultureInfo(subscriber.Locale);
        var line = string.Format(culture, MailerTexts.RenewalLine(culture), subscriber.Plan, renewsOn, price);
        Activity.Current?.SetTag("mailer.renewal.line", line); // clean strings

        var body = new StringBuilder()
            .Append(subscriber.FirstName).Append(", ")
            .Append(char.ToLower(line[0], culture)).Append(line, 1, line.Length - 1)
            .ToString();
        Activity.Current?.SetTag("mailer.renewal.preview", body.Truncate(40)); // leak TC1001 strings
        Activity.Current?.SetTag("mailer.renewal.length", body.Length); // clean precision-about
        logger.LogInformation("Renewal notice for {Subscriber}", Describe(subscriber)); // leak TC1001 cross-member
        logger.LogInformation("Renewal notice queued for {Email}", subscriber.Email.Trim().ToLowerInvariant()); // leak TC1001 direct
        logger.LogInformation("Renewal notice for plan {Plan} in {Locale}", subscriber.Plan, subscriber.Locale.ToUpperInvariant()); // clean precision-names
        return body;
    }

    private static string Describe(Subscriber subscriber) =>
        string.Concat(subscriber.FirstName, " <", subscriber.Email, ">");
}
