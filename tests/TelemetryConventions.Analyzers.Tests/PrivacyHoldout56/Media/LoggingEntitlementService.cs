using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout56.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout56.Media;

/// <summary><c>DenialCode</c> is one of the entitlement engine's codes (<c>plan-excludes-title</c>, <c>device-limit</c>, …).</summary>
public sealed record EntitlementDecision(bool Granted, string Plan, string? DenialCode);

public interface IEntitlementService
{
    Task<EntitlementDecision> CheckAsync(Guid subscriberId, Guid profileId, string titleId, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListDevicesAsync(Guid subscriberId, CancellationToken cancellationToken);

    Task<EntitlementDecision> GrantTrialAsync(string email, string titleId, CancellationToken cancellationToken);
}

/// <summary>Thrown by the entitlement service when a trial was already used with the address.</summary>
public sealed class TrialAlreadyUsedException(string email)
    : Exception($"A trial was already granted to {email}.");

public static class EntitlementRegistration
{
    public static IServiceCollection AddEntitlements(this IServiceCollection services) =>
        services.Decorate<IEntitlementService, LoggingEntitlementService>();
}

/// <summary>Scrutor decorator that logs, traces and counts the entitlement checks.</summary>
public sealed partial class LoggingEntitlementService(
    IEntitlementService inner,
    ILogger<LoggingEntitlementService> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer) : IEntitlementService
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Checking {TitleId} for subscriber {SubscriberId}")]
    private static partial void LogChecking(ILogger logger, string titleId, Guid subscriberId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Entitlement to {TitleId} on profile {ProfileId}: {Granted}")]
    private static partial void LogDecision(ILogger logger, string titleId, [PrivateData] Guid profileId, bool granted);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Subscriber {SubscriberRef} has {Count} registered devices")]
    private static partial void LogDevices(ILogger logger, string subscriberRef, int count);

    public async Task<EntitlementDecision> CheckAsync(Guid subscriberId, Guid profileId, string titleId, CancellationToken cancellationToken)
    {
        LogChecking(logger, titleId, subscriberId); // leak TC1001 direct
        using var span = source.StartVodEntitlementCheck(pseudonymizer.PseudonymizeVodSubscriberId(subscriberId.ToString()), titleId); // clean generated-api
        span.SetVodProfileId(pseudonymizer.PseudonymizeVodProfileId(profileId.ToString())); // clean precision-pseudonym
        var decision = await inner.CheckAsync(subscriberId, profileId, titleId, cancellationToken);
        var outcome = decision.Granted ? VodOutcome.Granted : VodOutcome.Denied;
        span.SetVodPlan(decision.Plan).SetVodOutcome(outcome); // clean generated-api
        LogDecision(logger, titleId, profileId, decision.Granted); // clean direct
        meter.CreateVodEntitlementChecksCounter().Add(1, outcome, decision.Plan); // clean generated-api
        if (!decision.Granted)
        {
            logger.LogVodEntitlementDeniedEvent(titleId, pseudonymizer.PseudonymizeVodSubscriberId(subscriberId.ToString()), decision.Plan, vodNote: decision.DenialCode); // clean generated-api
            logger.LogWarning("Denied {TitleId} to profile {ProfileId}: {DenialCode}", titleId, profileId, decision.DenialCode); // leak TC1001 direct
        }

        return decision;
    }

    public async Task<IReadOnlyList<string>> ListDevicesAsync(Guid subscriberId, CancellationToken cancellationToken)
    {
        var devices = await inner.ListDevicesAsync(subscriberId, cancellationToken);
        LogDevices(logger, pseudonymizer.ComputeVodSubscriberId(subscriberId.ToString()), devices.Count); // clean precision-pseudonym
        logger.LogDebug("Registered devices {Devices}", devices); // leak TC1001 logging-objects
        logger.LogDebug("Registered device classes {Classes}", devices.Select(d => d[..4]).Distinct().ToArray()); // clean precision-about
        return devices;
    }

    public async Task<EntitlementDecision> GrantTrialAsync(string email, string titleId, CancellationToken cancellationToken)
    {
        using var span = source.StartVodEntitlementCheck(pseudonymizer.PseudonymizeVodSubscriberId(email), titleId); // clean precision-pseudonym
        span.SetVodNote($"trial for {email}"); // leak TC1001 generated-api
        Activity.Current?.SetTag(VodAttributes.SubscriberEmail + ".local", email[..email.IndexOf('@')]); // leak TC1001 strings
        Activity.Current?.SetTag("vod.trial.email_domain", email[(email.IndexOf('@') + 1)..]); // clean precision-about
        try
        {
            var decision = await inner.GrantTrialAsync(email, titleId, cancellationToken);
            span.SetVodOutcome(decision.Granted ? VodOutcome.Granted : VodOutcome.Denied).SetVodPlan("trial"); // clean generated-api
            return decision;
        }
        catch (TrialAlreadyUsedException ex)
        {
            span.SetVodOutcome(VodOutcome.Denied).SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogInformation("Trial refused: {ErrorType}", ex.GetType().Name); // clean exceptions
            throw;
        }
    }
}
