using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout37.Support.ContactCentre;
using PrivacyHoldout37.Support.Telephony;
using PrivacyHoldout37.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout37.Healthcare;

public sealed class CallbackNumberRejectedException(string message) : Exception(message);

public static class PhoneNumbers
{
    /// <summary>Normalises a UK number to E.164, or throws with the number that could not be read.</summary>
    public static string ToE164(string number)
    {
        var digits = number.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.StartsWith("07", StringComparison.Ordinal) && digits.Length == 11)
        {
            return "+44" + digits[1..];
        }
        if (digits.StartsWith("+44", StringComparison.Ordinal) && digits.Length == 13)
        {
            return digits;
        }
        throw new CallbackNumberRejectedException($"Callback number '{number}' is not a UK mobile or landline number.");
    }
}

public static partial class TriageCallbackLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Callback {CallbackId} booked for {CallbackNumber} in {Queue}")]
    public static partial void CallbackBooked(ILogger logger, string callbackId, [PrivateData] string callbackNumber, string queue);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Callback {CallbackId} to {CallbackNumber} not answered, attempt {Attempt}")]
    public static partial void CallbackNotAnswered(ILogger logger, string callbackId, string callbackNumber, int attempt);
}

/// <summary>
/// The urgent-care line's call-back worker: a clinician calls back patients who left a number in
/// the IVR. The patient is told by SMS when to expect the call.
/// </summary>
public sealed class TriageCallbackWorker(
    ICallbackQueue callbacks,
    IVoiceApi voice,
    IMessagingApi messaging,
    IPatientDirectory patients,
    Pseudonymizer pseudonymizer,
    ILogger<TriageCallbackWorker> logger) : BackgroundService
{
    private const string Queue = "urgent-care-callbacks";
    private const string ClinicalLine = "+441632960100";
    private static readonly ActivitySource Source = new("Riverside.Telephony.Callbacks");
    private static readonly Meter Meter = new("Riverside.Telephony.Callbacks");
    private static readonly Counter<long> CallbacksDialled = Meter.CreateCounter<long>("triage.callbacks.dialled");

    public async Task<string?> BookAsync(string callSid, string keyedNumber, string? hospitalNumber, CancellationToken cancellationToken)
    {
        using var span = Source.StartCallHandle(callSid, spanName: "callback.book");
        string number;
        try
        {
            number = PhoneNumbers.ToE164(keyedNumber);
        }
        catch (CallbackNumberRejectedException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            return null;
        }

        var request = new CallbackRequest(Guid.NewGuid().ToString("N"), Queue, number, DateTimeOffset.UtcNow.AddMinutes(45), 0, hospitalNumber);
        var id = await callbacks.EnqueueAsync(request, cancellationToken);
        TriageCallbackLog.CallbackBooked(logger, id, number, Queue); // clean direct
        span.SetCallQueue(Queue).SetCallNote($"callback {id} due {request.DueAt:HH:mm}"); // clean generated-api

        if (hospitalNumber is not null)
        {
            span.SetCallCallerId(pseudonymizer.PseudonymizeCallCallerId(hospitalNumber)); // clean precision-pseudonym
        }

        var sms = await messaging.SendAsync(number, ClinicalLine, $"Riverside urgent care: a clinician will call you back from {ClinicalLine} before {request.DueAt:HH:mm}.", null, cancellationToken);
        using var smsSpan = Source.StartSmsSend("callback-confirmation");
        smsSpan.SetSmsMessageSid(sms.Sid).SetSmsStatus(sms.Status); // clean generated-api
        smsSpan.Activity?.SetTag(SmsAttributes.RecipientContact, number); // leak TC1001 generated-api
        return id;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = await callbacks.DequeueAsync(Queue, stoppingToken);
            if (next is null)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), stoppingToken);
                continue;
            }

            using var activity = Source.StartActivity("callback.dial");
            activity?.SetTag("callback.id", next.Id);
            activity?.SetTag("callback.attempt", next.Attempts + 1); // clean precision-about
            activity?.SetTag("callback.overdue.minutes", Math.Max(0, (DateTimeOffset.UtcNow - next.DueAt).TotalMinutes));

            var patient = next.Reference is null ? null : await patients.FindByHospitalNumberAsync(next.Reference, stoppingToken);
            var patientRef = patient is null ? "unknown" : pseudonymizer.ComputeCallCallerId(patient.HospitalNumber);
            CallbacksDialled.Add(1, new KeyValuePair<string, object?>("callback.queue", next.Queue), new KeyValuePair<string, object?>("callback.patient", patientRef)); // leak TC1003 precision-pseudonym

            var call = await voice.CreateCallAsync(next.CallbackNumber, ClinicalLine, new Uri("https://telephony.riverside.example/voice/callbacks/connect"), null, stoppingToken);
            activity?.SetTag("callback.call.sid", call.Sid);
            if (call.Status is "no-answer" or "busy")
            {
                TriageCallbackLog.CallbackNotAnswered(logger, next.Id, next.CallbackNumber, next.Attempts + 1); // leak TC1001 direct
                await callbacks.RequeueAsync(next with { Attempts = next.Attempts + 1 }, TimeSpan.FromMinutes(10), stoppingToken);
            }
            else
            {
                logger.LogInformation("Callback {CallbackId} dialled as {CallSid} after {Attempts} attempts", next.Id, call.Sid, next.Attempts); // clean direct
                logger.LogDebug("Callback request {Request}", next); // leak TC1001 logging-objects
            }
        }
    }
}
