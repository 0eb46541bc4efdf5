using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PrivacyHoldout20.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout20.Healthcare;

public sealed record DischargeRequest(string NhsNumber, string WardCode, string? CarerPhone, bool NeedsTransport, IReadOnlyList<string> MedicationCodes);

public sealed record DischargeStatus(string Stage, int StepsDone, string NhsNumber);

public sealed record PharmacyInput(string NhsNumber, IReadOnlyList<string> MedicationCodes);

public sealed record TransportInput(string WardCode, string PickupWindow, string? CarerPhone);

/// <summary>
/// Discharge as a durable orchestration: one instance per patient (the instance id is the patient's,
/// so a second request for the same patient finds the running one).
/// </summary>
public sealed class DischargeFunctions(ActivitySource source, Pseudonymizer pseudonymizer, ILogger<DischargeFunctions> logger)
{
    private static readonly RetryPolicy TransportRetry = new(3, TimeSpan.FromSeconds(30), 2.0);

    private static string InstanceIdFor(string nhsNumber) => $"discharge-{nhsNumber}";

    [Function("StartDischarge")]
    public async Task<HttpResponseData> Start(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "discharges")] HttpRequestData req,
        [DurableClient] DurableTaskClient client)
    {
        var request = await req.ReadFromJsonAsync<DischargeRequest>();
        if (request is null)
        {
            return req.CreateResponse(HttpStatusCode.BadRequest);
        }

        if (string.IsNullOrWhiteSpace(request.WardCode))
        {
            logger.LogWarning("Discharge request without a ward {@Request}", request); // leak TC1001 logging-objects
            return req.CreateResponse(HttpStatusCode.BadRequest);
        }

        var instanceId = InstanceIdFor(request.NhsNumber);
        var existing = await client.GetInstanceAsync(instanceId);
        if (existing is { IsRunning: true })
        {
            logger.LogInformation("Discharge already running as {InstanceId}", instanceId); // leak TC1001 strings
            return req.CreateResponse(HttpStatusCode.Conflict);
        }

        await client.ScheduleNewOrchestrationInstanceAsync(nameof(DischargeOrchestrator), request, new StartOrchestrationOptions(instanceId));
        Activity.Current?.SetTag("workflow.instance.id", instanceId); // leak TC1001 strings
        Activity.Current?.SetTag("discharge.ward", request.WardCode);
        Activity.Current?.SetTag("discharge.medication.count", request.MedicationCodes.Count); // clean precision-about
        Activity.Current?.SetTag("discharge.carer_phone.present", request.CarerPhone is not null); // clean precision-about

        return req.CreateResponse(HttpStatusCode.Accepted);
    }

    [Function(nameof(DischargeOrchestrator))]
    public async Task<string> DischargeOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var log = context.CreateReplaySafeLogger<DischargeFunctions>();
        var request = context.GetInput<DischargeRequest>()!;
        log.LogInformation("Discharge orchestration {InstanceId} started", context.InstanceId); // leak TC1001 cross-member

        context.SetCustomStatus(new DischargeStatus("pharmacy", 0, request.NhsNumber));
        var slot = await context.CallActivityAsync<string>(nameof(ReservePharmacy), new PharmacyInput(request.NhsNumber, request.MedicationCodes));
        log.LogInformation("Pharmacy slot {Slot} reserved on {Ward}", slot, request.WardCode); // clean precision-names

        if (request.NeedsTransport)
        {
            context.SetCustomStatus(new DischargeStatus("transport", 1, request.NhsNumber));
            try
            {
                await context.CallActivityAsync(nameof(BookTransport), new TransportInput(request.WardCode, "PM", request.CarerPhone), TaskOptions.FromRetryPolicy(TransportRetry));
            }
            catch (TaskFailedException ex)
            {
                log.LogWarning(ex, "Transport booking failed for ward {Ward}", request.WardCode); // leak TC1001 exceptions
                log.LogWarning("Transport failed with {ErrorType} after retries", ex.FailureDetails.ErrorType); // clean exceptions
                await context.CallActivityAsync("ReleasePharmacy", slot);
                log.LogWorkflowCompensatedEvent(nameof(ReservePharmacy), workflowStatus: "transport failed"); // clean generated-api
                return "transport-failed";
            }
        }

        context.SetCustomStatus(new DischargeStatus("done", 2, request.NhsNumber));
        return "discharged";
    }

    [Function(nameof(ReservePharmacy))]
    public string ReservePharmacy([ActivityTrigger] PharmacyInput input, FunctionContext executionContext)
    {
        var log = executionContext.GetLogger(nameof(ReservePharmacy));
        log.LogInformation("Reserving pharmacy for {Input}", input); // leak TC1001 logging-objects

        using var step = source.StartWorkflowStep(nameof(DischargeOrchestrator), nameof(ReservePharmacy));
        step.SetWorkflowPartyId(pseudonymizer.PseudonymizeWorkflowPartyId(input.NhsNumber)); // clean precision-pseudonym
        step.SetWorkflowStatus($"{input.MedicationCodes.Count} items"); // clean precision-about
        return $"PH-{Guid.NewGuid():N}"[..11];
    }

    [Function(nameof(BookTransport))]
    public void BookTransport([ActivityTrigger] TransportInput input, FunctionContext executionContext)
    {
        if (input.CarerPhone is { } phone && !phone.StartsWith("+447", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Carer phone {phone} is not a UK mobile number"); // leak TC1001 exceptions
        }

        executionContext.GetLogger(nameof(BookTransport)).LogInformation("Transport booked from {Ward} in window {Window}", input.WardCode, input.PickupWindow); // clean precision-names
    }

    [Function("DischargeStatus")]
    public async Task<HttpResponseData> Status(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "discharges/{instanceId}")] HttpRequestData req,
        string instanceId,
        [DurableClient] DurableTaskClient client)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
        if (metadata is null)
        {
            return req.CreateResponse(HttpStatusCode.NotFound);
        }

        Activity.Current?.SetTag("workflow.instance.id", instanceId); // leak TC1001 cross-member
        logger.LogInformation("Discharge is {RuntimeStatus} with status {CustomStatus}", metadata.RuntimeStatus, metadata.SerializedCustomStatus); // leak TC1001 cross-member
        var status = metadata.ReadCustomStatusAs<DischargeStatus>();
        Activity.Current?.SetTag("discharge.stage", status?.Stage); // clean precision-names
        Activity.Current?.SetTag("discharge.steps_done", status?.StepsDone);
        Activity.Current?.SetTag("discharge.runtime_status", metadata.RuntimeStatus.ToString());

        var response = req.CreateResponse(HttpStatusCode.OK);
        await response.WriteAsJsonAsync(new { metadata.RuntimeStatus, status?.Stage });
        return response;
    }
}
