using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout34.Support.ESign;
using PrivacyHoldout34.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout34.Retail;

public static class AgreementTelemetry
{
    public static void TagBorrower(this Activity? activity, string customerNumber) =>
        activity?.SetTag("storecard.borrower", customerNumber); // leak TC1001 direct

    public static void TagAgreement(this Activity? activity, string agreementNumber, string status) =>
        activity?.SetTag("storecard.agreement", $"{agreementNumber}:{status}");
}

/// <summary>Store-card agreement status: activates the card when the borrower has signed.</summary>
[ApiController]
[Route("webhooks/storecard")]
public sealed class AgreementStatusWebhook(Meter meter, Pseudonymizer pseudonymizer, ILogger<AgreementStatusWebhook> logger) : ControllerBase
{
    private static readonly string[] VoidReasons = ["credit-check-failed", "applicant-cancelled", "expired"];

    [HttpPost("status")]
    public ActionResult Receive([FromBody] ConnectEvent evt)
    {
        var activity = Activity.Current;
        var envelope = evt.Data.EnvelopeSummary;
        var borrower = envelope.Recipients.Signers.FirstOrDefault(s => s.RoleName == "Borrower");
        var subjectAgreement = envelope.EmailSubject?.Split(' ')[^1] ?? "unknown";

        activity.TagAgreement(subjectAgreement, envelope.Status); // clean cross-member
        if (borrower?.ClientUserId is { } customerNumber)
        {
            activity.TagBorrower(customerNumber); // leak TC1001 cross-member
            logger.LogInformation("Borrower {BorrowerRef} is {Status}", pseudonymizer.ComputeEsignSignerId(customerNumber), borrower.Status); // clean precision-pseudonym
            Activity.Current?.SetTag(EsignAttributes.SignerId, pseudonymizer.ComputeEsignSignerId(customerNumber)); // clean precision-pseudonym
            meter.CreateEsignEnvelopesCounter().Add(1, esignProvider: "docusign", esignEnvelopeStatus: envelope.Status, esignOutcome: pseudonymizer.ComputeEsignSignerId(customerNumber)); // leak TC1003 precision-pseudonym
        }

        if (envelope.Status == "voided")
        {
            var reason = VoidReasons.Contains(envelope.VoidedReason) ? envelope.VoidedReason : "other";
            logger.LogInformation("Agreement {Agreement} voided ({Reason}) by {Colleague}", subjectAgreement, reason, envelope.Sender.Email); // leak TC1001 direct
        }

        if (envelope.Status == "declined" && borrower is not null)
        {
            activity?.AddEvent(new ActivityEvent("storecard.declined", tags: new ActivityTagsCollection { ["reason"] = borrower.DeclinedReason })); // leak TC1001 direct
            activity?.AddEvent(new ActivityEvent("storecard.declined.meta", tags: new ActivityTagsCollection { ["has_reason"] = !string.IsNullOrWhiteSpace(borrower.DeclinedReason) })); // clean precision-about
        }

        logger.LogInformation("Agreement webhook {Event} for envelope {EnvelopeId}, retry {Retry}, configuration {Configuration}", evt.Event, evt.Data.EnvelopeId, evt.RetryCount, evt.ConfigurationId); // clean precision-names
        return Ok();
    }
}
