using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout5.Support;
using TelemetryConventions;

namespace PrivacyHoldout5.Media;

public sealed record EntitlementRequest(string SubscriberId, string TitleId, string DeviceId, string Territory);

public sealed record Entitlement(string TitleId, bool Allowed, string? DenyReason, DateTimeOffset? ExpiresAt);

public sealed record EntitlementAudit(string TitleId, string Territory, bool Allowed, int Attempts);

/// <summary>Asks the rights service whether a subscriber may play a title, with retries and a breaker.</summary>
public sealed class EntitlementClient
{
    private static readonly ActivitySource Source = new("Stream.Entitlements");

    private readonly HttpClient _http;
    private readonly ILogger<EntitlementClient> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly AsyncPolicy<HttpResponseMessage> _retry;
    private readonly AsyncPolicy<HttpResponseMessage> _breaker;

    public EntitlementClient(HttpClient http, ILogger<EntitlementClient> logger, Pseudonymizer pseudonymizer)
    {
        _http = http;
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _retry = Policy<HttpResponseMessage>.WaitAndRetryAsync(3, attempt => TimeSpan.FromMilliseconds(200 * attempt),
            onRetry: (outcome, delay, attempt, context) =>
            {
                var status = outcome.Result?.StatusCode ?? HttpStatusCode.ServiceUnavailable;
                Activity.Current?.AddEvent(new ActivityEvent("entitlement.retry", tags: new ActivityTagsCollection { ["http.response.status_code"] = (int)status, ["retry.attempt"] = attempt })); // clean precision-about
                _logger.LogWarning("Retry {Attempt} of {Operation} for subscriber {Subscriber} after {Delay}", attempt, context.OperationKey, context["subscriber"], delay); // leak TC1001 cross-member
                _logger.LogWarning("Retry {Attempt} for title {Title}", attempt, context.TryGetValue("title", out var title) ? title : "?"); // clean precision-names
            });
        _breaker = Policy<HttpResponseMessage>.CircuitBreakerAsync(5, TimeSpan.FromSeconds(30),
            onBreak: (outcome, duration, context) =>
                _logger.LogError(outcome.Exception, "Rights service breaker open for {Duration}", duration), // clean exceptions
            onReset: context => _logger.LogInformation("Rights service breaker reset by {Subscriber}", context["subscriberRef"])); // clean precision-pseudonym
    }

    public async Task<Entitlement?> CheckAsync(EntitlementRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("entitlement.check", ActivityKind.Client);
        activity?.SetTag("media.title.id", request.TitleId); // clean precision-names
        activity?.SetTag("media.request", JsonSerializer.Serialize(request)); // leak TC1001 logging-objects

        var context = new Context("entitlement.check")
        {
            ["subscriber"] = request.SubscriberId,
            ["subscriberRef"] = _pseudonymizer.Pseudonymize("subscriber", request.SubscriberId).Value,
            ["title"] = request.TitleId,
        };

        var path = new StringBuilder();
        path.AppendFormat(CultureInfo.InvariantCulture, "/rights/{0}/titles/{1}", request.SubscriberId, request.TitleId);
        path.AppendFormat(CultureInfo.InvariantCulture, "?territory={0}", request.Territory);
        activity?.SetTag("url.path", path.ToString()); // leak TC1001 strings

        var attempts = 0;
        using var response = await _retry.ExecuteAsync(async (ctx, ct) =>
        {
            attempts++;
            return await _http.GetAsync(path.ToString(), ct);
        }, context, cancellationToken);
        activity?.SetTag("entitlement.attempts", attempts); // clean precision-about

        var entitlement = await JsonSerializer.DeserializeAsync<Entitlement>(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        if (entitlement is null)
        {
            return null;
        }
        var audit = new EntitlementAudit(entitlement.TitleId, request.Territory, entitlement.Allowed, attempts);
        activity?.SetTag("entitlement.audit", JsonSerializer.Serialize(audit)); // clean logging-objects
        activity?.SetTag("entitlement.result", JsonSerializer.Serialize(entitlement)); // clean logging-objects
        _logger.LogInformation($"Entitlement for {request.SubscriberId} on {request.TitleId}: {entitlement.Allowed}"); // leak TC1001 strings
        return entitlement;
    }
}

/// <summary>Builds the support ticket summary attached to a playback failure span.</summary>
public static class PlaybackFailureReport
{
    public static void Attach(Activity? activity, string subscriberEmail, string titleId, string subscriberId, Exception failure)
    {
        var summary = new StringBuilder();
        summary.AppendFormat(CultureInfo.InvariantCulture, "title={0};error={1}", titleId, failure.GetType().Name);
        activity?.SetTag("playback.failure.summary", summary.ToString()); // clean strings
        var contactLine = string.Format(CultureInfo.InvariantCulture, "{0,-40}|{1:yyyy-MM-dd}", subscriberEmail, DateTime.UtcNow);
        activity?.SetTag("playback.failure.contact", contactLine); // leak TC1001 strings
        var bucket = MD5.HashData(Encoding.UTF8.GetBytes(subscriberId));
        activity?.SetTag("playback.subscriber.cohort", new Guid(bucket).ToString("N")); // leak TC1002 hashes
        activity?.SetTag("playback.subscriber.hash", HashCode.Combine(subscriberId, titleId)); // leak TC1002 hashes
        activity?.SetStatus(ActivityStatusCode.Error, $"Playback of {titleId} failed: {failure.GetType().Name}"); // clean exceptions
    }
}
