using System.Net.Http;
using CloudNative.CloudEvents;

namespace PrivacyHoldout71.Healthcare;

/// <summary>The data of <c>uk.nhs.trust.result.available.v1</c>, sent to the patient's registered practice.</summary>
public sealed record ResultAvailable(string AccessionNumber, string NhsNumber, string TestCode, string PracticeOds, bool Abnormal);

/// <summary>Subscriptions of GP practice systems, by practice code.</summary>
public interface IPracticeSubscriptions
{
    IReadOnlyList<WebhookSubscription> For(string practiceOds, string eventType);
}

/// <summary>
/// Delivers result notifications to GP practice systems in binary content mode (attributes as ce-*
/// headers, data as the body), signed with each subscription's secret, retried on the trust's
/// schedule and written to the delivery log. The practice systems answer 422 with a text body that
/// quotes the patient they could not match ("No registered patient 9434765919 at Y02345").
/// </summary>
public sealed partial class GpResultNotifier(
    HttpClient http,
    IPracticeSubscriptions subscriptions,
    IDeliveryLog deliveryLog,
    IDeadLetterStore deadLetters,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<GpResultNotifier> logger,
    TimeProvider clock)
{
    public const string EventType = "uk.nhs.trust.result.available.v1";
    private static readonly JsonEventFormatter Formatter = new();
    private readonly LabhookDeliveryDurationHistogram _duration = meter.CreateLabhookDeliveryDurationHistogram();
    private readonly LabhookDeliveriesCounter _deliveries = meter.CreateLabhookDeliveriesCounter();

    public async Task NotifyAsync(ResultAvailable result, CancellationToken cancellationToken)
    {
        var cloudEvent = new CloudEvent
        {
            Id = Guid.NewGuid().ToString(),
            Source = new Uri("https://results.trust.example/lab"),
            Type = EventType,
            Subject = result.AccessionNumber,
            Time = clock.GetUtcNow(),
            DataContentType = "application/json",
            Data = result,
        };
        cloudEvent["partitionkey"] = result.PracticeOds;

        foreach (var subscription in subscriptions.For(result.PracticeOds, EventType))
        {
            using var span = source.StartLabhookDeliver(EventType); // clean generated-api
            span.SetLabhookEventId(cloudEvent.Id);
            span.SetLabhookPractice(subscription.Owner); // clean generated-api
            span.SetLabhookPartition((string)cloudEvent["partitionkey"]!); // clean generated-api
            span.SetLabhookPatientId(pseudonymizer.PseudonymizeLabhookPatientId(result.NhsNumber)); // clean precision-pseudonym
            logger.LogDebug("Delivering {EventId} to {Subscription}", cloudEvent.Id, subscription); // clean logging-objects

            for (var attempt = 1; attempt <= RetrySchedule.MaxAttempts; attempt++)
            {
                span.SetLabhookAttempt(attempt);
                var started = clock.GetTimestamp();
                using var message = new HttpRequestMessage(HttpMethod.Post, subscription.Endpoint)
                {
                    Content = cloudEvent.ToHttpContent(ContentMode.Binary, Formatter),
                };
                var body = await message.Content.ReadAsStringAsync(cancellationToken);
                var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
                message.Headers.Add("X-Trust-Timestamp", timestamp.ToString());
                message.Headers.Add("X-Trust-Signature", WebhookSignature.Sign(subscription.Secret, timestamp, body));
                Activity.Current?.SetTag("http.request.header.x-trust-signature", message.Headers.GetValues("X-Trust-Signature").First()); // clean hashes

                HttpResponseMessage response;
                try
                {
                    response = await http.SendAsync(message, cancellationToken);
                }
                catch (HttpRequestException ex)
                {
                    LogTransportFailure(logger, ex, subscription.Id, attempt); // clean exceptions
                    if (!await WaitAsync(attempt, cancellationToken))
                    {
                        break;
                    }
                    continue;
                }

                var elapsed = clock.GetElapsedTime(started);
                var reply = response.IsSuccessStatusCode ? null : await response.Content.ReadAsStringAsync(cancellationToken);
                var logged = new DeliveryAttempt(Guid.NewGuid().ToString("N"), subscription.Id, cloudEvent.Id, EventType, attempt, (int)response.StatusCode, elapsed, reply);
                await deliveryLog.AppendAsync(logged, cancellationToken);
                _duration.Record(elapsed.TotalSeconds, subscription.Owner, ((int)response.StatusCode).ToString()); // clean generated-api

                if (response.IsSuccessStatusCode)
                {
                    span.SetLabhookOutcome("delivered");
                    _deliveries.Add(1, EventType, subscription.Owner, "delivered");
                    return;
                }

                logger.LogWarning("Delivery attempt {Attempt} failed: {Delivery}", attempt, logged); // leak TC1001 logging-objects
                logger.LogWarning("Delivery attempt {Attempt} failed: {Delivery}", attempt, logged with { ResponseBody = null }); // clean logging-objects
                if ((int)response.StatusCode == 422)
                {
                    span.SetLabhookOutcome("rejected:unmatched");
                    span.SetLabhookNote(reply ?? "422"); // leak TC1001 generated-api
                    await deadLetters.PutAsync(new DeadLetter(cloudEvent.Id, EventType, "Unmatched", reply ?? string.Empty, body, clock.GetUtcNow()), cancellationToken); // clean direct
                    break;
                }

                if (!await WaitAsync(attempt, cancellationToken))
                {
                    span.SetStatus(ActivityStatusCode.Error, $"gave up after {attempt} attempts"); // clean precision-about
                    logger.LogLabhookDeadLetteredEvent(EventType, "exhausted", pseudonymizer.PseudonymizeLabhookPatientId(result.NhsNumber), $"last status {(int)response.StatusCode}"); // clean generated-api
                    await deadLetters.PutAsync(new DeadLetter(cloudEvent.Id, EventType, "RetriesExhausted", $"status {(int)response.StatusCode}", body, clock.GetUtcNow()), cancellationToken);
                }
            }
        }
    }

    /// <summary>Practices without a subscription get the result by the NHS mail fallback.</summary>
    public void NoteFallback(ResultAvailable result)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["practice"] = result.PracticeOds, ["accession"] = result.AccessionNumber }); // clean direct
        logger.LogInformation("No webhook for {Practice}; result for {NhsNumber} sent by NHSmail", result.PracticeOds, result.NhsNumber); // leak TC1001 direct
        LogFallback(logger, result.PracticeOds, MaskNhs(result.NhsNumber)); // clean precision-about
    }

    private async Task<bool> WaitAsync(int attempt, CancellationToken cancellationToken)
    {
        if (RetrySchedule.After(attempt) is not { } delay)
        {
            return false;
        }
        await Task.Delay(delay, clock, cancellationToken);
        return true;
    }

    /// <summary>"943 *** **19": the first three and last two digits, as the practices' letters print it.</summary>
    private static string MaskNhs(string nhsNumber) => $"{nhsNumber[..3]} *** **{nhsNumber[^2..]}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transport failure delivering to {SubscriptionId} (attempt {Attempt})")]
    private static partial void LogTransportFailure(ILogger logger, Exception exception, string subscriptionId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fallback by NHSmail for {Practice}, patient {MaskedNhs}")]
    private static partial void LogFallback(ILogger logger, string practice, string maskedNhs);
}
