namespace PrivacyHoldout114.Healthcare;

public sealed record LabResultMessage(string Mrn, string OrderNumber, string TestCode, string Ward, string OrderingClinicianEmail, string Value, string Units);

public sealed class ResultMrnMismatchException(string expectedMrn, string foundMrn)
    : Exception($"Result carries MRN {foundMrn} but the order was placed for {expectedMrn}");

/// <summary>Lab results arrive on Service Bus from the LIMS and as PDF reports dropped in blob storage.</summary>
public sealed class LabResultFunctions(ILogger<LabResultFunctions> logger, Pseudonymizer pseudonymizer, ILabOrderStore orders)
{
    private static readonly ActivitySource Source = new("Trust.LabResults.Functions");
    private static readonly Meter Meter = new("Trust.LabResults.Functions");
    private static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>("labfn.results.dead_lettered");

    [Function("ProcessLabResult")]
    public async Task ProcessLabResult(
        [ServiceBusTrigger("lab-results", Connection = "LimsBus", AutoCompleteMessages = false)] ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions,
        FunctionContext context)
    {
        using var span = Source.StartLabfnInvoke(context.FunctionDefinition.Name, "servicebus");
        span.SetLabfnQueue("lab-results").SetLabfnDeliveryCount(message.DeliveryCount); // clean generated-api
        var mrn = (string)message.ApplicationProperties["mrn"];
        var clinician = (string)message.ApplicationProperties["orderingClinician"];
        span.SetLabfnPatientId(pseudonymizer.PseudonymizeLabfnPatientId(mrn)); // clean precision-pseudonym
        span.Activity?.SetTag("messaging.message.id", message.MessageId); // clean precision-names
        span.Activity?.SetTag("lims.ordering_clinician", clinician); // leak TC1001 direct

        var result = message.Body.ToObjectFromJson<LabResultMessage>()!;
        logger.LogInformation("Result {TestCode} for order {OrderNumber} on ward {Ward} received", result.TestCode, result.OrderNumber, result.Ward); // clean precision-about
        logger.LogDebug("Result payload {@Result}", result); // leak TC1001 logging-objects

        var order = await orders.FindAsync(result.OrderNumber);
        if (order is null)
        {
            await actions.DeadLetterMessageAsync(message, deadLetterReason: "UnknownOrder", deadLetterErrorDescription: $"No order {result.OrderNumber}");
            span.SetLabfnOutcome("dead_lettered").SetLabfnNote($"no order {result.OrderNumber}"); // clean generated-api
            DeadLettered.Add(1, new KeyValuePair<string, object?>("reason", "UnknownOrder")); // clean precision-about
            return;
        }

        try
        {
            if (order.Mrn != result.Mrn)
            {
                throw new ResultMrnMismatchException(order.Mrn, result.Mrn);
            }
            await orders.AttachResultAsync(order.OrderNumber, result.Value, result.Units);
            await actions.CompleteMessageAsync(message);
        }
        catch (ResultMrnMismatchException ex)
        {
            await actions.DeadLetterMessageAsync(message, deadLetterReason: "MrnMismatch", deadLetterErrorDescription: ex.Message);
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogLabfnFunctionFailedEvent(context.FunctionDefinition.Name, "dead_lettered", pseudonymizer.PseudonymizeLabfnPatientId(result.Mrn), ex.GetType().Name); // clean generated-api
            DeadLettered.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeLabfnPatientId(result.Mrn))); // leak TC1003 precision-pseudonym
        }
    }

    [Function("IndexResultReport")]
    public async Task IndexResultReport(
        [BlobTrigger("results/{mrn}/{name}", Connection = "ResultsStorage")] Stream report,
        string mrn,
        string name,
        FunctionContext context)
    {
        var log = context.GetLogger("IndexResultReport");
        using var scope = log.BeginScope(context.BindingContext.BindingData); // leak TC1001 logging-objects
        log.LogInformation("Indexing report {BlobName} of {Length} bytes", name, report.Length); // clean precision-names
        log.LogInformation("Indexing report for {PatientMrn}", mrn); // leak TC1001 direct
        var uri = context.BindingContext.BindingData["Uri"]?.ToString();
        Activity.Current?.SetTag("blob.uri", uri); // leak TC1001 cross-member
        Activity.Current?.SetTag("blob.path_depth", uri?.Count(c => c == '/')); // clean precision-about
        await orders.IndexReportAsync(mrn, name, report);
        Activity.Current?.SetTag("labfn.invocation_id", context.InvocationId); // clean precision-names
    }
}

public interface ILabOrderStore
{
    Task<LabOrder?> FindAsync(string orderNumber);

    Task AttachResultAsync(string orderNumber, string value, string units);

    Task IndexReportAsync(string mrn, string blobName, Stream report);
}

public sealed record LabOrder(string OrderNumber, string Mrn, string Ward, string TestCode);
