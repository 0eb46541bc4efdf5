using System.Net;

namespace PrivacyHoldout114.Healthcare;

public sealed record DischargeRequest(string Mrn, string NhsNumber, string Ward, string GpPracticeCode, string NextOfKinPhone, bool NeedsTransport);

public sealed record GpLetterInput(string NhsNumber, string GpPracticeCode, string Ward);

public sealed record TransportBooking(string BookingReference, DateTime PickupAt, string Ward);

/// <summary>Discharge runs as a Durable Functions orchestration keyed by the patient, so the ward can query its status.</summary>
public sealed class DischargeOrchestration(ILogger<DischargeOrchestration> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Trust.Discharge.Functions");
    private static readonly Meter Meter = new("Trust.Discharge.Functions");
    private static readonly LabfnInvocationsCounter Invocations = Meter.CreateLabfnInvocationsCounter();
    private static readonly LabfnDurationHistogram Duration = Meter.CreateLabfnDurationHistogram();

    [Function("StartDischarge")]
    public async Task<HttpResponseData> StartDischarge(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "discharges")] HttpRequestData request,
        [DurableClient] DurableTaskClient client)
    {
        var discharge = await request.ReadFromJsonAsync<DischargeRequest>();
        var instanceId = $"discharge-{discharge!.Mrn}";
        await client.ScheduleNewOrchestrationInstanceAsync("DischargePatient", discharge, new StartOrchestrationOptions(instanceId));
        logger.LogInformation("Started discharge orchestration {InstanceId}", instanceId); // leak TC1001 strings
        Activity.Current?.SetTag("discharge.ward", discharge.Ward); // clean precision-about
        Invocations.Add(1, "StartDischarge", "http", "scheduled"); // clean generated-api
        var response = request.CreateResponse(HttpStatusCode.Accepted);
        response.Headers["Location"] = $"/api/discharges/{instanceId}";
        return response;
    }

    [Function("DischargePatient")]
    public async Task RunOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var log = context.CreateReplaySafeLogger<DischargeOrchestration>();
        var discharge = context.GetInput<DischargeRequest>()!;
        log.LogInformation("Discharge orchestration {InstanceId} started", context.InstanceId); // leak TC1001 cross-member
        log.LogInformation("Discharge on ward {Ward} needs transport: {NeedsTransport}", discharge.Ward, discharge.NeedsTransport); // clean precision-about
        context.SetCustomStatus(new { stage = "gp-letter", discharge.Ward });

        var retry = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(30), 2.0));
        try
        {
            await context.CallActivityAsync("SendGpLetter", new GpLetterInput(discharge.NhsNumber, discharge.GpPracticeCode, discharge.Ward), retry);
        }
        catch (TaskFailedException ex)
        {
            log.LogWarning("GP letter failed: {Error}", ex.Message); // leak TC1001 exceptions
            log.LogWarning("GP letter failed with {ErrorType}", ex.FailureDetails.ErrorType); // clean exceptions
        }

        if (discharge.NeedsTransport)
        {
            var booking = await context.CallActivityAsync<TransportBooking>("BookPatientTransport", discharge.Ward);
            log.LogInformation("Transport {Booking} booked for {PickupAt}", booking.BookingReference, booking.PickupAt); // clean precision-names
            log.LogInformation("Transport booked {@Booking}", booking); // clean logging-objects
        }
    }

    [Function("SendGpLetter")]
    public Task SendGpLetter([ActivityTrigger] GpLetterInput input, FunctionContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartLabfnInvoke("SendGpLetter", "activity");
        span.SetLabfnWard(input.Ward).SetLabfnPatientId(pseudonymizer.PseudonymizeLabfnPatientId(input.NhsNumber)); // clean generated-api
        logger.LogInformation("Sending GP letter {@Input}", input); // leak TC1001 logging-objects
        if (input.GpPracticeCode.Length != 6)
        {
            throw new InvalidOperationException($"No GP practice registered for NHS number {input.NhsNumber}"); // leak TC1001 exceptions
        }
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "SendGpLetter", "activity"); // clean generated-api
        return Task.CompletedTask;
    }

    [Function("GetDischargeStatus")]
    public async Task<HttpResponseData> GetStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "discharges/{instanceId}")] HttpRequestData request,
        string instanceId,
        [DurableClient] DurableTaskClient client)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
        using var span = Source.StartLabfnInvoke("GetDischargeStatus", "http");
        span.SetLabfnInstanceId(instanceId); // leak TC1001 generated-api
        logger.LogInformation("Discharge status {Status} last updated {Updated}", metadata?.RuntimeStatus, metadata?.LastUpdatedAt); // clean precision-about
        logger.LogDebug("Discharge input {Input}", metadata?.SerializedInput); // leak TC1001 cross-member
        logger.LogDebug("Discharge custom status {CustomStatus}", metadata?.SerializedCustomStatus); // clean cross-member
        var response = request.CreateResponse(metadata is null ? HttpStatusCode.NotFound : HttpStatusCode.OK);
        return response;
    }
}
