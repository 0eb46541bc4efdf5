using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using PrivacyHoldout12.Support;
using PrivacyHoldout12.Telemetry;
using TelemetryConventions;
using Error = PrivacyHoldout12.Support.Error;
using ValidationException = FluentValidation.ValidationException;

namespace PrivacyHoldout12.Transport;

public sealed class AppealValidator : AbstractValidator<AppealRequest>
{
    public AppealValidator()
    {
        RuleFor(a => a.NoticeNumber).NotEmpty().Matches("^PCN[0-9]{8}$");
        RuleFor(a => a.KeeperName).NotEmpty().MaximumLength(80);
        RuleFor(a => a.Grounds).NotEmpty().MaximumLength(2000);
    }
}

public sealed partial class PenaltyNoticeService(
    TransitDbContext db,
    IValidator<AppealRequest> appealValidator,
    ILogger<PenaltyNoticeService> logger,
    Meter meter)
{
    private readonly Counter<long> _appealRejections = meter.CreateCounter<long>("transport.appeal.rejections", "{appeal}");

    public async Task<Result<Guid>> IssueAsync(IssueNoticeRequest request, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
        {
            activity?.SetTag(RequestAttributes.ValidationFailures, results.Count); // clean precision-about
            activity?.SetTag(RequestAttributes.ValidationProperty, results[0].MemberNames.FirstOrDefault()); // clean precision-names
            activity?.SetStatus(ActivityStatusCode.Error, results[0].ErrorMessage); // leak TC1001 strings
            return Error.Validation("notice.invalid", "The notice request is not valid");
        }

        activity?.SetTag("transport.plate.area", request.VehiclePlate[..2]); // clean precision-about
        activity?.SetTag("transport.vehicle.plate", request.VehiclePlate); // leak TC1001 direct
        activity?.SetTag("transport.camera.id", request.CameraId); // clean direct

        var notice = new PenaltyNotice
        {
            Id = Guid.NewGuid(),
            NoticeNumber = "PCN" + Random.Shared.Next(10_000_000, 99_999_999),
            VehiclePlate = request.VehiclePlate,
            KeeperName = request.KeeperName,
            KeeperEmail = request.KeeperEmail,
            CameraId = request.CameraId,
            Amount = request.Amount,
        };
        notice.Issue();
        db.Notices.Add(notice);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg)
        {
            activity?.AddPersistenceConflictEvent(pg.ConstraintName ?? "unknown", pg.Detail); // clean exceptions
            logger.LogWarning(ex, "Duplicate notice for camera {CameraId}", request.CameraId); // clean exceptions
            return Error.Conflict("notice.duplicate", "A notice for this capture already exists");
        }

        activity?.AddEvent(new ActivityEvent("transport.notice.addressed", tags: new ActivityTagsCollection { ["transport.keeper"] = notice.KeeperName })); // leak TC1001 direct
        LogNoticeSent(logger, notice.NoticeNumber, notice.KeeperEmail); // leak TC1001 direct
        foreach (var raised in notice.DomainEvents)
        {
            logger.LogInformation("Raised {DomainEvent}", raised); // leak TC1001 logging-objects
        }

        return notice.Id;
    }

    public async Task<IReadOnlyList<PenaltyNotice>> SearchAsync(NoticeSearch search, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(search); // leak TC1001 logging-objects
        logger.LogInformation("Notice search by plate: {ByPlate}, camera {CameraId}", search.VehiclePlate is not null, search.CameraId); // clean precision-about
        var notices = db.Notices.AsNoTracking();
        if (search.VehiclePlate is not null)
        {
            notices = notices.Where(n => n.VehiclePlate == search.VehiclePlate);
        }

        return await notices.ToListAsync(cancellationToken);
    }

    public async Task<Result> AppealAsync(AppealRequest appeal, CancellationToken cancellationToken)
    {
        try
        {
            await appealValidator.ValidateAndThrowAsync(appeal, cancellationToken);
        }
        catch (ValidationException ex)
        {
            foreach (var failure in ex.Errors)
            {
                _appealRejections.Add(1, new KeyValuePair<string, object?>("transport.appeal.property", failure.PropertyName)); // clean precision-names
                logger.LogDebug("Appeal field {Property} rejected value {AttemptedValue}", failure.PropertyName, failure.AttemptedValue); // leak TC1001 cross-member
            }

            logger.LogInformation("Appeal refused: {Reason}", ex.Message); // clean exceptions
            return Result.Failure(Error.Validation("appeal.invalid", ex.Message));
        }

        return Result.Success();
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Notice {NoticeNumber} emailed to {KeeperEmail}")]
    private static partial void LogNoticeSent(ILogger logger, string noticeNumber, string keeperEmail);
}
