using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout4.Support;
using PrivacyHoldout4.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout4.Media;

public sealed record EntitlementRequest(string SubscriberId, string TitleId, string Country, string? PromoCode);

public sealed record EntitlementReply(bool Allowed, string? Reason);

public sealed class EntitlementDeniedException(string subscriberId, string titleId)
    : Exception($"Subscriber {subscriberId} is not entitled to {titleId}")
{
    public string TitleId { get; } = titleId;
}

/// <summary>Puts the subscriber on the baggage so the licence and CDN services can enrich their spans.</summary>
public sealed class SubscriberBaggageInterceptor(Pseudonymizer pseudonymizer) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, GrpcCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var subscriber = context.RequestHeaders.GetValue("x-subscriber-id");
        if (subscriber is not null)
        {
            Activity.Current?.SetBaggage("stream.subscriber.id", pseudonymizer.ComputeStreamSubscriberId(subscriber)); // clean precision-pseudonym
            Baggage.SetBaggage("stream.subscriber.raw", subscriber); // leak TC1001 direct
        }

        Activity.Current?.SetBaggage("stream.subscriber.tier", context.RequestHeaders.GetValue("x-subscriber-tier")); // clean precision-names
        return continuation(request, context);
    }
}

public sealed class EntitlementService(IEntitlements entitlements, ILogger<EntitlementService> logger, Pseudonymizer pseudonymizer)
{
    public async Task<EntitlementReply> Check(EntitlementRequest request, GrpcCallContext context)
    {
        var activity = Activity.Current;
        activity?.SetTag("stream.title.id", request.TitleId); // clean precision-names
        activity?.SetTag("stream.country", request.Country);
        activity?.SetTag("stream.promo.applied", request.PromoCode is not null); // clean precision-about

        try
        {
            await entitlements.EnsureAsync(request.SubscriberId, request.TitleId);
            return new EntitlementReply(true, null);
        }
        catch (EntitlementDeniedException denied)
        {
            activity?.SetStatus(ActivityStatusCode.Error, denied.Message); // leak TC1001 exceptions
            activity.EnrichStreamPlayback(pseudonymizer.PseudonymizeStreamSubscriberId(request.SubscriberId)).SetStreamDetail($"denied for {denied.TitleId}"); // clean exceptions
            logger.LogInformation("Entitlement denied: {Error}", denied.GetType().Name); // clean exceptions
            return new EntitlementReply(false, "not-entitled");
        }
        catch (Exception ex) when (ex is TimeoutException)
        {
            logger.LogError(ex, "Entitlement store timed out for {Subscriber}", request.SubscriberId); // leak TC1001 direct
            throw new GrpcStatusException("Unavailable", "entitlements timed out");
        }
    }

    public void AuditPromo(EntitlementRequest request)
    {
        var profile = new Dictionary<string, object?> { ["country"] = request.Country, ["promo"] = request.PromoCode, ["subscriber"] = request.SubscriberId };
        using (logger.BeginScope(profile)) // leak TC1001 logging-objects
        {
            logger.LogInformation("Promo code applied");
        }

        var safe = profile.Where(kv => kv.Key != "subscriber").ToDictionary(kv => kv.Key, kv => kv.Value);
        using (logger.BeginScope(safe)) // clean logging-objects
        {
            logger.LogInformation("Promo code audited");
        }
    }
}

public interface IEntitlements
{
    Task EnsureAsync(string subscriberId, string titleId);
}
