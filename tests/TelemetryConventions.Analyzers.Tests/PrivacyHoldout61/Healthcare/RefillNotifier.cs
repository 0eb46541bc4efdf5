using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Humanizer;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout61.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout61.Healthcare;

public sealed record Prescription(
    string PrescriptionId,
    string NhsNumber,
    string FirstName,
    string FamilyName,
    string Mobile,
    string BranchCode,
    string PrescriberNumber,
    IReadOnlyList<string> Items,
    DateTime ReadySince,
    bool SmsConsent);

public sealed record SmsReceipt(bool Accepted, string MessageSid, string? ErrorCode);

public interface ISmsGateway
{
    Task<SmsReceipt> SendAsync(string to, string body, CancellationToken cancellationToken);
}

/// <summary>Texts patients when their prescription is ready, and reminds them when it is not collected.</summary>
public sealed partial class RefillNotifier(
    ActivitySource source,
    ILogger<RefillNotifier> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ISmsGateway gateway)
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CompositeFormat ReadyFormat = CompositeFormat.Parse(PharmacyTexts.RefillReady);
    private static readonly CompositeFormat ReminderFormat = CompositeFormat.Parse(PharmacyTexts.CollectionReminder);
    private static readonly CompositeFormat BatchFormat = CompositeFormat.Parse(PharmacyTexts.BatchSummary);

    public async Task<bool> NotifyReadyAsync(Prescription rx, CancellationToken cancellationToken)
    {
        logger.LogDebug("Notifying {Prescription}", rx); // leak TC1001 logging-objects
        var patient = pseudonymizer.PseudonymizePharmacyPatientId(rx.NhsNumber);
        using var span = source.StartPharmacyNotificationSend(patient, rx.BranchCode); // clean precision-pseudonym
        span.SetPharmacyPrescriptionId(rx.PrescriptionId).SetPharmacyMessageKind(PharmacyMessageKind.RefillReady); // clean precision-names

        if (!rx.SmsConsent)
        {
            logger.LogInformation(PharmacyTexts.NoSmsConsent, rx.NhsNumber); // leak TC1001 direct
            span.SetPharmacyNote(string.Format(EnGb, PharmacyTexts.NoSmsConsent, PatientTextMasks.MaskNhsNumber(rx.NhsNumber))); // clean precision-about
            return false;
        }

        var body = string.Format(EnGb, ReadyFormat, rx.FirstName, rx.PrescriptionId, rx.BranchCode);
        span.SetPharmacyMessageLength(body.Length); // clean precision-about
        LogRendered(logger, rx.PrescriptionId, body); // leak TC1001 strings

        var receipt = await gateway.SendAsync(rx.Mobile, body, cancellationToken);
        if (!receipt.Accepted)
        {
            span.SetStatus(ActivityStatusCode.Error, string.Format(EnGb, PharmacyTexts.GatewayRefused, PatientTextMasks.MaskMobile(rx.Mobile), receipt.ErrorCode)); // leak TC1001 strings
            span.Activity?.AddEvent(new ActivityEvent("sms.refused", tags: new ActivityTagsCollection { ["sms.error_code"] = receipt.ErrorCode, ["sms.sid"] = receipt.MessageSid })); // clean precision-names
            logger.LogWarning("Gateway refused the text to {Mobile} for {PrescriptionId}", PatientTextMasks.KeepLastFour(rx.Mobile), rx.PrescriptionId); // clean precision-about
            return false;
        }

        logger.LogPharmacyNotificationSentEvent(rx.PrescriptionId, PharmacyMessageKind.RefillReady, pharmacyPatientId: patient, pharmacyMessageLength: body.Length); // clean precision-pseudonym
        meter.CreatePharmacyNotificationsCounter().Add(1, rx.BranchCode, PharmacyMessageKind.RefillReady); // clean precision-names
        return true;
    }

    public async Task RemindAsync(Prescription rx, TimeSpan waiting, CancellationToken cancellationToken)
    {
        var reminder = string.Format(EnGb, ReminderFormat, rx.PrescriptionId, rx.Items.Count, rx.BranchCode, rx.ReadySince);
        using var activity = source.StartActivity("pharmacy.reminder " + rx.BranchCode); // clean precision-names
        activity?.SetTag("pharmacy.reminder.text", reminder); // clean strings
        activity?.SetTag("pharmacy.waiting", waiting.Humanize()); // clean precision-about

        var salutation = $"Dear {rx.FirstName.Titleize()} {rx.FamilyName.Titleize()},";
        activity?.SetTag("pharmacy.letter.salutation", salutation); // leak TC1001 strings

        var text = string.Concat(salutation, " ", reminder);
        LogReminder(logger, rx.PrescriptionId, text); // clean strings
        logger.LogDebug("Reminder for {Patient}: {Text}", pseudonymizer.ComputePharmacyPatientId(rx.NhsNumber), reminder); // clean precision-pseudonym

        await gateway.SendAsync(rx.Mobile, text, cancellationToken);
        activity?.SetTag(PharmacyAttributes.PatientContact, PatientTextMasks.MaskMobile(rx.Mobile)); // leak TC1001 generated-api
        meter.CreatePharmacyNotificationsCounter().Add(1, rx.BranchCode, PharmacyMessageKind.CollectionReminder, pharmacyNote: $"waiting:{(int)waiting.TotalDays}d"); // clean precision-about
        meter.CreatePharmacyNotificationsCounter().Add(1, rx.BranchCode, PharmacyMessageKind.CollectionReminder, pharmacyNote: pseudonymizer.ComputePharmacyPatientId(rx.NhsNumber)); // leak TC1003 precision-pseudonym
    }

    public async Task NotifyBranchAsync(string branchCode, IReadOnlyList<Prescription> ready, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("pharmacy.batch");
        var sent = 0;
        var failedFor = new List<string>();
        foreach (var rx in ready)
        {
            if (await NotifyReadyAsync(rx, cancellationToken))
            {
                sent++;
            }
            else
            {
                failedFor.Add(rx.NhsNumber);
            }
        }

        activity?.SetTag("pharmacy.batch.summary", string.Format(EnGb, BatchFormat, sent, ready.Count, branchCode)); // clean precision-about
        activity?.SetTag("pharmacy.batch.failed", string.Join(';', failedFor)); // leak TC1001 strings
        activity?.SetTag("pharmacy.batch.failed_masked", string.Join(';', failedFor.Select(PatientTextMasks.MaskNhsNumber))); // clean precision-about
        activity?.SetTag("pharmacy.batch.failed_refs", string.Join(';', failedFor.Select(n => pseudonymizer.ComputePharmacyPatientId(n)))); // clean precision-pseudonym
        var ids = new StringBuilder();
        ids.AppendJoin(", ", ready.Select(r => r.PrescriptionId));
        logger.LogInformation("Branch {Branch} batch: {Prescriptions}", branchCode, ids.ToString()); // clean precision-names
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Refill text for {PrescriptionId}: {Body}")]
    private static partial void LogRendered(ILogger logger, string prescriptionId, string body);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Reminder text for {PrescriptionId}: {Body}")]
    private static partial void LogReminder(ILogger logger, string prescriptionId, [PrivateData] string body);
}
