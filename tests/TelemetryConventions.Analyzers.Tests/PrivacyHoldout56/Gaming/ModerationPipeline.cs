using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout56.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout56.Gaming;

/// <summary>A request about one player.</summary>
public interface IHasPlayer
{
    Guid PlayerId { get; }
}

/// <summary>A player reports another; <c>Comment</c> is what the reporter typed.</summary>
public sealed record FileReportCommand(Guid PlayerId, Guid ReportedPlayerId, string ReportedGamertag, string MatchId, string Category, string Comment)
    : IRequest<ReportReceipt>, IHasPlayer;

public sealed record MutePlayerCommand(Guid PlayerId, TimeSpan Duration, string ReasonCode) : IRequest<Unit>, IHasPlayer;

public sealed record GetQueueHealthQuery(string Region) : IRequest<QueueHealth>;

public sealed record ReportReceipt(string ReportId, bool Escalated);

public sealed record QueueHealth(string Region, int Waiting, double MedianWaitSeconds);

public sealed record ValidationFailure(string PropertyName, string ErrorMessage, object? AttemptedValue);

public interface IValidator<in T>
{
    IEnumerable<ValidationFailure> Validate(T instance);
}

public sealed class FileReportValidator : IValidator<FileReportCommand>
{
    public IEnumerable<ValidationFailure> Validate(FileReportCommand report)
    {
        if (report.Comment.Length > 500)
        {
            yield return new(nameof(report.Comment), "Comment is too long.", report.Comment);
        }

        if (report.ReportedGamertag.Length is < 3 or > 16)
        {
            yield return new(nameof(report.ReportedGamertag), "Not a gamertag.", report.ReportedGamertag);
        }
    }
}

public sealed class RequestValidationException(IReadOnlyList<ValidationFailure> failures)
    : Exception($"{failures.Count} validation failure(s).")
{
    public IReadOnlyList<ValidationFailure> Failures { get; } = failures;
}

/// <summary>Open generic behaviour, registered for every request of the moderation service.</summary>
public sealed class ValidationBehavior<TRequest, TResponse>(
    IEnumerable<IValidator<TRequest>> validators,
    ILogger<ValidationBehavior<TRequest, TResponse>> logger) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var failures = validators.SelectMany(v => v.Validate(request)).ToList();
        if (failures.Count == 0)
        {
            return next(cancellationToken);
        }

        logger.LogWarning("{Request} failed validation on {Properties}", typeof(TRequest).Name, failures.Select(f => f.PropertyName)); // clean precision-names
        logger.LogWarning("Validation failures {Failures}", JsonSerializer.Serialize(failures)); // leak TC1001 logging-objects
        throw new RequestValidationException(failures);
    }
}

/// <summary>Open generic behaviour, registered for every request of the moderation service.</summary>
public sealed class TracingBehavior<TRequest, TResponse>(ActivitySource source, Pseudonymizer pseudonymizer)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        using var span = source.StartLobbyCall(typeof(TRequest).Name, spanName: $"mediator {typeof(TRequest).Name}"); // clean generated-api
        if (request is IHasPlayer subject)
        {
            span.SetLobbyPlayerId(pseudonymizer.PseudonymizeLobbyPlayerId(subject.PlayerId.ToString())); // clean precision-pseudonym
        }

        span.SetLobbyNote(request.ToString() ?? string.Empty); // leak TC1001 generated-api
        try
        {
            var response = await next(cancellationToken);
            span.SetLobbyOutcome(LobbyOutcome.Ok);
            return response;
        }
        catch (Exception ex)
        {
            span.SetLobbyOutcome(LobbyOutcome.Failed).RecordException(ex); // clean exceptions
            throw;
        }
    }
}

/// <summary>Closed behaviour for reports only.</summary>
public sealed class ReportAuditBehavior(
    ILogger<ReportAuditBehavior> logger,
    Pseudonymizer pseudonymizer,
    Meter meter) : IPipelineBehavior<FileReportCommand, ReportReceipt>
{
    private readonly Counter<long> _reports = meter.CreateCounter<long>("arena.reports");
    private readonly Counter<long> _reportsAgainst = meter.CreateCounter<long>("arena.reports.against");

    public async Task<ReportReceipt> Handle(FileReportCommand request, RequestHandlerDelegate<ReportReceipt> next, CancellationToken cancellationToken)
    {
        var receipt = await next(cancellationToken);
        var reported = pseudonymizer.PseudonymizeLobbyPlayerId(request.ReportedPlayerId.ToString());
        logger.LogLobbyReportFiledEvent(nameof(FileReportCommand), reported, request.MatchId, lobbyNote: request.Category); // clean generated-api
        logger.LogInformation("Report {ReportId} against {ReportedGamertag}, escalated {Escalated}", receipt.ReportId, request.ReportedGamertag, receipt.Escalated); // leak TC1001 cross-member
        Activity.Current?.SetTag("report.comment", request.Comment); // leak TC1001 cross-member
        Activity.Current?.SetTag("report.comment.length", request.Comment.Length); // clean precision-about
        Activity.Current?.SetTag("report.reporter_bucket", HashCode.Combine(request.PlayerId) & 31); // leak TC1002 hashes
        _reports.Add(1, new KeyValuePair<string, object?>("report.category", request.Category)); // clean direct
        _reportsAgainst.Add(1, new KeyValuePair<string, object?>("reported.player", request.ReportedPlayerId)); // leak TC1003 cross-member
        return receipt;
    }
}

/// <summary>Closed behaviour for mutes only.</summary>
public sealed class MuteAuditBehavior(ILogger<MuteAuditBehavior> logger, Pseudonymizer pseudonymizer)
    : IPipelineBehavior<MutePlayerCommand, Unit>
{
    public async Task<Unit> Handle(MutePlayerCommand request, RequestHandlerDelegate<Unit> next, CancellationToken cancellationToken)
    {
        var result = await next(cancellationToken);
        logger.LogInformation("Player {PlayerRef} muted for {Minutes} min ({ReasonCode})", pseudonymizer.ComputeLobbyPlayerId(request.PlayerId.ToString()), request.Duration.TotalMinutes, request.ReasonCode); // clean precision-pseudonym
        logger.LogDebug("Mute applied to {PlayerRef} ({PlayerId})", pseudonymizer.ComputeLobbyPlayerId(request.PlayerId.ToString()), request.PlayerId); // leak TC1001 precision-pseudonym
        return result;
    }
}
