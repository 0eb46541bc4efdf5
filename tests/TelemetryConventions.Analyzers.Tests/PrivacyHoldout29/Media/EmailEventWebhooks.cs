using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Mail;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout29.Support.Hosting;
using PrivacyHoldout29.Support.Marketing;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Media;

public interface ISuppressionList
{
    Task SuppressAsync(string email, string reason, CancellationToken cancellationToken);
}

/// <summary>Unsubscribe and bounce webhooks from the email platform: suppress, count, and keep the subscriber's preferences in step.</summary>
public sealed class EmailEventWebhooks(ISuppressionList suppressions, Pseudonymizer pseudonymizer, Meter meter, ILogger<EmailEventWebhooks> logger)
{
    private readonly Counter<long> _bounces = meter.CreateCounter<long>("email.bounces");
    private readonly Counter<long> _unsubscribes = meter.CreateCounter<long>("email.unsubscribes");

    public async Task OnUnsubscribeAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var hook = JsonSerializer.Deserialize<UnsubscribeWebhook>(request.Body)!;
        await suppressions.SuppressAsync(hook.Email, "unsubscribed", cancellationToken);

        Activity.Current?.SetTag("email.campaign", hook.CampaignId); // clean precision-names
        Activity.Current?.SetTag("email.list", hook.ListId); // clean precision-names
        Activity.Current?.SetTag("email.unsubscribe.reason", hook.Reason); // clean precision-about
        _unsubscribes.Add(1, new("campaign", hook.CampaignId), new("domain", new MailAddress(hook.Email).Host)); // clean precision-about
        logger.LogInformation("Unsubscribe from campaign {CampaignId}: {Email}", hook.CampaignId, hook.Email); // leak TC1001 direct
        logger.LogDsrConsentChangedEvent(pseudonymizer.PseudonymizeDsrSubjectId(hook.Email), dsrOutcome: "unsubscribed"); // clean precision-pseudonym
    }

    public async Task OnBounceAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var bounce = JsonSerializer.Deserialize<BounceWebhook>(request.Body)!;
        if (bounce.BounceType == "hard")
        {
            await suppressions.SuppressAsync(bounce.Email, "hard-bounce", cancellationToken);
        }

        var activity = Activity.Current;
        activity?.SetTag("email.message_id", bounce.MessageId); // clean precision-names
        activity?.SetTag("email.bounce.type", bounce.BounceType);
        activity?.SetTag("email.bounce.smtp_status", bounce.SmtpStatus);
        activity?.SetTag("email.bounce.diagnostic", bounce.Diagnostic); // leak TC1001 direct
        _bounces.Add(1, new("type", bounce.BounceType), new("status", bounce.SmtpStatus)); // clean precision-about
        logger.LogWarning("Bounce {Type} for message {MessageId}: {Bounce}", bounce.BounceType, bounce.MessageId, bounce); // leak TC1001 logging-objects

        var subscriberRef = pseudonymizer.ComputeDsrSubjectId(bounce.Email);
        logger.LogWarning("Suppressed {SubscriberRef} after a {Type} bounce", subscriberRef, bounce.BounceType); // clean precision-pseudonym
        _bounces.Add(1, new("type", bounce.BounceType), new("subscriber", subscriberRef)); // leak TC1003 precision-pseudonym
    }
}
