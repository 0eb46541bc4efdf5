using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout51.Support.ServiceBus;
using PrivacyHoldout51.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout51.Healthcare;

public sealed record LabResult(string OrderNumber, string TestCode, decimal Value, string Units, bool Abnormal);

public sealed record LabOrder(string OrderNumber, string HospitalNumber, string RequestingWard);

public interface ILabOrders
{
    Task<LabOrder?> FindAsync(string orderNumber, CancellationToken cancellationToken);

    Task FileResultAsync(LabOrder order, LabResult result, CancellationToken cancellationToken);
}

/// <summary>
/// Reads the laboratory's results from the <c>lab-results</c> queue. The LIMS sets the application
/// properties <c>hospitalNumber</c> and <c>orderingClinician</c> (the clinician's email) and
/// partitions the queue by order number.
/// </summary>
public sealed class LabResultsProcessor(ILabOrders orders, Pseudonymizer pseudonymizer, ILogger<LabResultsProcessor> logger)
{
    private static readonly ActivitySource Source = new("Clinic.LabResults");

    public async Task OnMessageAsync(ProcessMessageEventArgs args)
    {
        var message = args.Message;
        using var span = Source.StartBusHandle("LabResultAvailable", args.EntityPath);
        span.SetBusCorrelationId(message.CorrelationId ?? message.MessageId); // clean precision-names
        span.SetBusPartitionKey(message.PartitionKey ?? string.Empty); // clean generated-api

        var hospitalNumber = (string)message.ApplicationProperties["hospitalNumber"];
        var orderingClinician = (string)message.ApplicationProperties["orderingClinician"];
        span.SetBusSubjectId(pseudonymizer.PseudonymizeBusSubjectId(hospitalNumber)); // clean precision-pseudonym

        var result = message.Body.ToObjectFromJson<LabResult>()!;
        var order = await orders.FindAsync(result.OrderNumber, args.CancellationToken);
        if (order is null)
        {
            await args.DeadLetterMessageAsync(message, "UnknownOrder", $"No order {result.OrderNumber}");
            span.AddBusDeadLetteredEvent("UnknownOrder", $"order {result.OrderNumber} not found"); // clean generated-api
            return;
        }

        if (!string.Equals(order.HospitalNumber, hospitalNumber, StringComparison.Ordinal))
        {
            await args.DeadLetterMessageAsync(message, "MrnMismatch", $"Result for {hospitalNumber} filed against order {order.OrderNumber} of {order.HospitalNumber}");
            span.AddBusDeadLetteredEvent("MrnMismatch", $"result for {hospitalNumber} does not match its order"); // leak TC1001 generated-api
            logger.LogWarning("Lab result {MessageId} dead-lettered: hospital number mismatch on order {OrderNumber}", message.MessageId, order.OrderNumber); // clean precision-names
            return;
        }

        await orders.FileResultAsync(order, result, args.CancellationToken);
        span.SetBusOutcome(result.Abnormal ? "filed-abnormal" : "filed"); // clean generated-api
        if (result.Abnormal)
        {
            logger.LogInformation("Abnormal result {OrderNumber} flagged to {Clinician}", order.OrderNumber, orderingClinician); // leak TC1001 direct
        }

        logger.LogDebug("Result message properties {Properties}", string.Join(",", message.ApplicationProperties.Keys)); // clean precision-about
        await args.CompleteMessageAsync(message);
    }

    public Task OnErrorAsync(ProcessErrorEventArgs args)
    {
        // Errors here are the client's (lock lost, entity busy), a body that is not JSON, or the order store's timeouts.
        logger.LogError(args.Exception, "Lab results processor failed in {ErrorSource} on {EntityPath}", args.ErrorSource, args.EntityPath); // clean exceptions
        return Task.CompletedTask;
    }
}

/// <summary>Reads <c>lab-results/$deadletterqueue</c> and reports what was dead-lettered.</summary>
public sealed class LabResultsDeadLetterMonitor(ILogger<LabResultsDeadLetterMonitor> logger)
{
    public async Task OnDeadLetterAsync(ProcessMessageEventArgs args)
    {
        var message = args.Message;
        var activity = Activity.Current;
        activity?.SetTag("deadletter.reason", message.DeadLetterReason); // clean precision-about
        activity?.SetTag("deadletter.description", message.DeadLetterErrorDescription); // leak TC1001 cross-member
        logger.LogWarning("Dead-lettered lab result {MessageId} ({Reason}) enqueued {Enqueued}", message.MessageId, message.DeadLetterReason, message.EnqueuedTime); // clean precision-about
        logger.LogWarning("Dead-lettered lab result properties {@Properties}", message.ApplicationProperties); // leak TC1001 logging-objects
        await args.CompleteMessageAsync(message);
    }
}
