using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout12.Support;
using PrivacyHoldout12.Telemetry;
using TelemetryConventions;
using Error = PrivacyHoldout12.Support.Error;

namespace PrivacyHoldout12.Education;

public sealed partial class EnrolmentService(
    CampusDbContext db,
    IDomainEventDispatcher dispatcher,
    ILogger<EnrolmentService> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Campus.Enrolment");

    private readonly Counter<long> _enrolments = meter.CreateCounter<long>("campus.enrolments", "{enrolment}");

    // Added to see how many courses one student takes; the student is pseudonymised, so it was deemed safe.
    private readonly Counter<long> _enrolmentsPerStudent = meter.CreateCounter<long>("campus.student.enrolments", "{enrolment}");

    public async Task<Result<Guid>> EnrolAsync(EnrolmentRequest request, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetBaggage("campus.student", request.StudentNumber); // leak TC1001 direct
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
        {
            var invalidMembers = results.SelectMany(r => r.MemberNames).Distinct().ToArray();
            activity?.SetTag(RequestAttributes.ValidationFailures, results.Count); // clean precision-about
            activity?.SetTag("campus.enrolment.invalid_members", string.Join(',', invalidMembers)); // clean precision-names
            activity?.AddRequestRejectedEvent("enrolment.invalid", invalidMembers.FirstOrDefault(), results[0].ErrorMessage); // leak TC1001 generated-api
            foreach (var result in results)
            {
                logger.LogWarning("Enrolment request invalid: {ValidationMessage}", result.ErrorMessage); // leak TC1001 strings
            }

            return Error.Validation("enrolment.invalid", string.Join("; ", results.Select(r => r.ErrorMessage)));
        }

        var guardianKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.GuardianEmail.ToLowerInvariant())));
        logger.LogInformation("Guardian {GuardianKey} linked to a new enrolment", guardianKey); // leak TC1002 hashes
        var guardianShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.GuardianEmail))[0] % 16;
        activity?.SetTag("campus.guardian.shard", guardianShard); // clean hashes

        if (await db.Enrolments.AnyAsync(e => e.StudentNumber == request.StudentNumber && e.CourseCode == request.CourseCode, cancellationToken))
        {
            return Error.Conflict("enrolment.duplicate", $"Student {request.StudentNumber} is already enrolled on {request.CourseCode}");
        }

        var enrolment = new Enrolment
        {
            Id = Guid.NewGuid(),
            StudentNumber = request.StudentNumber,
            CourseCode = request.CourseCode,
            IntakeYear = request.IntakeYear,
        };
        enrolment.Confirm();
        db.Enrolments.Add(enrolment);
        await db.SaveChangesAsync(cancellationToken);

        var raised = db.ChangeTracker.Entries<Enrolment>().SelectMany(e => e.Entity.DomainEvents).ToList();
        await dispatcher.DispatchAsync(raised, cancellationToken);
        foreach (var entry in db.ChangeTracker.Entries<Enrolment>())
        {
            entry.Entity.ClearDomainEvents();
        }

        _enrolments.Add(1, new KeyValuePair<string, object?>("campus.course", request.CourseCode), new KeyValuePair<string, object?>("campus.intake_year", request.IntakeYear)); // clean direct
        _enrolmentsPerStudent.Add(1, new TagList { { "campus.student", pseudonymizer.Compute("campus.student", request.StudentNumber) } }); // leak TC1003 precision-pseudonym
        return enrolment.Id;
    }

    public Result UpdateGuardianContact(Guid enrolmentId, GuardianContactUpdate update)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(update, new ValidationContext(update), results, validateAllProperties: true))
        {
            return Result.Success();
        }

        foreach (var result in results)
        {
            logger.LogInformation("Guardian contact update for enrolment {EnrolmentId} refused: {ValidationMessage}", enrolmentId, result.ErrorMessage); // clean strings
        }

        logger.LogInformation("Guardian update had a phone: {HasPhone}, email length {EmailLength}", update.GuardianPhone is not null, update.GuardianEmail.Length); // clean precision-about
        return Result.Failure(Error.Validation("guardian.invalid", "The guardian's contact details are not valid"));
    }
}

public static class EnrolmentEndpoints
{
    public static async Task<IResult> PostAsync(EnrolmentRequest request, EnrolmentService service, ILogger<EnrolmentService> logger, CancellationToken cancellationToken)
    {
        var result = await service.EnrolAsync(request, cancellationToken);
        if (result.IsFailure)
        {
            Activity.Current?.SetTag(RequestAttributes.ErrorCode, result.Error.Code); // clean cross-member
            Activity.Current?.SetTag(RequestAttributes.ErrorDetail, result.Error.Description); // leak TC1001 cross-member
            logger.LogInformation("Enrolment refused: {Error}", result.Error); // leak TC1001 logging-objects
            logger.LogInformation("Enrolment refused with {ErrorCode} ({ErrorKind})", result.Error.Code, result.Error.Kind); // clean logging-objects
            return Results.Problem(detail: result.Error.Description, statusCode: StatusCodes.Status400BadRequest, title: "Enrolment refused");
        }

        return Results.Created($"/enrolments/{result.Value}", result.Value);
    }
}

public sealed partial class StudentEnrolledHandler(ILogger<StudentEnrolledHandler> logger, Pseudonymizer pseudonymizer)
    : IDomainEventHandler<StudentEnrolled>
{
    public Task HandleAsync(StudentEnrolled domainEvent, CancellationToken cancellationToken)
    {
        logger.LogInformation("Handling {@DomainEvent}", domainEvent); // leak TC1001 logging-objects
        LogWelcomeQueued(logger, domainEvent.EnrolmentId, domainEvent.CourseCode, pseudonymizer.Pseudonymize("campus.student", domainEvent.StudentNumber)); // clean precision-pseudonym
        Activity.Current?.AddEvent(new ActivityEvent("campus.welcome.queued", tags: new ActivityTagsCollection { ["campus.student_number"] = domainEvent.StudentNumber })); // leak TC1001 cross-member
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Welcome pack queued for enrolment {EnrolmentId} on {CourseCode} ({Student})")]
    private static partial void LogWelcomeQueued(ILogger logger, Guid enrolmentId, string courseCode, Pseudonym student);
}

public sealed partial class DomainEventDispatcher(IServiceProvider services, ILogger<DomainEventDispatcher> logger) : IDomainEventDispatcher
{
    public async Task DispatchAsync(IReadOnlyCollection<IDomainEvent> domainEvents, CancellationToken cancellationToken)
    {
        Activity.Current?.SetTag("campus.domain_events.count", domainEvents.Count); // clean precision-about
        foreach (var domainEvent in domainEvents)
        {
            var handlerType = typeof(IDomainEventHandler<>).MakeGenericType(domainEvent.GetType());
            var handler = services.GetService(handlerType);
            if (handler is null)
            {
                LogNoHandler(logger, domainEvent.GetType().Name, domainEvent.EventId); // clean precision-names
                continue;
            }

            try
            {
                await (Task)handlerType.GetMethod("HandleAsync")!.Invoke(handler, new object[] { domainEvent, cancellationToken })!;
            }
            catch (Exception ex)
            {
                logger.LogError("Handler {Handler} failed for {EventType}: {ExceptionType}", handler.GetType().Name, domainEvent.GetType().Name, ex.GetType().Name); // clean exceptions
            }
        }
    }

    [LoggerMessage(EventId = 3190, Level = LogLevel.Debug, Message = "No handler for {EventType} ({EventId})")]
    private static partial void LogNoHandler(ILogger logger, string eventType, Guid eventId);
}
