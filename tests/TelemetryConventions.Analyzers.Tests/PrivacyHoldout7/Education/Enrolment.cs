using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout7.Support;
using PrivacyHoldout7.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout7.Education;

public sealed record EnrolmentRequest(string StudentNumber, string StudentEmail, string GuardianPhone, string CourseCode, int Credits);

public sealed record Enrolment(Guid Id, string StudentNumber, string StudentEmail, string CourseCode, int Credits, DateOnly StartsOn);

public sealed record EnrolmentDto(Guid Id, string Course, string Student, int Credits);

public static class EnrolmentMapping
{
    public static EnrolmentDto ToDto(this Enrolment enrolment) =>
        new(enrolment.Id, enrolment.CourseCode, enrolment.StudentNumber, enrolment.Credits);
}

public sealed class EnrolmentProfile : Profile
{
    public EnrolmentProfile()
    {
        CreateMap<Enrolment, EnrolmentDto>()
            .ForMember(d => d.Student, o => o.MapFrom(s => s.StudentNumber));
    }
}

public static partial class EnrolmentLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Enrolment {EnrolmentId} created for course {CourseCode}")]
    public static partial void EnrolmentCreated(ILogger logger, Guid enrolmentId, string courseCode);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Enrolment rejected for {StudentNumber}: {Reason}")]
    public static partial void EnrolmentRejected(ILogger logger, string studentNumber, string reason);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Guardian contact {GuardianPhone} confirmed")]
    public static partial void GuardianConfirmed(ILogger logger, [PrivateData] string guardianPhone);

    [LoggerMessage(EventId = 203, Level = LogLevel.Debug, Message = "Enrolment mapped: {@Enrolment}")]
    public static partial void EnrolmentMapped(ILogger logger, EnrolmentDto enrolment);
}

public sealed class EnrolmentValidator
{
    public ValidationResult Validate(EnrolmentRequest request)
    {
        var result = new ValidationResult();
        if (!request.StudentEmail.Contains('@'))
        {
            result.Errors.Add(new ValidationFailure(nameof(request.StudentEmail), $"'{request.StudentEmail}' is not a valid email address", request.StudentEmail));
        }

        if (request.Credits is <= 0 or > 60)
        {
            result.Errors.Add(new ValidationFailure(nameof(request.Credits), $"Credits must be between 1 and 60, got {request.Credits}", request.Credits));
        }

        return result;
    }
}

public sealed class EnrolmentService(EnrolmentValidator validator, IMapper mapper, Pseudonymizer pseudonymizer, ILogger<EnrolmentService> logger)
{
    private static readonly ActivitySource Source = new("Campus.Enrolment");

    public Task<EnrolmentDto?> EnrolAsync(EnrolmentRequest request)
    {
        using var activity = Source.StartActivity("enrolment create");
        var validation = validator.Validate(request);
        if (!validation.IsValid)
        {
            activity?.SetTag("campus.validation.failures", validation.Errors.Count); // clean precision-about
            activity?.SetTag("campus.validation.properties", string.Join(",", validation.Errors.Select(e => e.PropertyName))); // clean strings
            activity?.SetStatus(ActivityStatusCode.Error, validation.Errors[0].ErrorMessage); // leak TC1001 strings
            EnrolmentLog.EnrolmentRejected(logger, request.StudentNumber, "validation"); // leak TC1001 logging-objects
            return Task.FromResult<EnrolmentDto?>(null);
        }

        var enrolment = new Enrolment(Guid.NewGuid(), request.StudentNumber, request.StudentEmail, request.CourseCode, request.Credits, DateOnly.FromDateTime(DateTime.UtcNow));
        EnrolmentLog.EnrolmentCreated(logger, enrolment.Id, enrolment.CourseCode); // clean logging-objects
        EnrolmentLog.GuardianConfirmed(logger, request.GuardianPhone); // clean logging-objects

        var dto = enrolment.ToDto();
        EnrolmentLog.EnrolmentMapped(logger, dto); // leak TC1001 logging-objects
        activity?.SetTag("campus.enrolment.student", dto.Student); // leak TC1001 cross-member
        var mapped = mapper.Map<EnrolmentDto>(enrolment);
        activity?.SetTag("campus.enrolment.id", mapped.Id); // clean cross-member
        activity?.SetTag("campus.course", mapped.Course); // clean cross-member

        var student = pseudonymizer.PseudonymizeCampusStudentId(request.StudentNumber);
        activity?.EnrichCampusEnrolment(student).SetCampusItemCount(request.Credits); // clean generated-api
        activity?.SetTag(CampusAttributes.StudentEmail, request.StudentEmail); // leak TC1001 generated-api
        activity?.SetTag("campus.student.email_length", request.StudentEmail.Length); // clean precision-about

        var summary = new StringBuilder()
            .Append("enrolled ")
            .Append(request.StudentEmail)
            .Append(" on ")
            .Append(request.CourseCode)
            .ToString();
        activity?.AddEvent(new ActivityEvent("campus.enrolment.summary", tags: new ActivityTagsCollection { ["summary"] = summary })); // leak TC1001 strings

        var label = string.Create(request.CourseCode.Length + 3, request.CourseCode, (span, code) =>
        {
            "cc-".AsSpan().CopyTo(span);
            code.AsSpan().CopyTo(span[3..]);
        });
        activity?.SetTag("campus.course.label", label); // clean strings
        return Task.FromResult<EnrolmentDto?>(dto);
    }
}
