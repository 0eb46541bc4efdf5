using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout23.Support.SharedKernel;
using PrivacyHoldout23.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout23.Education;

public interface IStudentScoped
{
    string StudentNumber { get; }
}

public sealed record EnrolStudentCommand(Guid CourseId, string StudentNumber, string GuardianEmail) : IRequest<Result<EnrolmentId>>, IStudentScoped;

public sealed record WithdrawStudentCommand(Guid CourseId, string StudentNumber, WithdrawalReason Reason) : IRequest<Result>, IStudentScoped;

internal sealed class EnrolStudentCommandHandler(
    IRepository<Course> courses,
    IUnitOfWork unitOfWork,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TimeProvider clock,
    ILogger<EnrolStudentCommandHandler> logger) : IRequestHandler<EnrolStudentCommand, Result<EnrolmentId>>
{
    private const string CommandName = "EnrolStudent";

    public async Task<Result<EnrolmentId>> Handle(EnrolStudentCommand request, CancellationToken cancellationToken)
    {
        using var span = source.StartCommandHandle(CommandName);

        if (!StudentNumber.TryParse(request.StudentNumber, out var student))
        {
            logger.LogCommandRejectedEvent(CommandName, EnrolmentErrors.InvalidStudentNumber.Code, commandNote: $"student number of {request.StudentNumber.Length} characters"); // clean precision-about
            return EnrolmentErrors.InvalidStudentNumber;
        }

        var guardian = EmailAddress.Create(request.GuardianEmail);
        if (guardian.IsFailure)
        {
            return guardian.Error;
        }

        var courseId = new CourseId(request.CourseId);
        span.SetAggregateType(nameof(Course)).SetAggregateId(courseId.ToString()); // clean direct

        var course = await courses.GetByIdAsync(courseId, cancellationToken);
        if (course is null)
        {
            return EnrolmentErrors.CourseNotFound(courseId);
        }

        var result = course.Enrol(student, guardian.Value, clock.GetUtcNow());
        if (result.IsFailure)
        {
            span.SetCommandErrorCode(result.Error.Code).SetCommandNote(result.Error.Description); // leak TC1001 generated-api
            meter.CreateCommandHandledCounter().Add(1, CommandName, commandOutcome: "rejected", commandErrorCode: result.Error.Code); // clean precision-about
            return result.Error;
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);

        span.SetCommandSubjectId(pseudonymizer.PseudonymizeCommandSubjectId(student)); // clean precision-pseudonym
        Activity.Current?.SetTag("enrolment.campus", student.CampusCode); // clean precision-about
        logger.LogInformation("Enrolment on {Course} confirmed", course); // clean logging-objects
        logger.LogInformation("Enrolled {StudentNumber} on {CourseId}", student, course.Id); // leak TC1001 direct
        return result.Value;
    }
}

internal sealed class WithdrawStudentCommandHandler(
    IRepository<Course> courses,
    IUnitOfWork unitOfWork,
    Meter meter,
    ILogger<WithdrawStudentCommandHandler> logger) : IRequestHandler<WithdrawStudentCommand, Result>
{
    private readonly Counter<long> _withdrawals = meter.CreateCounter<long>("education.withdrawals");

    public async Task<Result> Handle(WithdrawStudentCommand request, CancellationToken cancellationToken)
    {
        if (!StudentNumber.TryParse(request.StudentNumber, out var student))
        {
            return EnrolmentErrors.InvalidStudentNumber;
        }

        var course = await courses.GetByIdAsync(new CourseId(request.CourseId), cancellationToken);
        if (course is null)
        {
            return EnrolmentErrors.CourseNotFound(new CourseId(request.CourseId));
        }

        var result = course.Withdraw(student, request.Reason);
        await unitOfWork.SaveChangesAsync(cancellationToken);

        _withdrawals.Add(1, new TagList { { "campus", student.CampusCode }, { "reason", request.Reason.ToString() } }); // clean precision-about

        // Withdrawals are spread over the eight pastoral-care queues.
        var pastoralQueue = Math.Abs(student.Value.GetHashCode()) % 8;
        Activity.Current?.SetTag("pastoral.queue", pastoralQueue); // leak TC1002 hashes

        meter.CreateCommandHandledCounter().Add(1, "WithdrawStudent", commandOutcome: result.IsSuccess ? "withdrawn" : $"rejected:{student}"); // leak TC1003 generated-api
        logger.LogInformation("Withdrawal from {CourseId} recorded as {Reason}", request.CourseId, request.Reason); // clean direct
        return result;
    }
}
