using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Humanizer;
using Microsoft.Extensions.Logging;
using PrivacyHoldout61.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout61.Healthcare;

public sealed record DoseChange(
    string PrescriptionId,
    string NhsNumber,
    string FirstName,
    string FamilyName,
    string AddressLine1,
    string Postcode,
    string Medicine,
    string OldDose,
    string NewDose,
    string PrescriberNumber,
    string BranchCode,
    string Locale);

public interface ILetterVendor
{
    Task<string> SubmitAsync(string payloadJson, CancellationToken cancellationToken);
}

/// <summary>The print vendor's refusal: its message quotes the address line and postcode it could not use.</summary>
public sealed class LetterRejectedException(string reference, string postcode, string code)
    : Exception($"Vendor rejected letter {reference}: postcode {postcode} is not deliverable ({code}).")
{
    public string Code { get; } = code;
}

public sealed class LetterTemplateException(string template, string locale)
    : Exception(string.Format(CultureInfo.InvariantCulture, PharmacyTexts.TemplateMissing, template, locale));

/// <summary>Composes the dose-change letters the print vendor posts to patients.</summary>
public sealed class DoseChangeLetters(
    ActivitySource source,
    ILogger<DoseChangeLetters> logger,
    Pseudonymizer pseudonymizer,
    ILetterVendor vendor)
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private const string Template = """
        {{date}}

        Dear {{salutation}},

        Your prescriber has changed your dose of {{medicine}} from {{oldDose}} to {{newDose}}.
        Please collect your new supply from branch {{branch}} and quote {{reference}}.
        """;

    private static readonly Regex Placeholder = new(@"\{\{(?<key>[A-Za-z]+)\}\}", RegexOptions.Compiled);
    private static readonly Regex Outward = new(@"^(?<outward>[A-Z]{1,2}\d[A-Z\d]?)\s*(?<inward>\d[A-Z]{2})$", RegexOptions.Compiled | RegexOptions.IgnoreCase);
    private static readonly Regex NhsNumberInText = new(@"\b(\d{3})\s?(\d{3})\s?(\d{4})\b", RegexOptions.Compiled);

    public async Task<string?> ComposeAsync(DoseChange change, CancellationToken cancellationToken)
    {
        using var span = source.StartPharmacyNotificationSend(pseudonymizer.PseudonymizePharmacyPatientId(change.NhsNumber), change.BranchCode, spanName: $"letter dose_change {change.BranchCode}"); // clean precision-pseudonym
        span.SetPharmacyPrescriberId(pseudonymizer.PseudonymizePharmacyPrescriberId(change.PrescriberNumber)).SetPharmacyMessageKind(PharmacyMessageKind.DoseChange); // clean precision-pseudonym

        if (change.Locale is not ("en-GB" or "cy-GB"))
        {
            var missingTemplate = new LetterTemplateException("dose_change", change.Locale);
            span.RecordException(missingTemplate, includeMessage: true); // clean exceptions
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["date"] = DateTime.Today.ToString("d MMMM yyyy", EnGb),
            ["salutation"] = $"{change.FirstName} {change.FamilyName}",
            ["medicine"] = change.Medicine,
            ["oldDose"] = change.OldDose,
            ["newDose"] = change.NewDose,
            ["branch"] = change.BranchCode,
            ["reference"] = change.PrescriptionId,
        };
        logger.LogDebug("Rendering dose-change letter with {Placeholders}", values.Keys); // clean logging-objects
        logger.LogTrace("Dose-change letter values {@Values}", values); // leak TC1001 logging-objects

        var unfilled = new List<string>();
        var letter = Placeholder.Replace(Template, m => values.TryGetValue(m.Groups["key"].Value, out var value) ? value : Unfilled(unfilled, m.Groups["key"].Value));
        if (unfilled.Count > 0)
        {
            span.SetStatus(ActivityStatusCode.Error, "Unfilled placeholders: " + string.Join(", ", unfilled)); // clean precision-names
        }

        span.SetPharmacyMessageLength(letter.Length); // clean precision-about
        span.SetPharmacyNote(string.Concat("changed by prescriber ", change.PrescriberNumber, " for ", change.Medicine)); // leak TC1001 generated-api
        span.SetPharmacyNote(letter.Truncate(120)); // leak TC1001 generated-api
        span.Activity?.SetTag("pharmacy.letter.template_hash", Template.GetHashCode()); // clean hashes

        var district = Outward.Match(change.Postcode) is { Success: true } m ? m.Groups["outward"].Value.ToUpperInvariant() : "unknown";
        span.Activity?.SetTag("pharmacy.letter.district", district); // clean precision-about
        span.Activity?.SetTag("pharmacy.letter.postcode", change.Postcode.Replace(" ", string.Empty).ToUpperInvariant()); // leak TC1001 direct

        var payload = $$"""
            {"reference":"{{change.PrescriptionId}}","recipient":{"name":"{{change.FirstName}} {{change.FamilyName}}","line1":"{{change.AddressLine1}}","postcode":"{{change.Postcode}}"},"body":{{JsonSerializer.Serialize(letter)}}}
            """;
        logger.LogDebug("Letter vendor payload: {Payload}", payload); // leak TC1001 strings
        var routing = $$"""{"reference":"{{change.PrescriptionId}}","branch":"{{change.BranchCode}}","pages":1}""";
        span.Activity?.AddEvent(new ActivityEvent("letter.routed", tags: new ActivityTagsCollection { ["letter.routing"] = routing })); // clean strings

        try
        {
            var jobId = await vendor.SubmitAsync(payload, cancellationToken);
            logger.LogPharmacyNotificationSentEvent(change.PrescriptionId, PharmacyMessageKind.DoseChange, pharmacyNote: $"vendor job {jobId}, {letter.Length} chars"); // clean generated-api
            return jobId;
        }
        catch (LetterRejectedException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Letter {Reference} rejected by the vendor with code {Code}", change.PrescriptionId, ex.Code); // clean exceptions
            logger.LogWarning(ex, "Letter {Reference} rejected by the vendor", change.PrescriptionId); // leak TC1001 exceptions
            return null;
        }
    }

    /// <summary>The prescriber's free-text reason arrives from the GP system; staff asked for it on the trace.</summary>
    public void TraceReason(string prescriberReason, string nhsNumber)
    {
        var scrubbed = NhsNumberInText.Replace(prescriberReason, match => $"{match.Groups[1].Value} *** ****");
        Activity.Current?.SetTag("pharmacy.dose_change.reason", scrubbed); // leak TC1001 strings
        Activity.Current?.SetTag("pharmacy.dose_change.reason_length", prescriberReason.Length); // clean precision-about
        Activity.Current?.SetTag("pharmacy.dose_change.numbers_scrubbed", NhsNumberInText.Count(prescriberReason)); // clean precision-about
        Activity.Current?.SetTag("pharmacy.patient.masked", PatientTextMasks.KeepLastFour(nhsNumber)); // clean precision-about
    }

    private static string Unfilled(List<string> unfilled, string key)
    {
        unfilled.Add(key);
        return string.Empty;
    }
}
