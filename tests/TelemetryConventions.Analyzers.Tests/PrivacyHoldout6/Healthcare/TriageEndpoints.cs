using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Linq;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout6.Support;
using PrivacyHoldout6.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout6.Healthcare;

public sealed record TriageRequest(string NhsNumber, string Email, string Complaint, int PainScore, string? PatientPortalVersion);

/// <summary>The emergency department's triage endpoints, as a minimal API.</summary>
public static class TriageEndpoints
{
    private static readonly ActivitySource Source = new("Hospital.Triage");

    public static void Map(WebApplication app)
    {
        app.MapPost("/triage/{patientId}", (string patientId, [FromHeader(Name = "X-Triage-Desk")] string desk, TriageRequest body, Pseudonymizer pseudonymizer, ILogger<TriageRequest> logger) =>
        {
            Activity.Current?.SetTag("triage.patient_ref", patientId); // leak TC1001 direct
            Activity.Current?.SetTag("triage.email.present", !string.IsNullOrWhiteSpace(body.Email)); // clean precision-about
            Activity.Current?.SetTag("triage.portal.version", body.PatientPortalVersion ?? "none"); // clean precision-names

            var validation = Validate(body);
            if (validation is not null)
            {
                logger.LogWarning("Triage request rejected: {Reason}", validation.ErrorMessage); // leak TC1001 strings
                Activity.Current?.SetTag("triage.invalid.member", validation.MemberNames.FirstOrDefault()); // clean precision-names
                var problem = new ProblemDetails { Title = "Invalid triage request", Status = 400, Detail = validation.ErrorMessage };
                problem.Extensions["nhsNumber"] = body.NhsNumber;
                problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString();
                Activity.Current?.SetStatus(ActivityStatusCode.Error, problem.Title); // clean strings
                Activity.Current?.AddEvent(new ActivityEvent("triage.rejected", tags: new ActivityTagsCollection { ["triage.rejected.ref"] = problem.Extensions["nhsNumber"] })); // leak TC1001 cross-member
                return Results.Problem(problem);
            }

            var patient = pseudonymizer.PseudonymizeTriagePatientId(body.NhsNumber);
            using var assessment = Source.StartTriageAssessment(patient, desk); // clean generated-api
            assessment.SetTriageNote($"pain {body.PainScore}, contact {body.Email}"); // leak TC1001 generated-api
            assessment.SetTriageWaitMinutes(body.PainScore > 7 ? 0 : 30);
            Baggage.SetBaggage("triage.patient", patient.Value); // clean precision-pseudonym
            Baggage.SetBaggage("triage.contact", body.Email); // leak TC1001 direct
            logger.LogInformation("Triage started at {Desk} for {Patient}", desk, patient); // clean precision-pseudonym
            if (body.PainScore >= 8)
            {
                logger.LogTriageEscalatedEvent(desk, triagePatientId: Pseudonym.FromComputed(body.NhsNumber)); // leak TC1001 generated-api
            }

            return Results.Accepted($"/triage/{patientId}");
        });
    }

    private static ValidationResult? Validate(TriageRequest body)
    {
        if (body.NhsNumber.Length != 10 || !body.NhsNumber.All(char.IsDigit))
        {
            return new ValidationResult($"'{body.NhsNumber}' is not a valid NHS number", new[] { nameof(TriageRequest.NhsNumber) });
        }

        return body.Complaint.Length == 0 ? new ValidationResult("A complaint is required", new[] { nameof(TriageRequest.Complaint) }) : null;
    }
}
