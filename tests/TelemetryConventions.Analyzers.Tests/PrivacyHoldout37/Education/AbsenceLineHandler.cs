using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout37.Support.Vonage;
using PrivacyHoldout37.Telemetry;

namespace PrivacyHoldout37.Education;

public sealed record Pupil(string StudentNumber, string GivenName, string FamilyName, string YearGroup, string Form);

public sealed record Guardian(string Name, string Email, string Mobile, string Relationship);

public sealed class AbsenceAlreadyRecordedException(string studentNumber, DateOnly day)
    : Exception($"An absence for {studentNumber} on {day:yyyy-MM-dd} is already recorded.");

public interface IPupilRoll
{
    Task<Pupil?> FindAsync(string studentNumber, CancellationToken cancellationToken);

    Task<Guardian?> GuardianCallingAsync(string studentNumber, string callerNumber, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="AbsenceAlreadyRecordedException"/> when the day already has an absence for the pupil.</summary>
    Task RecordAbsenceAsync(string studentNumber, DateOnly day, string category, string reasonText, CancellationToken cancellationToken);
}

internal static class AbsenceTelemetry
{
    public static void TagStudent(Activity? activity, string studentNumber)
    {
        activity?.SetTag("absence.student.number", studentNumber); // leak TC1001 direct
    }

    public static void TagStep(Activity? activity, string step)
    {
        activity?.SetTag("absence.ivr.step", step);
        activity?.AddEvent(new ActivityEvent("absence.ivr.step"));
    }

    /// <summary>Maps what the parent said onto the attendance register's reason categories.</summary>
    public static string Classify(string? heard) => heard?.ToLowerInvariant() switch
    {
        null or "" => "not-given",
        var text when text.Contains("doctor") || text.Contains("dentist") || text.Contains("hospital") => "medical-appointment",
        var text when text.Contains("ill") || text.Contains("sick") || text.Contains("temperature") || text.Contains("vomit") => "illness",
        var text when text.Contains("holiday") => "holiday",
        _ => "other",
    };
}

/// <summary>
/// The school absence line on the voice API: the parent keys in the student number, then says why
/// the child is absent. NCCO input events arrive at one endpoint per step.
/// </summary>
[ApiController]
[Route("voice/absence")]
public sealed class AbsenceLineHandler(IPupilRoll roll, ILogger<AbsenceLineHandler> logger) : ControllerBase
{
    private const string SchoolUrn = "137042";

    [HttpPost("student-number")]
    public async Task<ActionResult> StudentNumber([FromBody] InputEvent input, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("conversation.uuid", input.ConversationUuid);
        activity?.SetTag("absence.caller", input.From); // leak TC1001 direct
        AbsenceTelemetry.TagStep(activity, "student-number"); // clean cross-member
        Baggage.SetBaggage("school.urn", SchoolUrn); // clean direct

        var digits = input.Dtmf?.Digits ?? string.Empty;
        activity?.SetTag("absence.dtmf.timed_out", input.Dtmf?.TimedOut ?? true);
        activity?.AddCallIvrInputEvent("student-number", callNote: $"{digits.Length} digits keyed"); // clean generated-api

        var pupil = await roll.FindAsync(digits, cancellationToken);
        if (pupil is null)
        {
            logger.LogInformation("Absence call {Uuid}: no pupil with student number {StudentNumber}", input.Uuid, digits); // leak TC1001 direct
            return Ok(new[] { new { action = "talk", text = "Sorry, that number was not recognised." } });
        }

        AbsenceTelemetry.TagStudent(activity, digits); // leak TC1001 cross-member
        Baggage.SetBaggage("student.number", pupil.StudentNumber); // leak TC1001 direct
        activity?.SetTag("absence.year_group", pupil.YearGroup); // clean precision-about
        return Ok(new object[]
        {
            new { action = "talk", text = $"Thank you. Please tell us briefly why {pupil.GivenName} is absent today." },
            new { action = "input", type = new[] { "speech" }, eventUrl = new[] { $"https://phones.school.example/voice/absence/reason?student={pupil.StudentNumber}" } },
        });
    }

    [HttpPost("reason")]
    public async Task<ActionResult> Reason([FromBody] InputEvent input, string student, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var best = input.Speech?.Results.OrderByDescending(r => r.Confidence).FirstOrDefault();
        var category = AbsenceTelemetry.Classify(best?.Text);

        activity?.SetTag("absence.reason.category", category); // clean precision-about
        activity?.SetTag("absence.reason.length", best?.Text.Length ?? 0); // clean precision-about
        activity?.SetTag("absence.reason.heard", best?.Text); // leak TC1001 direct
        activity?.AddCallIvrInputEvent("absence-reason", callNote: $"heard '{best?.Text}' ({best?.Confidence:P0})"); // leak TC1001 generated-api

        var guardian = await roll.GuardianCallingAsync(student, input.From, cancellationToken);
        activity?.SetTag("absence.guardian.relationship", guardian?.Relationship ?? "unknown"); // clean precision-names
        activity?.SetTag("absence.guardian.known", guardian is not null); // clean precision-about
        logger.LogInformation("Absence for {Student} reported by {Guardian} as {Category}", student, guardian?.Email, category); // leak TC1001 direct

        try
        {
            await roll.RecordAbsenceAsync(student, DateOnly.FromDateTime(DateTime.Today), category, best?.Text ?? string.Empty, cancellationToken);
        }
        catch (AbsenceAlreadyRecordedException ex)
        {
            logger.LogInformation(ex, "Second absence call on {Uuid}", input.Uuid); // leak TC1001 exceptions
            return Ok(new[] { new { action = "talk", text = "Thank you, we already have an absence recorded for today. Goodbye." } });
        }
        return Ok(new[] { new { action = "talk", text = "Thank you, the absence has been recorded. Goodbye." } });
    }
}
