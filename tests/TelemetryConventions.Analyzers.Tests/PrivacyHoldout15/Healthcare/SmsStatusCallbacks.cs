using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout15.Support;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Healthcare;

public interface IReminderLog
{
    string? PatientFor(string messageSid);

    void MarkDelivered(string messageSid, DateTimeOffset at);

    void MarkUndelivered(string messageSid, string errorCode);
}

public static class SmsStatusEndpoints
{
    public static void MapSmsStatusCallbacks(this EndpointRoutes routes) =>
        routes.MapPost("/webhooks/twilio/status", (WebhookRequest request, SmsStatusHandler handler) => handler.Handle(request));
}

/// <summary>Twilio posts a form to the status callback each time a reminder's status changes.</summary>
public sealed class SmsStatusHandler(IReminderLog reminderLog, Pseudonymizer pseudonymizer, ILogger<SmsStatusHandler> logger, Meter meter, TimeProvider clock)
{
    private readonly Counter<long> _receipts = meter.CreateCounter<long>("clinic.sms.receipts", "{receipt}");
    private readonly Counter<long> _undelivered = meter.CreateCounter<long>("clinic.sms.undelivered", "{message}");
    private readonly Counter<long> _receiptsByPatient = meter.CreateCounter<long>("clinic.sms.patient_receipts", "{receipt}");

    public IResult Handle(WebhookRequest request)
    {
        var signature = request.Headers.TryGetValue("X-Twilio-Signature", out var s) ? s : null;
        if (signature is null)
        {
            logger.LogWarning("Status callback on {Path} without a signature", request.Path); // clean precision-names
            return Results.Unauthorized();
        }

        var form = request.Form;
        var sid = form["MessageSid"];
        var status = form["MessageStatus"];
        var to = form["To"];
        var errorCode = form["ErrorCode"];

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["MessageSid"] = sid, ["MessageStatus"] = status }); // clean logging-objects
        Activity.Current.EnrichNotifySend(NotifyChannel.Sms).SetNotifyMessageId(sid).SetNotifyStatus(status); // clean precision-names
        _receipts.Add(1, new KeyValuePair<string, object?>("status", status), new KeyValuePair<string, object?>("error_code", errorCode)); // clean precision-names
        logger.LogDebug("Callback signed with {Signature}", signature); // clean hashes

        if (status is "failed" or "undelivered")
        {
            logger.LogWarning("SMS {Sid} to {To} {Status} with error {ErrorCode}", sid, to, status, errorCode); // leak TC1001 direct
            Activity.Current.EnrichNotifySend(NotifyChannel.Sms).SetNotifyDetail($"{status} to {to}"); // leak TC1001 generated-api
            _undelivered.Add(1, new KeyValuePair<string, object?>("to", to)); // leak TC1003 direct
            Activity.Current?.AddEvent(new ActivityEvent("sms.undelivered", tags: new ActivityTagsCollection { ["sms.to.country"] = to.Length > 3 ? to[..3] : to, ["sms.error"] = errorCode })); // clean precision-about
            reminderLog.MarkUndelivered(sid, errorCode);
        }
        else if (status == "delivered")
        {
            reminderLog.MarkDelivered(sid, clock.GetUtcNow());
        }

        var mrn = reminderLog.PatientFor(sid);
        if (mrn is not null)
        {
            Activity.Current?.SetTag(NotifyAttributes.RecipientId, pseudonymizer.ComputeNotifyRecipientId(mrn)); // clean precision-pseudonym
            _receiptsByPatient.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeNotifyRecipientId(mrn))); // leak TC1003 precision-pseudonym
        }

        logger.LogDebug("Status callback fields: {Fields}", string.Join(",", form.Keys)); // clean precision-names
        logger.LogTrace("Raw status callback: {Body}", request.Body); // leak TC1001 strings
        return Results.NoContent();
    }
}
