using System.Security.Cryptography;
using System.Text.Json;

namespace PrivacyHoldout67.Healthcare;

/// <summary>A result as the laboratory system publishes it, one message per analysed sample.</summary>
public sealed record LabResultMessage(string OrderId, string HospitalNumber, string WardCode, string AnalyserId, string TestCode, string PatientName, bool Critical);

/// <summary>An order still waiting for results; <c>RequestedBy</c> is the requesting clinician's staff number.</summary>
public sealed record OpenOrder(string OrderId, string HospitalNumber, string Status, string RequestedBy);

public sealed record WardPlacement(string WardCode, string BedLabel, string ConsultantName, DateTimeOffset AdmittedAt);

public sealed record ResultRoute(string OrderId, string WardCode, string Outcome);

public interface IOrderStore
{
    Task<OpenOrder?> FindOpenAsync(string orderId, CancellationToken cancellationToken);
}

public interface IWardDirectory
{
    Task<WardPlacement> CurrentWardAsync(string hospitalNumber, CancellationToken cancellationToken);
}

/// <summary>Thrown when a result names no open order of the patient.</summary>
public sealed class UnmatchedResultException(string hospitalNumber, string orderId)
    : Exception($"No open order {orderId} for patient {hospitalNumber}")
{
    public string OrderId { get; } = orderId;
}

internal static class LabTracing
{
    public static readonly ActivitySource Relay = new("Trust.Labs.Relay");
    public static readonly ActivitySource Matching = new("Trust.Labs.Matching");
    public static readonly Meter Meter = new("Trust.Labs");
}

/// <summary>
/// Drains the results queue in batches: one consumer span per batch, linked to the producer span of
/// every message, and one generated route span per result, parented on the message's own context.
/// </summary>
public sealed class LabResultsRelay(IBatchReceiver receiver, ResultMatcher matcher, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<LabResultsRelay> logger) : BackgroundService
{
    private static readonly TextMapPropagator Propagator = Propagators.DefaultTextMapPropagator;
    private readonly Counter<long> _relayed = LabTracing.Meter.CreateCounter<long>("labs.results.relayed");
    private readonly Counter<long> _perPatient = LabTracing.Meter.CreateCounter<long>("labs.results.per_patient");
    private readonly LabflowResultsRoutedCounter _routed = LabTracing.Meter.CreateLabflowResultsRoutedCounter();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var batch = await receiver.ReceiveBatchAsync(50, stoppingToken);
            if (batch.Count == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
                continue;
            }

            var links = new List<ActivityLink>(batch.Count);
            var parsed = new List<(InboundMessage Message, LabResultMessage Result, PropagationContext Parent)>(batch.Count);
            foreach (var message in batch)
            {
                var parent = Propagator.Extract(default, message, MessageCarrier.Getter);
                if (TryParse(message, out var result))
                {
                    links.Add(result.Critical ? CriticalLinkFor(parent, result) : LinkFor(parent, message, result)); // leak TC1001 cross-member
                    parsed.Add((message, result, parent));
                }
            }

            using var batchActivity = LabTracing.Relay.StartActivity("labs.results receive", ActivityKind.Consumer, default(ActivityContext), links: links);
            batchActivity?.SetTag("messaging.destination.name", receiver.EntityPath); // clean precision-names
            batchActivity?.SetTag("messaging.batch.message_count", batch.Count);

            foreach (var (message, result, parent) in parsed)
            {
                await RouteOneAsync(message, result, parent, stoppingToken);
            }
        }
    }

    private static ActivityLink LinkFor(PropagationContext parent, InboundMessage message, LabResultMessage result) =>
        new(parent.ActivityContext, new ActivityTagsCollection { ["messaging.message.id"] = message.MessageId, ["lab.order.id"] = result.OrderId, ["lab.analyser"] = result.AnalyserId }); // clean direct

    // The on-call biochemist asked to find the critical results of a patient from the trace view.
    private static ActivityLink CriticalLinkFor(PropagationContext parent, LabResultMessage result) =>
        new(parent.ActivityContext, new ActivityTagsCollection { ["lab.critical"] = true, ["patient.hospital_number"] = result.HospitalNumber }); // leak TC1001 direct

    private async Task RouteOneAsync(InboundMessage message, LabResultMessage result, PropagationContext parent, CancellationToken ct)
    {
        Baggage.Current = parent.Baggage;
        using var span = LabTracing.Relay.StartLabflowResultRoute(result.OrderId, parentContext: parent.ActivityContext); // clean generated-api
        span.SetLabflowPatientId(pseudonymizer.PseudonymizeLabflowPatientId(result.HospitalNumber)); // clean precision-pseudonym
        span.SetLabflowStage("matching");
        span.Activity?.SetTag("lab.sample.bucket", SampleBucket(result.HospitalNumber)); // leak TC1002 hashes
        span.Activity?.SetTag("lab.shard", ShardOf(result.HospitalNumber)); // clean hashes
        try
        {
            var route = await matcher.MatchAsync(result, ct);
            span.SetLabflowOutcome(route.Outcome).SetLabflowStage("routed"); // clean generated-api
            _relayed.Add(1, new KeyValuePair<string, object?>("lab.ward", route.WardCode), new("lab.critical", result.Critical)); // clean precision-about
            _perPatient.Add(1, new KeyValuePair<string, object?>("lab.patient", pseudonymizer.ComputeLabflowPatientId(result.HospitalNumber))); // leak TC1003 precision-pseudonym
            span.Activity.Note("lab.analyser", result.AnalyserId); // clean cross-member
            _routed.Add(1, "routed", route.Outcome); // clean generated-api
            await receiver.CompleteAsync(message, ct);
        }
        catch (UnmatchedResultException ex)
        {
            span.RecordException(ex, "unmatched result", includeMessage: true); // leak TC1001 exceptions
            span.Activity?.AddLabflowResultUnmatchedEvent(ex.OrderId, "unmatched", pseudonymizer.PseudonymizeLabflowPatientId(result.HospitalNumber)); // clean generated-api
            logger.LogLabflowResultUnmatchedEvent(ex.OrderId, "unmatched", labflowNote: ex.Message); // leak TC1001 generated-api
            _routed.Add(1, "unmatched", $"unmatched:{result.HospitalNumber}"); // leak TC1003 generated-api
            await receiver.DeadLetterAsync(message, "unmatched", ct);
        }
    }

    private static bool TryParse(InboundMessage message, out LabResultMessage result)
    {
        try
        {
            result = JsonSerializer.Deserialize<LabResultMessage>(message.Body)!;
            return true;
        }
        catch (JsonException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            result = null!;
            return false;
        }
    }

    // Keeps one in eight patients' results fully traced, the same patients on every relay instance.
    private static int SampleBucket(string hospitalNumber) => SHA256.HashData(Encoding.UTF8.GetBytes(hospitalNumber))[0] & 7;

    private string ShardOf(string hospitalNumber) => Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(hospitalNumber)))[..2];
}

/// <summary>
/// Matches a result to its open order and finds the patient's ward. Deep in the relay's call chain,
/// it enriches whatever span is current.
/// </summary>
public sealed class ResultMatcher(IOrderStore orders, IWardDirectory wards, ILogger<ResultMatcher> logger)
{
    public async Task<ResultRoute> MatchAsync(LabResultMessage result, CancellationToken ct)
    {
        using var activity = LabTracing.Matching.StartActivity("labs.match");
        var order = await orders.FindOpenAsync(result.OrderId, ct) ?? throw new UnmatchedResultException(result.HospitalNumber, result.OrderId);
        activity?.SetTag("lab.order.status", order.Status);
        if (!string.Equals(order.HospitalNumber, result.HospitalNumber, StringComparison.Ordinal))
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"Order {order.OrderId} belongs to {order.HospitalNumber}, result names {result.HospitalNumber}"); // leak TC1001 strings
            logger.LogWarning("Result for order {OrderId} names another patient; requested by {RequestedBy}", order.OrderId, order.RequestedBy); // leak TC1001 direct
            return new ResultRoute(order.OrderId, "LAB-QUERY", "mismatch");
        }

        var ward = await wards.CurrentWardAsync(result.HospitalNumber, ct);
        WardEnrichment.Annotate(ward); // leak TC1001 cross-member
        logger.LogDebug("Placement {@Placement}", ward); // leak TC1001 logging-objects
        logger.LogDebug("Result {TestCode} on {Analyser} is critical: {Critical}", result.TestCode, result.AnalyserId, result.Critical); // clean precision-about
        if (result.Critical)
        {
            activity.Note("lab.critical.patient", result.PatientName); // leak TC1001 cross-member
            activity?.AddEvent(new ActivityEvent("lab.critical", tags: new ActivityTagsCollection { ["lab.test"] = result.TestCode, ["lab.summary"] = $"{result.TestCode} critical for {result.PatientName}" })); // leak TC1001 strings
        }
        return new ResultRoute(order.OrderId, ward.WardCode, "routed");
    }
}

internal static class WardEnrichment
{
    // Shorthand the lab team uses for one-value span events.
    public static void Note(this Activity? activity, string what, string value) =>
        activity?.AddEvent(new ActivityEvent(what, tags: new ActivityTagsCollection { ["value"] = value }));

    public static void Annotate(WardPlacement ward)
    {
        var current = Activity.Current;
        current?.SetTag("lab.ward", ward.WardCode); // clean precision-about
        current?.SetTag("lab.bed", ward.BedLabel);
        current?.SetTag("lab.admitted.days", (int)(DateTimeOffset.UtcNow - ward.AdmittedAt).TotalDays);
        current?.SetTag("lab.consultant", ward.ConsultantName); // leak TC1001 direct
    }
}
