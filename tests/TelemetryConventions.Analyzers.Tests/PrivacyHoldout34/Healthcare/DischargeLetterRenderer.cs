using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout34.Support.Templating;
using PrivacyHoldout34.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout34.Healthcare;

public sealed record Medication(string Name, string Dose, string Frequency);

public sealed record DischargeSummary(Guid EncounterId, PatientRecord Patient, string GpPracticeCode, string DischargingClinician, DateTimeOffset DischargedAt, IReadOnlyList<Medication> Medications);

/// <summary>The model the discharge letter template reads (placeholders such as <c>{{ patient.family_name }}</c>).</summary>
public sealed record DischargeLetterModel(string PatientName, string NhsNumber, string DateOfBirth, string Ward, string GpPracticeCode, string Clinician, IReadOnlyList<Medication> Medications);

public static partial class DischargeLetterLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Discharge letter {LetterId} queued for {FamilyName}")]
    public static partial void LetterQueued(ILogger logger, string letterId, [PrivateData] string familyName);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Discharge letter for {NhsNumber} has {Missing} unresolved placeholders")]
    public static partial void LetterIncomplete(ILogger logger, string nhsNumber, int missing);
}

public sealed class DischargeLetterRenderer(ITemplateEngine engine, Meter meter, Pseudonymizer pseudonymizer, ILogger<DischargeLetterRenderer> logger)
{
    public const string TemplateName = "discharge-letter-v7";

    private static readonly ActivitySource Source = new("Clinic.Letters");

    public async Task<RenderResult?> RenderAsync(DischargeSummary summary, CancellationToken cancellationToken)
    {
        var patient = summary.Patient;
        using var span = Source.StartDocumentRender(TemplateName);
        span.SetDocumentKind("discharge-letter");
        span.SetDocumentSubjectId(pseudonymizer.PseudonymizeDocumentSubjectId(patient.HospitalNumber)); // clean precision-pseudonym

        var model = new DischargeLetterModel(
            $"{patient.GivenName} {patient.FamilyName}",
            patient.NhsNumber,
            patient.DateOfBirth.ToString("d MMMM yyyy"),
            patient.Ward,
            summary.GpPracticeCode,
            summary.DischargingClinician,
            summary.Medications);

        RenderResult result;
        try
        {
            result = await engine.RenderAsync(TemplateName, model, cancellationToken);
        }
        catch (TemplateMemberException ex)
        {
            logger.LogError(ex, "Discharge letter template {Template} reads a member the model lacks", TemplateName); // clean exceptions
            meter.CreateDocumentRendersCounter().Add(1, documentKind: "discharge-letter", documentOutcome: "template-error"); // clean generated-api
            return null;
        }
        catch (FormatFilterException ex)
        {
            span.SetDocumentNote(ex.Message); // leak TC1001 exceptions
            return null;
        }

        foreach (var placeholder in result.UnresolvedPlaceholders)
        {
            span.AddDocumentFieldUnresolvedEvent(TemplateName, documentNote: $"no value for {placeholder}"); // clean precision-names
        }

        if (result.UnresolvedPlaceholders.Count > 0)
        {
            DischargeLetterLog.LetterIncomplete(logger, patient.NhsNumber, result.UnresolvedPlaceholders.Count); // leak TC1001 cross-member
        }

        span.SetDocumentPageCount(result.PageCount);
        DischargeLetterLog.LetterQueued(logger, result.DocumentId, patient.FamilyName); // clean cross-member
        logger.LogInformation("Rendered discharge letter {LetterId} for encounter {EncounterId}", result.DocumentId, summary.EncounterId); // clean precision-names
        logger.LogDebug("Discharge letter preview: {Preview}", result.Text[..Math.Min(200, result.Text.Length)]); // leak TC1001 strings
        logger.LogDebug("Discharge letter model {@Model}", model); // leak TC1001 logging-objects
        span.SetDocumentNote($"{summary.Medications.Count} medications, GP {summary.GpPracticeCode}"); // clean generated-api

        if (patient.Email is { } email)
        {
            Activity.Current?.SetTag(DocumentAttributes.RecipientContact, email); // leak TC1001 generated-api
            Activity.Current?.SetTag("letter.copy.email_domain", email[(email.IndexOf('@') + 1)..]); // clean precision-about
        }

        meter.CreateDocumentRendersCounter().Add(1, documentKind: "discharge-letter", documentOutcome: $"rendered:{patient.Ward}"); // clean generated-api
        return result;
    }
}
