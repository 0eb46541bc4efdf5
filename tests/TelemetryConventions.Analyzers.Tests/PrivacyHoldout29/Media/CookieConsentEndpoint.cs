using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout29.Support.Hosting;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Media;

/// <summary>What the consent banner posts when a visitor saves their choice.</summary>
public sealed record CookieConsentChoice(string ConsentId, int BannerVersion, IReadOnlyList<string> Accepted, IReadOnlyList<string> Rejected, string Locale, Guid? SubscriberId);

public sealed record StoredConsent(string ConsentId, int BannerVersion, string Categories, string Country, DateTimeOffset SavedAt);

public interface IConsentLedger
{
    Task SaveAsync(StoredConsent consent, CancellationToken cancellationToken);
}

/// <summary>The streaming site's cookie banner endpoint: records each visitor's choice as proof of consent.</summary>
public sealed class CookieConsentEndpoint(IConsentLedger ledger, Pseudonymizer pseudonymizer, Meter meter, ILogger<CookieConsentEndpoint> logger)
{
    private readonly Counter<long> _choices = meter.CreateCounter<long>("consent.cookie.choices");

    public async Task<int> SaveAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var choice = JsonSerializer.Deserialize<CookieConsentChoice>(request.Body)!;
        var country = request.Headers.GetValueOrDefault("CF-IPCountry") ?? "XX";
        await ledger.SaveAsync(new StoredConsent(choice.ConsentId, choice.BannerVersion, string.Join(",", choice.Accepted), country, DateTimeOffset.UtcNow), cancellationToken);

        var activity = Activity.Current;
        activity?.SetTag("consent.banner.version", choice.BannerVersion);
        activity?.SetTag("consent.accepted", string.Join(",", choice.Accepted));
        activity?.SetTag("consent.country", country); // clean precision-about
        activity?.SetTag("consent.id", choice.ConsentId); // leak TC1001 direct
        activity?.SetTag("client.address", request.RemoteIpAddress); // leak TC1001 direct

        var allAccepted = choice.Rejected.Count == 0;
        _choices.Add(1, new("version", choice.BannerVersion), new("all_accepted", allAccepted), new("locale", choice.Locale)); // clean precision-about
        _choices.Add(1, new KeyValuePair<string, object?>("consent_id", choice.ConsentId)); // leak TC1003 direct

        if (choice.SubscriberId is { } subscriber)
        {
            logger.LogDsrConsentChangedEvent(pseudonymizer.PseudonymizeDsrSubjectId(subscriber.ToString()), dsrOutcome: allAccepted ? "all" : "partial"); // clean precision-pseudonym
            logger.LogInformation("Signed-in subscriber {SubscriberId} saved cookie choices", subscriber); // leak TC1001 direct
        }

        logger.LogInformation("Cookie choice saved: {Body}", request.Body); // leak TC1001 logging-objects
        logger.LogDebug("Cookie choice saved for banner {Version}, {Accepted} accepted, {Rejected} rejected", choice.BannerVersion, choice.Accepted.Count, choice.Rejected.Count); // clean precision-about
        return choice.Accepted.Count;
    }
}
