using Azure.Messaging.ServiceBus;

namespace PrivacyHoldout68.Healthcare;

/// <summary>
/// Consumes lab results from the "lab-results" queue. The laboratory system sends every result of a
/// patient in one session, so the session id is the patient's hospital number; application properties
/// carry "mrn", "orderingClinician" (the clinician's email), "testCode" and "priority".
/// </summary>
public sealed partial class ResultsSessionConsumer
{
    private static readonly ActivitySource Source = new("Trust.Results");
    private static readonly Meter ResultsMeter = new("Trust.Results");
    private static readonly Counter<long> Received = ResultsMeter.CreateCounter<long>("results.received");

    private readonly ServiceBusSessionProcessor _processor;
    private readonly ObservationStore _store;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<ResultsSessionConsumer> _logger;

    public ResultsSessionConsumer(ServiceBusClient client, ObservationStore store, Pseudonymizer pseudonymizer, ILogger<ResultsSessionConsumer> logger)
    {
        _processor = client.CreateSessionProcessor("lab-results");
        _processor.ProcessMessageAsync += OnMessageAsync;
        _processor.ProcessErrorAsync += OnErrorAsync;
        _store = store;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
    }

    private async Task OnMessageAsync(ProcessSessionMessageEventArgs args)
    {
        var message = args.Message;
        using var activity = Source.StartActivity("lab-results process", ActivityKind.Consumer);
        activity?.SetTag("messaging.message.id", message.MessageId); // clean precision-about
        activity?.SetTag("messaging.message.conversation_id", message.CorrelationId); // clean precision-about
        activity?.SetTag("messaging.servicebus.message.delivery_count", message.DeliveryCount);
        activity?.SetTag("messaging.servicebus.session.id", args.SessionId); // leak TC1001 direct
        activity?.SetTag("patient.ref", _pseudonymizer.PseudonymizeChartPatientId(args.SessionId)); // clean precision-pseudonym

        var testCode = message.ApplicationProperties.TryGetValue("testCode", out var code) ? code.ToString() : "unknown";
        var clinician = message.ApplicationProperties["orderingClinician"] as string;
        Received.Add(1, new KeyValuePair<string, object?>("test_code", testCode), new("queue", "lab-results")); // clean precision-about
        using var scope = _logger.BeginScope(new Dictionary<string, object?> { ["SequenceNumber"] = message.SequenceNumber, ["Subject"] = message.Subject }); // clean precision-about
        _logger.LogInformation("Result {TestCode} for session received; ordered by {Clinician}", testCode, clinician); // leak TC1001 cross-member
        _logger.LogDebug("Result properties: {Properties}", message.ApplicationProperties); // leak TC1001 logging-objects
        _logger.LogDebug("Result property names: {Names}", string.Join(",", message.ApplicationProperties.Keys)); // clean precision-names

        if (message.ApplicationProperties.TryGetValue("mrn", out var mrn) && !string.Equals(mrn as string, args.SessionId, StringComparison.Ordinal))
        {
            LogMrnMismatch(_logger, message.MessageId, (string)mrn!); // leak TC1001 cross-member
            await args.DeadLetterMessageAsync(message, "MrnMismatch", $"mrn {mrn} does not match session {args.SessionId}");
            return;
        }

        var result = message.Body.ToObjectFromJson<LabResult>();
        if (result is null)
        {
            LogUnreadable(_logger, message.MessageId, message.Body.ToString()); // clean logging-objects
            await args.DeadLetterMessageAsync(message, "SchemaViolation");
            return;
        }

        activity?.AddEvent(new ActivityEvent("result.parsed", tags: new ActivityTagsCollection { ["result.loinc"] = result.Loinc, ["result.abnormal"] = result.Flag is "H" or "L" })); // clean precision-about
        try
        {
            if (message.Subject == "amended" && result.ObservationId is { } amendedId)
            {
                await _store.CorrectAsync(args.SessionId, amendedId, result.Value, result.ETag ?? "*", result.VerifiedBy, args.CancellationToken);
            }
            else
            {
                await _store.RecordAsync(new Observation(Guid.NewGuid().ToString(), args.SessionId, result.Ward, result.Loinc, result.Value, result.ResultedAt, result.VerifiedBy), args.CancellationToken);
            }
        }
        catch (InvalidOperationException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            throw;
        }
        await args.CompleteMessageAsync(message);
    }

    private Task OnErrorAsync(ProcessErrorEventArgs args)
    {
        if (args.Exception is ServiceBusException { Reason: ServiceBusFailureReason.SessionCannotBeLocked } busy)
        {
            _logger.LogWarning("Session busy on {Entity}: {Message}", busy.EntityPath, busy.Message); // leak TC1001 exceptions
            return Task.CompletedTask;
        }
        if (args.Exception is ServiceBusException sbx)
        {
            _logger.LogWarning(sbx, "Service Bus {Reason} on {Entity} (transient: {Transient})", sbx.Reason, sbx.EntityPath, sbx.IsTransient); // clean exceptions
            return Task.CompletedTask;
        }
        _logger.LogError("Processor failed in {Source} on {Namespace}/{Entity}: {ExceptionType}", args.ErrorSource, args.FullyQualifiedNamespace, args.EntityPath, args.Exception.GetType().Name); // clean exceptions
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Message {MessageId} names patient {Mrn}, not the session's")]
    private static partial void LogMrnMismatch(ILogger logger, string messageId, string mrn);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Message {MessageId} is not a result: {Body}")]
    private static partial void LogUnreadable(ILogger logger, string messageId, [PrivateData] string body);
}

/// <summary>The body of a result message: a LOINC-coded value for a ward, verified by a biomedical scientist (staff id).</summary>
public sealed record LabResult(string Loinc, double Value, string Units, string? Flag, string Ward, DateTimeOffset ResultedAt, string VerifiedBy, string? ObservationId = null, string? ETag = null);
