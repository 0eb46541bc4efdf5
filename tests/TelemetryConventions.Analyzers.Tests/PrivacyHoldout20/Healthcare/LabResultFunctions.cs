using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;
using PrivacyHoldout20.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout20.Healthcare;

public sealed record LabResult(
    string Mrn,
    string OrderCode,
    string AnalyteCode,
    decimal Value,
    string Units,
    bool Abnormal,
    string OrderingClinicianEmail);

public sealed record ResultSummary(string OrderCode, string AnalyteCode, bool Abnormal, DateTimeOffset ReportedAt);

public interface ILabResultStore
{
    Task<bool> SaveAsync(LabResult result, CancellationToken cancellationToken);

    Task<IReadOnlyList<ResultSummary>> ForPatientAsync(string mrn, CancellationToken cancellationToken);
}

/// <summary>Results from the laboratory system, delivered on the <c>lab-results</c> queue.</summary>
public sealed class LabResultFunctions(
    ILabResultStore store,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<LabResultFunctions> logger)
{
    private const string FunctionName = "LabResultReceived";

    [Function(FunctionName)]
    public async Task Run(
        [ServiceBusTrigger("lab-results", Connection = "ServiceBus", AutoCompleteMessages = false)] ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        FunctionContext context)
    {
        using var span = source.StartServerlessInvocation(FunctionName, "service_bus");
        span.SetServerlessInvocationId(context.InvocationId); // clean precision-names
        span.SetServerlessDeliveryCount(message.DeliveryCount); // clean precision-about
        span.Activity?.SetTag("messaging.message.id", message.MessageId); // clean precision-names
        span.Activity?.SetTag("messaging.message.conversation_id", message.CorrelationId);

        var mrn = (string)message.ApplicationProperties["mrn"];
        span.SetServerlessSubjectId(pseudonymizer.PseudonymizeServerlessSubjectId(mrn)); // clean precision-pseudonym
        span.Activity?.SetTag("lab.patient.hash", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(mrn)))); // leak TC1002 hashes

        if (message.ApplicationProperties.TryGetValue("orderingClinician", out var clinician))
        {
            logger.LogDebug("Result ordered by {Clinician}", clinician); // leak TC1001 cross-member
        }

        LabResult? result;
        try
        {
            result = message.Body.ToObjectFromJson<LabResult>();
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Unreadable lab result {MessageId}", message.MessageId); // clean exceptions
            await actions.DeadLetterMessageAsync(message, deadLetterReason: "SchemaViolation", deadLetterErrorDescription: ex.Message);
            return;
        }

        if (result is null || !string.Equals(result.Mrn, mrn, StringComparison.Ordinal))
        {
            var description = $"Body MRN {result?.Mrn} does not match property {mrn}";
            await actions.DeadLetterMessageAsync(message, deadLetterReason: "MrnMismatch", deadLetterErrorDescription: description);
            span.SetServerlessOutcome(description); // leak TC1001 strings
            logger.LogServerlessMessageDeadLetteredEvent(FunctionName, serverlessOutcome: "MrnMismatch", serverlessDeliveryCount: message.DeliveryCount); // clean generated-api
            return;
        }

        var stored = await store.SaveAsync(result, context.CancellationToken);
        logger.LogInformation("Stored {Analyte} result for order {OrderCode}", result.AnalyteCode, result.OrderCode); // clean precision-names
        if (result.Abnormal)
        {
            logger.LogWarning("Abnormal result received {@Result}", result); // leak TC1001 logging-objects
        }

        await actions.CompleteMessageAsync(message);
        meter.CreateServerlessInvocationsCounter().Add(1, FunctionName, serverlessTrigger: "service_bus", serverlessOutcome: stored ? "stored" : "duplicate"); // clean generated-api
    }

    [Function("LabResultDeadLetters")]
    public async Task DeadLetters(
        [ServiceBusTrigger("lab-results/$deadletterqueue", Connection = "ServiceBus", AutoCompleteMessages = false)] ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions)
    {
        // Reasons come from this app (SchemaViolation, MrnMismatch) or from the broker (MaxDeliveryCountExceeded).
        logger.LogError("Lab result dead-lettered: {Reason}", message.DeadLetterReason); // clean precision-names
        logger.LogError("Dead-letter description: {Description}", message.DeadLetterErrorDescription); // leak TC1001 cross-member
        Activity.Current?.SetTag("lab.deadletter.age_s", (DateTimeOffset.UtcNow - message.EnqueuedTime).TotalSeconds);
        Activity.Current?.SetTag("lab.deadletter.properties", string.Join(",", message.ApplicationProperties.Keys)); // clean precision-names
        Activity.Current?.SetTag("lab.deadletter.mrn", message.ApplicationProperties["mrn"]); // leak TC1001 direct
        await actions.CompleteMessageAsync(message);
    }

    [Function("GetPatientResults")]
    public async Task<HttpResponseData> GetResults(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "patients/{mrn}/results")] HttpRequestData req,
        string mrn)
    {
        logger.LogInformation("Results requested for {Mrn}", mrn); // leak TC1001 direct
        Activity.Current?.SetTag("http.route", "patients/{mrn}/results"); // clean precision-names
        Activity.Current?.SetTag("url.full", req.Url.ToString()); // leak TC1001 strings

        var results = await store.ForPatientAsync(mrn, req.FunctionContext.CancellationToken);
        Activity.Current?.SetTag("clinic.results.count", results.Count); // clean precision-about
        Activity.Current?.SetTag("clinic.results.abnormal", results.Count(r => r.Abnormal));

        var response = req.CreateResponse(HttpStatusCode.OK);
        await response.WriteAsJsonAsync(results);
        return response;
    }
}
