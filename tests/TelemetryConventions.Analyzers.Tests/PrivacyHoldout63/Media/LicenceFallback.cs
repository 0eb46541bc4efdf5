using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Fallback;
using Polly.Retry;
using Polly.Timeout;
using PrivacyHoldout63.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout63.Media;

public sealed record LicenceRequest(Guid SubscriberId, string SubscriberEmail, Guid ProfileId, string TitleId, DrmLicenceKind Kind, string DeviceClass);

public sealed record Licence(string TitleId, byte[] Payload, DateTimeOffset Expires, bool FromCache);

/// <summary>The licence server refuses a fourth stream; its message names the account's email.</summary>
public sealed class ConcurrentStreamLimitException(string subscriberEmail, int limit)
    : Exception($"{subscriberEmail} already has {limit} active streams");

/// <summary>The rights check: names the title, the territory and the rights service's reason.</summary>
public sealed class LicenceDeniedException(string titleId, string territory, string reason)
    : Exception($"Licence for {titleId} denied in {territory}: {reason}");

public static class LicenceContextKeys
{
    public static readonly ResiliencePropertyKey<Guid> ProfileId = new("drm.profile-id");

    public static readonly ResiliencePropertyKey<Pseudonym> SubscriberRef = new("drm.subscriber-ref");

    public static readonly ResiliencePropertyKey<DrmLicenceKind> Kind = new("drm.kind");

    public static readonly ResiliencePropertyKey<string> TitleId = new("drm.title-id");
}

public interface ILicenceCache
{
    Licence? Find(Guid profileId, string titleId);
}

public sealed class LicencePipeline(ILicenceCache cache, Meter meter, ILogger<LicencePipeline> logger)
{
    private readonly CircuitBreakerStateProvider _state = new();

    public CircuitState State => _state.CircuitState;

    public ResiliencePipeline<Licence> Build() =>
        new ResiliencePipelineBuilder<Licence> { Name = "drm-licence" }
            .AddFallback(new FallbackStrategyOptions<Licence>
            {
                ShouldHandle = new PredicateBuilder<Licence>().Handle<TimeoutRejectedException>().Handle<BrokenCircuitException>().Handle<HttpRequestException>(),
                FallbackAction = args =>
                {
                    var cached = cache.Find(args.Context.Properties.GetValue(LicenceContextKeys.ProfileId, Guid.Empty), args.Context.Properties.GetValue(LicenceContextKeys.TitleId, string.Empty));
                    return cached is null ? new ValueTask<Outcome<Licence>>(args.Outcome) : Outcome.FromResultAsValueTask(cached with { FromCache = true });
                },
                OnFallback = args =>
                {
                    var reason = args.Outcome.Exception switch
                    {
                        TimeoutRejectedException => "timeout",
                        BrokenCircuitException => "circuit-open",
                        _ => "unreachable",
                    };
                    var kind = args.Context.Properties.GetValue(LicenceContextKeys.Kind, DrmLicenceKind.Streaming);
                    logger.LogDrmLicenceFallbackEvent(kind, reason, args.Context.Properties.GetValue(LicenceContextKeys.SubscriberRef, default)); // clean precision-pseudonym
                    meter.CreateDrmFallbacksCounter().Add(1, kind, reason); // clean precision-about
                    logger.LogDebug("Fallback licence for profile {ProfileId}", args.Context.Properties.GetValue(LicenceContextKeys.ProfileId, Guid.Empty)); // leak TC1001 cross-member
                    logger.LogDebug(args.Outcome.Exception, "Licence server failed; serving the cached licence"); // clean exceptions
                    return default;
                },
            })
            .AddRetry(new RetryStrategyOptions<Licence>
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(150),
                ShouldHandle = new PredicateBuilder<Licence>().Handle<HttpRequestException>(),
                OnRetry = args =>
                {
                    logger.LogInformation("Licence retry {Attempt} for {TitleId} after {Duration}", args.AttemptNumber, args.Context.Properties.GetValue(LicenceContextKeys.TitleId, "?"), args.Duration);
                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<Licence>
            {
                StateProvider = _state,
                BreakDuration = TimeSpan.FromSeconds(15),
                ShouldHandle = new PredicateBuilder<Licence>().Handle<HttpRequestException>(),
                OnOpened = args =>
                {
                    logger.LogWarning("Licence server circuit open for {BreakDuration}; manual: {IsManual}", args.BreakDuration, args.IsManual); // clean precision-about
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    logger.LogInformation("Licence server circuit half-open");
                    return default;
                },
            })
            .AddTimeout(TimeSpan.FromSeconds(2))
            .Build();
}

public sealed class LicenceClient(
    HttpClient http,
    LicencePipeline pipelines,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<LicenceClient> logger)
{
    private readonly ResiliencePipeline<Licence> _pipeline = pipelines.Build();

    public async Task<Licence?> AcquireAsync(LicenceRequest request, CancellationToken cancellationToken)
    {
        var subscriberRef = pseudonymizer.PseudonymizeDrmSubscriberId(request.SubscriberId.ToString());
        var context = ResilienceContextPool.Shared.Get($"licence:{request.Kind}:{request.TitleId}", cancellationToken); // clean strings
        context.Properties.Set(LicenceContextKeys.ProfileId, request.ProfileId); // clean direct
        context.Properties.Set(LicenceContextKeys.SubscriberRef, subscriberRef);
        context.Properties.Set(LicenceContextKeys.Kind, request.Kind);
        context.Properties.Set(LicenceContextKeys.TitleId, request.TitleId);

        using var span = source.StartDrmLicence(request.Kind, request.TitleId).SetDrmSubscriberId(subscriberRef); // clean generated-api
        Activity.Current?.SetTag(DrmAttributes.SubscriberEmail, pseudonymizer.ComputeDrmSubscriberId(request.SubscriberEmail)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag("drm.circuit_state", pipelines.State.ToString());
        Activity.Current?.SetTag("drm.device_binding", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes($"{request.SubscriberId}:{request.DeviceClass}")))); // leak TC1002 hashes
        try
        {
            var licence = await _pipeline.ExecuteAsync(
                async ctx =>
                {
                    using var response = await http.PostAsync($"licences/{request.TitleId}?kind={request.Kind}", null, ctx.CancellationToken);
                    if (response.StatusCode == HttpStatusCode.Conflict)
                    {
                        throw new ConcurrentStreamLimitException(request.SubscriberEmail, 3);
                    }

                    if (response.StatusCode == HttpStatusCode.Forbidden)
                    {
                        throw new LicenceDeniedException(request.TitleId, response.Headers.TryGetValues("X-Territory", out var territory) ? string.Join(",", territory) : "??", response.ReasonPhrase ?? "forbidden");
                    }

                    response.EnsureSuccessStatusCode();
                    return new Licence(request.TitleId, await response.Content.ReadAsByteArrayAsync(ctx.CancellationToken), DateTimeOffset.UtcNow.AddHours(4), false);
                },
                context);
            Activity.Current?.SetTag("drm.licence.sha256", Convert.ToHexString(SHA256.HashData(licence.Payload))); // clean hashes
            if (licence.FromCache)
            {
                span.SetDrmFallbackReason("cache");
            }

            return licence;
        }
        catch (ConcurrentStreamLimitException ex)
        {
            span.SetDrmNote(ex.Message); // leak TC1001 generated-api
            logger.LogWarning(ex, "Stream limit reached on a {DeviceClass}", request.DeviceClass); // leak TC1001 exceptions
            return null;
        }
        catch (LicenceDeniedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogInformation("Licence denied: {Reason}", ex.Message); // clean exceptions
            return null;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
