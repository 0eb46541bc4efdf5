using System.Text.RegularExpressions;

namespace PrivacyHoldout64.Healthcare;

public sealed record DischargeSummary(
    string HospitalNumber,
    string NhsNumber,
    string Ward,
    string ConsultantStaffNumber,
    DateOnly DischargedOn,
    string Text)
{
    /// <summary>The discharge destination, a code from the form's list (home, care home, transfer).</summary>
    public required string DestinationCode { get; init; }
}

public interface IGpConnect
{
    /// <summary>Posts the summary to the patient's practice; the error names the practice's ODS code and the status.</summary>
    Task<Result<string, Error>> SendAsync(DischargeSummary summary, CancellationToken cancellationToken);
}

/// <summary>Carries the discharge through the steps of the send; built once per summary.</summary>
public sealed class DischargeTrace(string hospitalNumber, string ward, ILogger logger)
{
    public string Label => $"{ward}:{hospitalNumber}";

    public string WardLabel => $"ward:{ward}";

    public void Step(string step) => logger.LogDebug("{Label} {Step}", Label, step); // leak TC1001 cross-member

    public void WardStep(string step) => logger.LogDebug("{Ward} {Step}", WardLabel, step); // clean cross-member
}

/// <summary>Sends discharge summaries to GP practices: validate, tidy, send, count, as one pipeline.</summary>
public sealed class DischargeSender(
    IGpConnect gp,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<DischargeSender> logger)
{
    private readonly Counter<long> _sent = meter.CreateCounter<long>("discharge.summaries.sent");

    private static readonly Func<string, string> Tidy = ((Func<string, string>)StripPhoneNumbers).Then(CollapseWhitespace);

    public Task<Result<string, Error>> SendAsync(DischargeSummary summary, CancellationToken cancellationToken)
    {
        var trace = new DischargeTrace(summary.HospitalNumber, summary.Ward, logger);
        trace.Step("validate");
        trace.WardStep("validate");

        return Validate(summary)
            .Map(valid => valid with { Text = Tidy(valid.Text) })
            .Tap(tidy => logger.LogDebug("Summary preview: {Preview}", tidy.Text[..Math.Min(80, tidy.Text.Length)])) // leak TC1001 strings
            .Tap(tidy => logger.LogDebug("Summary length {Length}, destination {Destination}", tidy.Text.Length, tidy.DestinationCode)) // clean precision-about
            .Tap(tidy => Activity.Current?.AddEvent(new ActivityEvent("discharge.validated", tags: Collect(new("ward", tidy.Ward), new("destination", tidy.DestinationCode))))) // clean direct
            .Tap(tidy => Activity.Current?.AddEvent(new ActivityEvent("discharge.signed", tags: Collect(new("ward", tidy.Ward), new("consultant", tidy.ConsultantStaffNumber))))) // leak TC1001 direct
            .BindAsync(tidy => gp.SendAsync(tidy, cancellationToken))
            .Tap(messageId => logger.LogInformation("Discharge summary for ward {Ward} sent as {MessageId}", summary.Ward, messageId)) // clean direct
            .Tap(_ => _sent.Add(1, new KeyValuePair<string, object?>("ward", summary.Ward))) // clean direct
            .Tap(_ => _sent.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeReferralPatientId(summary.NhsNumber)))) // leak TC1003 precision-pseudonym
            .OnFailure(error => logger.LogError("Discharge summary not sent: {Reason}", error.Message)) // leak TC1001 strings
            .OnFailure(error => Activity.Current?.SetStatus(ActivityStatusCode.Error, error.Code)); // clean direct
    }

    private static Result<DischargeSummary, Error> Validate(DischargeSummary summary) =>
        Guard.Ensure(summary, s => s.NhsNumber.Length == 10, s => new Error("nhs_number", $"NHS number {s.NhsNumber} is not ten digits"))
            .Bind(s => Guard.NotBlank(s.Text).Map(_ => s))
            .Ensure(s => s.DischargedOn <= DateOnly.FromDateTime(DateTime.UtcNow), s => new Error("future_date", $"Discharge dated {s.DischargedOn:yyyy-MM-dd} is in the future"));

    private static ActivityTagsCollection Collect(params ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var collection = new ActivityTagsCollection();
        foreach (var tag in tags)
        {
            collection.Add(tag.Key, tag.Value);
        }
        return collection;
    }

    private static readonly Regex PhoneNumber = new(@"\+?\d[\d ]{9,13}\d", RegexOptions.Compiled);

    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.Compiled);

    private static string StripPhoneNumbers(string text) => PhoneNumber.Replace(text, "[phone]");

    private static string CollapseWhitespace(string text) => Whitespace.Replace(text, " ").Trim();
}
