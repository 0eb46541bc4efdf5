using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout51.Support.NServiceBus;
using PrivacyHoldout51.Telemetry;

namespace PrivacyHoldout51.Retail;

public sealed class LoyaltyAccountFrozenException(string cardNumber) : Exception($"Loyalty account {cardNumber} is frozen");

/// <summary>
/// Subscribes to the recoverability notifications of the <c>loyalty</c> endpoint, whose messages
/// carry the loyalty card number and whose handlers throw <c>LoyaltyAccountFrozenException</c> (the
/// card number) and the points store's <c>TimeoutException</c>, and reports the messages it moves to
/// the <c>error</c> queue.
/// </summary>
public sealed class LoyaltyRecoverabilityMonitor(ILogger<LoyaltyRecoverabilityMonitor> logger)
{
    private static readonly Meter Meter = new("Shop.Loyalty");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("loyalty.messages.failed", "{message}");

    public Task OnDelayedRetryAsync(DelayedRetryMessage retry)
    {
        logger.LogWarning("Loyalty message {MessageId} delayed retry {Attempt} in {Delay}", retry.MessageId, retry.RetryAttempt, retry.Delay); // clean precision-about
        logger.LogWarning("Delayed retry caused by {ExceptionType}", retry.Exception.GetType().FullName); // clean exceptions
        return Task.CompletedTask;
    }

    public Task OnMessageFailedAsync(FailedMessage failed)
    {
        var type = failed.Headers.GetValueOrDefault(Headers.EnclosedMessageTypes, "unknown").Split(',')[0];
        Failed.Add(1, new TagList { { "message_type", type }, { "exception_type", failed.Exception.GetType().Name } }); // clean exceptions
        Failed.Add(1, new TagList { { "message_type", type }, { "reason", failed.Exception.Message } }); // leak TC1003 exceptions
        logger.LogError(failed.Exception, "Loyalty message {MessageId} moved to {ErrorQueue}", failed.MessageId, failed.ErrorQueue); // leak TC1001 exceptions
        logger.LogDebug("Failed loyalty message body {Body}", Encoding.UTF8.GetString(failed.Body)); // leak TC1001 logging-objects
        return Task.CompletedTask;
    }
}

/// <summary>
/// Reads the shared <c>error</c> queue, which receives the failed messages of every endpoint of the
/// shop (the loyalty endpoint's included), for the operations dashboard. Recoverability copies the
/// exception's type, message and stack trace into the failed message's headers.
/// </summary>
public sealed class ErrorQueueReader(ILogger<ErrorQueueReader> logger)
{
    private static readonly ActivitySource Source = new("Shop.ErrorQueue");

    public void Report(IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        using var activity = Source.StartActivity("error-queue inspect");
        using var span = TelemetrySpans.EnrichBusHandle(activity, headers.GetValueOrDefault(Headers.EnclosedMessageTypes, "unknown"), "error");
        activity?.SetTag("failed.queue", headers.GetValueOrDefault(Headers.FailedQ)); // clean precision-names
        activity?.SetTag("failed.exception_type", headers.GetValueOrDefault(Headers.ExceptionInfoExceptionType)); // clean exceptions
        span.SetBusNote(headers.GetValueOrDefault(Headers.ExceptionInfoMessage, string.Empty)); // leak TC1001 exceptions
        span.SetBusCorrelationId(headers.GetValueOrDefault(Headers.CorrelationId, string.Empty)); // clean generated-api
        logger.LogWarning("Failed message headers {Headers}", string.Join("; ", headers.Where(h => h.Key.StartsWith("NServiceBus.ExceptionInfo", StringComparison.Ordinal)).Select(h => $"{h.Key}={h.Value}"))); // leak TC1001 strings
        logger.LogInformation("Failed message {MessageId}, {Length} bytes, {HeaderCount} headers", headers.GetValueOrDefault(Headers.MessageId), body.Length, headers.Count); // clean precision-about
    }
}
