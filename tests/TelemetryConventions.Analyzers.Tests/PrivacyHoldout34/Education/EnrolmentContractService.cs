using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout34.Support.ESign;
using PrivacyHoldout34.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout34.Education;

public sealed record Guardian(string Name, string Email, string Relationship);

public sealed record Applicant(string StudentNumber, string GivenName, string FamilyName, DateOnly DateOfBirth, string Email, Guardian? Guardian);

public sealed record EnrolmentOffer(Guid OfferId, string CourseCode, string Campus, decimal AnnualFee, string AdmissionsOfficerEmail, Applicant Applicant);

/// <summary>Sends the enrolment contract (learning agreement and fee terms) from the provider's template to the learner and, under 18, a guardian.</summary>
public sealed class EnrolmentContractService(IEnvelopesApi envelopes, Meter meter, Pseudonymizer pseudonymizer, ILogger<EnrolmentContractService> logger)
{
    private const string AccountId = "e1a7a3e2-51c9-4a3b-8d0e-6a2f9f0c4d11";
    private const string ContractTemplateId = "0b9d6c84-enrolment-contract-2025";
    private static readonly ActivitySource Source = new("Campus.Enrolment");

    public async Task<EnvelopeSummary> SendAsync(EnrolmentOffer offer, CancellationToken cancellationToken)
    {
        var applicant = offer.Applicant;
        var roles = new List<TemplateRole>
        {
            new()
            {
                RoleName = "Learner",
                Name = $"{applicant.GivenName} {applicant.FamilyName}",
                Email = applicant.Email,
                Tabs = new Tabs
                {
                    TextTabs =
                    {
                        new TextTab { TabLabel = "student_number", Value = applicant.StudentNumber },
                        new TextTab { TabLabel = "course", Value = offer.CourseCode },
                        new TextTab { TabLabel = "annual_fee", Value = offer.AnnualFee.ToString("0.00") },
                    },
                },
            },
        };

        var isMinor = applicant.DateOfBirth.AddYears(18) > DateOnly.FromDateTime(DateTime.UtcNow);
        if (isMinor && applicant.Guardian is { } guardian)
        {
            roles.Add(new TemplateRole { RoleName = "Guardian", Name = guardian.Name, Email = guardian.Email });
        }

        var definition = new EnvelopeDefinition
        {
            TemplateId = ContractTemplateId,
            TemplateRoles = roles,
            EmailSubject = $"Your enrolment contract for {offer.CourseCode}",
            Status = "sent",
            CustomFields = new CustomFields { TextCustomFields = { new TextCustomField { Name = "offer_id", Value = offer.OfferId.ToString() }, new TextCustomField { Name = "student_number", Value = applicant.StudentNumber } } },
        };

        using var span = Source.StartEsignEnvelopeSend("docusign");
        span.SetEsignSignerId(pseudonymizer.PseudonymizeEsignSignerId(applicant.StudentNumber)); // clean precision-pseudonym
        span.SetEsignRecipientCount(roles.Count); // clean precision-about
        span.SetEsignNote(isMinor ? "guardian countersigns" : "learner signs alone"); // clean generated-api
        Activity.Current?.SetTag("enrolment.guardian_signer", roles.Any(r => r.RoleName == "Guardian")); // clean precision-names
        logger.LogDebug("Enrolment contract roles: {Roles}", roles); // leak TC1001 logging-objects
        logger.LogDebug("Enrolment envelope {Definition}", JsonSerializer.Serialize(definition.CustomFields)); // leak TC1001 logging-objects

        var summary = await envelopes.CreateEnvelopeAsync(AccountId, definition, cancellationToken);
        span.SetEsignEnvelopeId(summary.EnvelopeId);
        span.SetEsignNote($"sent to {applicant.Email} for {offer.CourseCode}"); // leak TC1001 generated-api
        Baggage.SetBaggage("campus.student_number", applicant.StudentNumber); // leak TC1001 direct
        logger.LogInformation("Enrolment contract {EnvelopeId} for offer {OfferId} sent; admissions contact {Officer}", summary.EnvelopeId, offer.OfferId, offer.AdmissionsOfficerEmail); // leak TC1001 direct
        meter.CreateEsignEnvelopesCounter().Add(1, esignProvider: "docusign", esignEnvelopeStatus: summary.Status, esignOutcome: offer.Campus); // clean generated-api
        return summary;
    }
}

/// <summary>Updates the student record when the provider reports the contract's status.</summary>
public sealed class EnrolmentContractStatusHandler(Meter meter, Pseudonymizer pseudonymizer, ILogger<EnrolmentContractStatusHandler> logger)
{
    private readonly Counter<long> _statuses = meter.CreateCounter<long>("enrolment.contract.statuses");

    public void Handle(ConnectEvent evt)
    {
        var summary = evt.Data.EnvelopeSummary;
        var studentNumber = summary.CustomFields.TextCustomFields.FirstOrDefault(f => f.Name == "student_number")?.Value;
        var learnerRef = studentNumber is null ? null : pseudonymizer.ComputeEsignSignerId(studentNumber);

        logger.LogInformation("Enrolment contract {EnvelopeId} is {Status} for learner {LearnerRef}", evt.Data.EnvelopeId, summary.Status, learnerRef); // clean precision-pseudonym
        logger.LogDebug("Contract custom fields {Fields}", string.Join(",", summary.CustomFields.TextCustomFields.Select(f => f.Name))); // clean precision-names
        _statuses.Add(1, new KeyValuePair<string, object?>("status", summary.Status), new KeyValuePair<string, object?>("learner", learnerRef)); // leak TC1003 precision-pseudonym

        if (summary.Status == "voided")
        {
            // Only the admissions system voids contracts, with a reason from its withdrawal list (offer-withdrawn, superseded, duplicate).
            logger.LogWarning("Enrolment contract {EnvelopeId} voided: {Reason}", evt.Data.EnvelopeId, summary.VoidedReason); // clean precision-about
        }

        foreach (var signer in summary.Recipients.Signers.Where(s => s.Status == "completed"))
        {
            Activity.Current?.AddEvent(new ActivityEvent("enrolment.contract.signed", tags: new ActivityTagsCollection { ["role"] = signer.RoleName, ["signed_at"] = signer.SignedDateTime })); // clean precision-names
            Activity.Current?.SetTag("enrolment.signer", signer.Name); // leak TC1001 direct
        }
    }
}
