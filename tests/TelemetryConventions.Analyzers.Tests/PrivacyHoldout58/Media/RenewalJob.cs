using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout58.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout58.Media;

public sealed record Renewal(Guid SubscriberId, string Email, string PlanCode, string Currency);

/// <summary>The issuer declined the charge; the code is the PSP's normalised decline code.</summary>
public sealed class PaymentDeclinedException(string declineCode)
    : Exception($"The issuer declined the renewal charge ({declineCode}).")
{
    public string DeclineCode { get; } = declineCode;
}

public sealed class RenewalFailedException(Guid subscriberId, string planCode, Exception innerException)
    : Exception($"Renewal of {planCode} for subscriber {subscriberId} failed.", innerException);

public interface IBilling
{
    /// <summary>Throws <see cref="PaymentDeclinedException"/> and <see cref="TimeoutException"/>.</summary>
    Task ChargeAsync(Guid subscriberId, string planCode, CancellationToken cancellationToken);
}

/// <summary>The nightly renewal run. Timeouts are retried; declines are not.</summary>
public sealed partial class RenewalJob(IBilling billing, Pseudonymizer pseudonymizer, ILogger<RenewalJob> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Streaming.Billing");

    private readonly Counter<long> _renewalFailures = meter.CreateCounter<long>("subscription.renewal.failures");

    public async Task RunAsync(IReadOnlyList<Renewal> due, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("subscription.renewals");
        activity?.SetTag("renewals.due", due.Count);
        var failures = new List<RenewalFailedException>();

        foreach (var renewal in due)
        {
            try
            {
                await RenewWithRetryAsync(renewal, cancellationToken);
            }
            catch (RenewalFailedException ex)
            {
                failures.Add(ex);
                activity?.AddEvent(new ActivityEvent("renewal.failed", tags: new ActivityTagsCollection { ["plan"] = renewal.PlanCode, ["decline"] = (ex.InnerException as PaymentDeclinedException)?.DeclineCode })); // clean precision-about
                foreach (DictionaryEntry entry in ex.Data)
                {
                    activity?.SetTag($"renewal.error.{entry.Key}", entry.Value); // leak TC1001 logging-objects
                }
                _renewalFailures.Add(1, new KeyValuePair<string, object?>("plan", renewal.PlanCode), new KeyValuePair<string, object?>("subscriber", pseudonymizer.ComputeViewingSubscriberId(renewal.SubscriberId.ToString()))); // leak TC1003 precision-pseudonym
                _renewalFailures.Add(1, new KeyValuePair<string, object?>("plan", renewal.PlanCode), new KeyValuePair<string, object?>("cause", ex.InnerException?.GetType().Name)); // clean precision-names
                LogRenewalFailed(logger, ex, renewal.PlanCode); // leak TC1001 exceptions
                logger.LogInformation($"Renewal for {renewal.Email} not completed: {ex.GetBaseException().Message}"); // leak TC1001 strings
            }
        }

        if (failures.Count > 0)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"{failures.Count} of {due.Count} renewals failed"); // clean precision-about
            logger.LogWarning("Renewal causes: {Causes}", string.Join(" | ", failures.Select(f => f.GetBaseException().Message))); // clean exceptions
            logger.LogWarning("Renewal failures: {Failures}", string.Join(" | ", failures.Select(f => f.Message))); // leak TC1001 exceptions
        }
    }

    private async Task RenewWithRetryAsync(Renewal renewal, CancellationToken cancellationToken)
    {
        ExceptionDispatchInfo? last = null;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                await billing.ChargeAsync(renewal.SubscriberId, renewal.PlanCode, cancellationToken);
                return;
            }
            catch (TimeoutException ex)
            {
                last = ExceptionDispatchInfo.Capture(ex);
                logger.LogInformation("Charge attempt {Attempt} timed out: {Error}", attempt, ex.Message); // clean exceptions
            }
            catch (PaymentDeclinedException ex)
            {
                throw Failed(renewal, ex, attempt);
            }
        }
        throw Failed(renewal, last!.SourceException, 3);
    }

    private static RenewalFailedException Failed(Renewal renewal, Exception cause, int attempts)
    {
        var failed = new RenewalFailedException(renewal.SubscriberId, renewal.PlanCode, cause);
        failed.Data["plan"] = renewal.PlanCode;
        failed.Data["attempts"] = attempts;
        failed.Data["email"] = renewal.Email;
        return failed;
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Renewal of {Plan} failed")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception, string plan);
}
