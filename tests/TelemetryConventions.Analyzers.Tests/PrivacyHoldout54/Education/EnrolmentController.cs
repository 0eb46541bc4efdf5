using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout54.Education;

/// <summary>An email address that prints masked unless the full format is asked for.</summary>
public sealed class EmailAddress : IEquatable<EmailAddress>, IFormattable
{
    public EmailAddress(string value) => Value = value.Trim();

    public string Value { get; }

    public string Domain => Value[(Value.IndexOf('@') + 1)..];

    /// <summary>"M" (the default) masks the mailbox; "F" is the whole address, for the mail gateway.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => format == "F" ? Value : $"***@{Domain}";

    public override string ToString() => ToString("M", null);

    public bool Equals(EmailAddress? other) => other is not null && string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => Equals(obj as EmailAddress);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
}

/// <summary>Writes an <see cref="EmailAddress"/> masked.</summary>
public sealed class EmailMaskingConverter : JsonConverter<EmailAddress>
{
    public override EmailAddress? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, EmailAddress value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

public static class TelemetryJson
{
    /// <summary>Options for payloads that go to traces: emails are masked.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new EmailMaskingConverter() } };
}

public sealed class EnrolmentRequest
{
    public string StudentNumber { get; init; } = "";

    public string CourseCode { get; init; } = "";

    public string Term { get; init; } = "";

    public EmailAddress GuardianEmail { get; init; } = new("");

    public int YearGroup { get; init; }

    public override string ToString() => $"{StudentNumber} -> {CourseCode} ({Term})";
}

public sealed class GuardianNotice
{
    public string CourseCode { get; init; } = "";

    public EmailAddress GuardianEmail { get; init; } = new("");

    public DateTimeOffset SentAt { get; init; }
}

public sealed record EnrolmentConfirmed(Guid EnrolmentId, string CourseCode, string Term, int YearGroup);

[DebuggerDisplay("{StudentNumber} in {CourseCode}")]
public sealed class EnrolmentRow
{
    public Guid EnrolmentId { get; set; }

    public string StudentNumber { get; set; } = "";

    public string CourseCode { get; set; } = "";
}

public sealed class EnrolmentRejectedException(string message) : Exception(message);

public sealed class CourseFullException(string courseCode, int capacity)
    : Exception($"Course {courseCode} is full ({capacity} places)");

public sealed class EnrolmentController(ILogger<EnrolmentController> logger, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _enrolments = meter.CreateCounter<long>("lms.enrolments");

    public EnrolmentConfirmed? Enrol(EnrolmentRequest request, int placesLeft)
    {
        using var span = source.StartModelOperation("enrol", nameof(EnrolmentRequest));
        span.Activity?.SetTag("lms.course", request.CourseCode); // clean direct
        span.Activity?.SetTag("lms.enrolment.request", request.ToString()); // leak TC1001 strings
        span.SetModelSubjectId(pseudonymizer.PseudonymizeModelSubjectId(request.StudentNumber)); // clean precision-pseudonym
        logger.LogInformation("Guardian contact {GuardianEmail}", request.GuardianEmail); // clean precision-about
        logger.LogInformation("Guardian contact {GuardianEmail:F}", request.GuardianEmail); // leak TC1001 strings
        span.Activity?.SetTag("lms.guardian.domain", request.GuardianEmail.Domain); // clean precision-about
        span.Activity?.SetTag("lms.request.body", JsonSerializer.Serialize(request, TelemetryJson.Options)); // leak TC1001 logging-objects

        try
        {
            Validate(request, placesLeft);
        }
        catch (EnrolmentRejectedException ex)
        {
            logger.LogWarning(ex, "Enrolment rejected"); // leak TC1001 exceptions
            span.RecordException(ex); // clean exceptions
            logger.LogModelRejectedEvent(nameof(EnrolmentRequest), "rejected", modelNote: ex.Message); // leak TC1001 generated-api
            return null;
        }
        catch (CourseFullException ex)
        {
            logger.LogWarning(ex, "Course full"); // clean exceptions
            span.RecordException(ex, includeMessage: true); // clean exceptions
            return null;
        }

        var confirmed = new EnrolmentConfirmed(Guid.NewGuid(), request.CourseCode, request.Term, request.YearGroup);
        logger.LogInformation("Enrolled {Confirmation}", confirmed);
        logger.LogInformation("Enrolled {@Confirmation}", confirmed); // clean logging-objects
        span.SetModelId(confirmed.EnrolmentId.ToString());

        _enrolments.Add(1, new KeyValuePair<string, object?>("course", request.CourseCode), new KeyValuePair<string, object?>("year_group", request.YearGroup)); // clean direct
        _enrolments.Add(1, new KeyValuePair<string, object?>("course", request.CourseCode), new KeyValuePair<string, object?>("student", pseudonymizer.ComputeModelSubjectId(request.StudentNumber))); // leak TC1003 precision-pseudonym

        var row = new EnrolmentRow { EnrolmentId = confirmed.EnrolmentId, StudentNumber = request.StudentNumber, CourseCode = request.CourseCode };
        logger.LogDebug("Row written {Row}", row); // clean logging-objects
        logger.LogDebug("Row written {@Row}", row); // leak TC1001 logging-objects
        return confirmed;
    }

    public void NotifyGuardian(GuardianNotice notice)
    {
        Activity.Current?.SetTag("lms.notice", JsonSerializer.Serialize(notice, TelemetryJson.Options)); // clean logging-objects
        logger.LogDebug("Notice payload {Payload}", JsonSerializer.Serialize(notice)); // leak TC1001 logging-objects
        logger.LogInformation("Guardian notified at {Email} for {Course}", $"{notice.GuardianEmail}", notice.CourseCode); // clean strings
    }

    private static void Validate(EnrolmentRequest request, int placesLeft)
    {
        if (placesLeft <= 0)
        {
            throw new CourseFullException(request.CourseCode, 30);
        }
        if (request.YearGroup < 12)
        {
            throw new EnrolmentRejectedException($"Year group too low for {request}");
        }
    }
}
