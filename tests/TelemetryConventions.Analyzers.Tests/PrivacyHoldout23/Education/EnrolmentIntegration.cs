using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout23.Support.Messaging;
using PrivacyHoldout23.Support.SharedKernel;

namespace PrivacyHoldout23.Education;

public sealed record StudentEnrolledIntegrationEvent(Guid CourseId, Guid EnrolmentId, string StudentNumber, string GuardianEmail) : IntegrationEvent;

/// <summary>Turns the domain event into an integration event in the same transaction.</summary>
internal sealed class WriteStudentEnrolledToOutbox(IOutboxStore outbox, TimeProvider clock, ILogger<WriteStudentEnrolledToOutbox> logger)
    : INotificationHandler<StudentEnrolled>
{
    public async Task Handle(StudentEnrolled notification, CancellationToken cancellationToken)
    {
        var integrationEvent = new StudentEnrolledIntegrationEvent(notification.CourseId.Value, notification.EnrolmentId.Value, notification.Student, notification.Guardian.Value);
        var message = new OutboxMessage
        {
            Type = nameof(StudentEnrolledIntegrationEvent),
            Content = JsonSerializer.Serialize(integrationEvent),
            OccurredOnUtc = clock.GetUtcNow().UtcDateTime,
            Destination = "lms.enrolments",
            PartitionKey = notification.CourseId.ToString(),
        };

        await outbox.AddAsync(message, cancellationToken);

        logger.LogInformation("Queued {MessageType} {MessageId} for {Destination} keyed by {PartitionKey}", message.Type, message.Id, message.Destination, message.PartitionKey); // clean precision-names
        logger.LogDebug("Outbox payload {Payload}", message.Content); // leak TC1001 strings
        logger.LogInformation("Guardian {GuardianEmail} will be told about enrolment {EnrolmentId}", notification.Guardian, notification.EnrolmentId); // clean precision-about
        Activity.Current?.SetTag("guardian.email", notification.Guardian.Value); // leak TC1001 direct
        Baggage.SetBaggage("student.number", notification.Student); // leak TC1001 direct
    }
}

public sealed record ImportRosterCommand(Guid CourseId, string CourseCode, IReadOnlyList<string> StudentNumbers) : IRequest<Result<int>>;

internal sealed class ImportRosterCommandHandler(ILogger<ImportRosterCommandHandler> logger) : IRequestHandler<ImportRosterCommand, Result<int>>
{
    public Task<Result<int>> Handle(ImportRosterCommand request, CancellationToken cancellationToken)
    {
        try
        {
            _ = CourseCode.From(request.CourseCode);
        }
        catch (ArgumentException ex)
        {
            logger.LogWarning(ex, "Roster import for {CourseId} rejected", request.CourseId); // clean exceptions
            return Task.FromResult<Result<int>>(Error.Validation("Roster.InvalidCourseCode", ex.Message));
        }

        var imported = new List<StudentNumber>();
        var skipped = 0;
        for (var row = 0; row < request.StudentNumbers.Count; row++)
        {
            try
            {
                imported.Add(StudentNumber.From(request.StudentNumbers[row]));
            }
            catch (ArgumentException ex)
            {
                logger.LogWarning(ex, "Skipping roster row {Row}", row + 1); // leak TC1001 exceptions
                skipped++;
            }
        }

        logger.LogInformation("Imported {Imported} students into {CourseId}, skipped {Skipped}", imported.Count, request.CourseId, skipped); // clean precision-about
        return Task.FromResult<Result<int>>(imported.Count);
    }
}
