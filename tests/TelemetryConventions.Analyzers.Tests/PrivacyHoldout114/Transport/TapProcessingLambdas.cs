namespace PrivacyHoldout114.Transport;

public sealed record GateTap(string CardNumber, string StopId, string RouteId, DateTime TappedAt, string Direction, string DeviceId);

public sealed record PenaltyFareDetail(string NoticeNumber, string CardNumber, string InspectorStaffNumber, string RiderEmail, string RouteId, decimal Amount);

public sealed class UnknownCardException(string cardNumber) : Exception($"Card {cardNumber} is not registered");

/// <summary>Gate taps arrive on SQS from the stations; failed taps go to a dead-letter queue which a Lambda drains.</summary>
public sealed class TapProcessingLambdas(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, IAmazonSQS sqs, ILogger<TapProcessingLambdas> logger)
{
    private static readonly ActivitySource Source = new("Operator.Taps.Lambda");
    private static readonly Meter Meter = new("Operator.Taps.Lambda");
    private static readonly FarefnInvocationsCounter Invocations = Meter.CreateFarefnInvocationsCounter();
    private static readonly Counter<long> Taps = Meter.CreateCounter<long>("farefn.taps");
    private const string TapDlqUrl = "https://sqs.eu-west-2.amazonaws.com/123456789012/taps-dlq";

    public async Task<SQSBatchResponse> OnTapsAsync(SQSEvent sqsEvent, ILambdaContext context)
    {
        var response = new SQSBatchResponse();
        using var span = Source.StartFarefnInvoke(context.FunctionName, "sqs");
        span.SetFarefnBatchSize(sqsEvent.Records.Count); // clean generated-api
        foreach (var message in sqsEvent.Records)
        {
            var tap = JsonSerializer.Deserialize<GateTap>(message.Body)!;
            Taps.Add(1, new KeyValuePair<string, object?>("route", tap.RouteId), new KeyValuePair<string, object?>("direction", tap.Direction)); // clean precision-about
            span.SetFarefnRoute(tap.RouteId).SetFarefnRiderId(pseudonymizer.PseudonymizeFarefnRiderId(tap.CardNumber)); // clean generated-api
            context.Logger.LogInformation("Tap at {StopId} on device {DeviceId}", tap.StopId, tap.DeviceId); // clean precision-names
            context.Logger.LogInformation("Tap {@Tap}", tap); // leak TC1001 logging-objects
            context.Logger.LogInformation("Tap by card ending {Last4}", tap.CardNumber[^4..]); // clean precision-about
            try
            {
                await ChargeAsync(tap);
            }
            catch (UnknownCardException ex)
            {
                context.Logger.LogWarning("Tap rejected: " + ex.Message); // leak TC1001 exceptions
                span.Activity?.AddEvent(new ActivityEvent("tap.rejected", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().FullName })); // clean exceptions
                await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = TapDlqUrl, MessageBody = message.Body, MessageAttributes = { ["card"] = new SQSEvent.MessageAttribute { StringValue = tap.CardNumber } } });
                Invocations.Add(1, context.FunctionName, "sqs", "dead_lettered"); // clean generated-api
            }
            catch (TimeoutException)
            {
                response.BatchItemFailures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
            }
        }
        logger.LogInformation("Retrying {Failures}", response.BatchItemFailures); // clean logging-objects
        return response;
    }

    public void OnTapDeadLetters(SQSEvent sqsEvent, ILambdaContext context)
    {
        foreach (var message in sqsEvent.Records)
        {
            var card = message.MessageAttributes["card"].StringValue!;
            LambdaLogger.Log($"DLQ tap {message.MessageId} for card {card}"); // leak TC1001 strings
            LambdaLogger.Log($"DLQ tap {message.MessageId} from {message.EventSourceArn}"); // clean strings
            var slot = card.GetHashCode() & 0xF;
            Activity.Current?.SetTag("farefn.dlq.slot", slot); // leak TC1002 hashes
            var keyedSlot = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(card))[0] & 0xF;
            Activity.Current?.SetTag("farefn.dlq.keyed_slot", keyedSlot); // clean hashes
            Activity.Current?.SetTag("farefn.rider.id", pseudonymizer.ComputeFarefnRiderId(card)); // clean precision-pseudonym
            context.Logger.LogWarning("Dead tap body {Body}", message.Body); // leak TC1001 cross-member
        }
    }

    private static Task ChargeAsync(GateTap tap) => Task.CompletedTask;
}
