using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using PrivacyCorpus.Shared;
using TelemetryConventions;

namespace PrivacyCorpus.Education;

public sealed record EnrollRequest(string StudentNumber, string CourseCode, string LearnerEmail, string? ParentPhone, string? NationalStudentId);

public sealed record EnrollReply(bool Enrolled, string? Detail);

public sealed class EnrollmentScope(string studentNumber, string courseCode)
{
    public string StudentNumber { get; } = studentNumber;

    public string CourseCode { get; } = courseCode;

    public override string ToString() => $"{StudentNumber}/{CourseCode}";
}

public sealed class CourseFullException(string courseCode, int capacity) : Exception($"Course {courseCode} is full ({capacity} seats)");

public sealed class StudentNotEligibleException(string studentNumber, string reason) : Exception($"Student {studentNumber} is not eligible: {reason}");

internal static partial class EnrollmentLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Enrolment confirmation sent to {LearnerEmail}")]
    public static partial void ConfirmationSent(ILogger logger, [PrivateData] string learnerEmail);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Enrolment confirmation sent to {LearnerEmail}")]
    public static partial void ConfirmationSentPlain(ILogger logger, string learnerEmail);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Course {CourseCode} has {SeatsLeft} seats left")]
    public static partial void SeatsLeft(ILogger logger, string courseCode, int seatsLeft);
}

/// <summary>gRPC enrolment service of the student information system.</summary>
public sealed class EnrollmentService(ILogger<EnrollmentService> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Campus.Enrollment");
    private const int Capacity = 30;

    public Task<EnrollReply> Enroll(EnrollRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("campus.Enrollment/Enroll", ActivityKind.Server);
        activity?.SetTag("rpc.method", context.Method); // clean direct
        using var scope = logger.BeginScope(new EnrollmentScope(request.StudentNumber, request.CourseCode)); // leak TC1001 logging-objects
        using var courseScope = logger.BeginScope(new KeyValuePair<string, object>[] { new("CourseCode", request.CourseCode), new("RpcPeerKind", "internal") }); // clean logging-objects
        using var learnerScope = logger.BeginScope(new KeyValuePair<string, object>[] { new("LearnerEmail", request.LearnerEmail) }); // leak TC1001 logging-objects
        activity?.SetTag("campus.national_student_id", request.NationalStudentId); // leak TC1001 precision-names
        activity?.SetTag("campus.parent.phone", request.ParentPhone); // leak TC1001 precision-names

        try
        {
            Admit(request);
        }
        catch (CourseFullException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Enrolment refused"); // clean exceptions
            return Task.FromResult(new EnrollReply(false, ex.Message));
        }
        catch (StudentNotEligibleException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.RecordException(ex); // leak TC1001 exceptions
            logger.LogWarning("Enrolment refused: {Reason}", ex.Message); // leak TC1001 exceptions
            throw new RpcException("FailedPrecondition", ex.Message);
        }

        EnrollmentLog.ConfirmationSent(logger, request.LearnerEmail); // clean logging-objects
        EnrollmentLog.ConfirmationSentPlain(logger, request.LearnerEmail); // leak TC1001 direct
        EnrollmentLog.SeatsLeft(logger, request.CourseCode, Capacity - 1); // clean logging-objects
        activity?.SetTag("campus.student.id", pseudonymizer.Pseudonymize("campus.student.id", request.StudentNumber)); // clean precision-pseudonym
        return Task.FromResult(new EnrollReply(true, null));
    }

    private static void Admit(EnrollRequest request)
    {
        if (request.CourseCode.EndsWith("-FULL", StringComparison.Ordinal))
        {
            throw new CourseFullException(request.CourseCode, Capacity);
        }

        if (request.StudentNumber.StartsWith('X'))
        {
            throw new StudentNotEligibleException(request.StudentNumber, "prerequisites missing");
        }
    }
}
