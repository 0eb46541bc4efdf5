using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyCorpus.Shared;
using PrivacyHoldout62.Support;
using PrivacyHoldout62.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout62.Education;

public static class EnrolmentTelemetry
{
    public static readonly ActivitySource Source = new("College.Enrolment.Api");

    public static readonly Meter Meter = new("College.Enrolment.Api");

    public static readonly EnrolmentEnrolmentsCounter Enrolments = Meter.CreateEnrolmentEnrolmentsCounter();

    public static readonly Counter<long> ConsentRequests = Meter.CreateCounter<long>("enrolment.consent.requests", "{request}");

    public static readonly Counter<long> Withdrawals = Meter.CreateCounter<long>("enrolment.withdrawals", "{enrolment}");
}

public sealed class EnrolmentOptions
{
    public bool IncludeStudentNumberInLogs { get; set; }

    public int MinimumAgeWithoutConsent { get; set; } = 18;
}

public sealed record EnrolmentDto(string EnrolmentId, string CourseCode, string Term, string Status, string StudentName);

public sealed record Student(string StudentNumber, string PreferredName, string FamilyName, DateOnly DateOfBirth, string? GuardianEmail, string YearGroup);

public sealed record Course(string Code, string Title, int Capacity, int Enrolled, string Campus);

public sealed class Enrolment
{
    public string Id { get; init; } = Guid.NewGuid().ToString("N");

    public required string StudentNumber { get; init; }

    public required string CourseCode { get; init; }

    public required string Term { get; init; }

    public string Status { get; set; } = "pending";
}

public interface IEnrolmentService
{
    Task<EnrolmentDto> EnrolAsync(EnrolStudentRequest request, CancellationToken cancellationToken);

    Task WithdrawAsync(string enrolmentId, WithdrawRequest request, CancellationToken cancellationToken);
}

public interface IEnrolmentRepository
{
    Task<Enrolment?> GetAsync(string enrolmentId, CancellationToken cancellationToken);

    Task AddAsync(Enrolment enrolment, CancellationToken cancellationToken);

    Task<PagedList<EnrolmentDto>> ListAsync(EnrolmentListQuery query, CancellationToken cancellationToken);
}

public interface IStudentDirectory
{
    Task<Student?> FindAsync(string studentNumber, CancellationToken cancellationToken);
}

public interface ICourseCatalogue
{
    Task<Course> GetAsync(string courseCode, CancellationToken cancellationToken);
}

public interface IGuardianConsentClient
{
    Task RequestConsentAsync(string guardianEmail, string studentName, string courseTitle, CancellationToken cancellationToken);
}

public sealed class StudentNotFoundException(string studentNumber)
    : Exception($"No student with number {studentNumber} is registered");

public sealed class CourseFullException(string courseCode, int capacity)
    : Exception($"Course {courseCode} is full ({capacity} places)");

public sealed class GuardianConsentException(string guardianEmail, Exception inner)
    : Exception($"Consent request to {guardianEmail} could not be sent", inner);

public static class EnrolmentMapping
{
    public static EnrolmentDto ToDto(this Enrolment enrolment, Student student) =>
        new(enrolment.Id, enrolment.CourseCode, enrolment.Term, enrolment.Status, $"{student.PreferredName} {student.FamilyName}");
}

public sealed partial class EnrolmentService(
    IEnrolmentRepository repository,
    IStudentDirectory students,
    ICourseCatalogue courses,
    IGuardianConsentClient consent,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    IOptions<EnrolmentOptions> options,
    ILogger<EnrolmentService> logger) : IEnrolmentService
{
    public async Task<EnrolmentDto> EnrolAsync(EnrolStudentRequest request, CancellationToken cancellationToken)
    {
        using var span = EnrolmentTelemetry.Source.StartEnrolmentEnrol(pseudonymizer.PseudonymizeEnrolmentStudentId(request.StudentNumber), request.CourseCode); // clean precision-pseudonym
        span.SetEnrolmentTerm(request.Term);

        var student = await students.FindAsync(request.StudentNumber, cancellationToken)
            ?? throw new StudentNotFoundException(request.StudentNumber); // leak TC1001 exceptions
        var course = await courses.GetAsync(request.CourseCode, cancellationToken);
        if (course.Enrolled >= course.Capacity)
        {
            var full = new CourseFullException(course.Code, course.Capacity);
            span.RecordException(full, includeMessage: true).SetStatus(ActivityStatusCode.Error, full.Message); // clean exceptions
            EnrolmentTelemetry.Enrolments.Add(1, course.Code, EnrolmentStatusValue.Custom("rejected_full"), request.Term); // clean generated-api
            throw full;
        }

        if (options.Value.IncludeStudentNumberInLogs)
        {
            logger.LogInformation("Enrolling {StudentNumber} ({YearGroup}) on {CourseCode}", student.StudentNumber, student.YearGroup, course.Code); // leak TC1001 cross-member
        }

        var cohort = HashCode.Combine(student.StudentNumber) & 0xF;
        Activity.Current?.SetTag("enrolment.experiment.cohort", cohort); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(student.StudentNumber))[0] % 8;
        Activity.Current?.SetTag("enrolment.shard", shard); // clean hashes

        var enrolment = new Enrolment { StudentNumber = student.StudentNumber, CourseCode = course.Code, Term = request.Term };
        var age = DateTime.UtcNow.Year - student.DateOfBirth.Year;
        if (age < options.Value.MinimumAgeWithoutConsent && student.GuardianEmail is { } guardianEmail)
        {
            span.Activity?.SetTag(EnrolmentAttributes.GuardianContact, pseudonymizer.Compute("enrolment.guardian", guardianEmail)); // leak TC1001 precision-pseudonym
            try
            {
                await consent.RequestConsentAsync(guardianEmail, student.PreferredName, course.Title, cancellationToken);
                EnrolmentTelemetry.ConsentRequests.Add(1, new KeyValuePair<string, object?>("campus", course.Campus), new KeyValuePair<string, object?>("guardian_domain", guardianEmail[(guardianEmail.IndexOf('@') + 1)..])); // clean precision-about
            }
            catch (Exception ex)
            {
                var wrapped = new GuardianConsentException(guardianEmail, ex);
                logger.LogError(wrapped, "Consent request failed for enrolment {EnrolmentId}", enrolment.Id); // leak TC1001 exceptions
                span.SetEnrolmentNote("consent request failed: " + ex.GetType().Name); // clean generated-api
            }
        }
        else
        {
            enrolment.Status = "confirmed";
        }

        await repository.AddAsync(enrolment, cancellationToken);
        span.SetEnrolmentEnrolmentId(enrolment.Id).SetEnrolmentStatus(enrolment.Status == "confirmed" ? EnrolmentStatus.Confirmed : EnrolmentStatus.Pending);
        EnrolmentTelemetry.Enrolments.Add(1, course.Code, enrolment.Status == "confirmed" ? EnrolmentStatus.Confirmed : EnrolmentStatus.Pending, request.Term);

        var dto = enrolment.ToDto(student);
        logger.LogInformation("Enrolment created {Enrolment}", dto); // leak TC1001 logging-objects
        LogEnrolled(logger, pseudonymizer.ComputeEnrolmentStudentId(student.StudentNumber), course.Code, student.YearGroup); // clean precision-pseudonym
        return dto;
    }

    public async Task WithdrawAsync(string enrolmentId, WithdrawRequest request, CancellationToken cancellationToken)
    {
        var enrolment = await repository.GetAsync(enrolmentId, cancellationToken) ?? throw new KeyNotFoundException($"Enrolment {enrolmentId} not found"); // clean exceptions
        enrolment.Status = "withdrawn";
        var studentRef = pseudonymizer.PseudonymizeEnrolmentStudentId(enrolment.StudentNumber);
        logger.LogEnrolmentWithdrawnEvent(enrolment.CourseCode, enrolment.Id, studentRef, enrolmentNote: $"reason={request.ReasonCode}"); // clean generated-api
        if (request.Comment is { Length: > 0 } comment)
        {
            logger.LogEnrolmentWithdrawnEvent(enrolment.CourseCode, enrolment.Id, studentRef, enrolmentNote: comment); // leak TC1001 generated-api
        }
        EnrolmentTelemetry.Enrolments.Add(1, enrolment.CourseCode, EnrolmentStatus.Withdrawn, enrolment.Term);
        EnrolmentTelemetry.Withdrawals.Add(1, new KeyValuePair<string, object?>("reason", request.ReasonCode), new KeyValuePair<string, object?>("student", studentRef.Value)); // leak TC1003 precision-pseudonym
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Student {StudentRef} enrolled on {CourseCode} ({YearGroup})")]
    private static partial void LogEnrolled(ILogger logger, string studentRef, string courseCode, string yearGroup);
}
