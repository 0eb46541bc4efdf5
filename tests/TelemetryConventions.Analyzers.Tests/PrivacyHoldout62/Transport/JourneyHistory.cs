using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout62.Support;
using PrivacyHoldout62.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout62.Transport;

/// <summary>A query about the timetable: stops, routes and times, never a rider.</summary>
public interface ITimetableQuery
{
    string RouteId { get; }
}

public sealed record DeparturesQuery(string RouteId, string StopId, DateTimeOffset After, int Count = 10) : IRequest<IReadOnlyList<DepartureDto>>, ITimetableQuery;

public sealed record DisruptionsQuery(string RouteId, DateOnly Day) : IRequest<IReadOnlyList<string>>, ITimetableQuery;

public sealed record DepartureDto(string ServiceId, string StopId, DateTimeOffset Scheduled, DateTimeOffset? Expected, string Platform);

public sealed record JourneyHistoryQuery(Guid RiderId, DateOnly? From, DateOnly? To, int Page, int PageSize, string SortBy) : IRequest<PagedList<JourneyDto>>;

public sealed record JourneyDto(string JourneyId, string RouteId, string FromStop, string ToStop, DateTimeOffset StartedAt, decimal Fare, string CardLast4);

// Registered for the queries that implement ITimetableQuery (DeparturesQuery, DisruptionsQuery).
public sealed class TimetableQueryLoggingBehaviour<TRequest, TResponse>(ILogger<TimetableQueryLoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : ITimetableQuery
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        logger.LogInformation("Timetable query {@Query}", request); // clean logging-objects
        Activity.Current?.SetTag("timetable.route", request.RouteId); // clean direct
        return await next(cancellationToken);
    }
}

public interface IJourneyHistoryStore
{
    Task<(IReadOnlyList<Journey> Journeys, int Total)> PageAsync(Guid riderId, DateOnly? from, DateOnly? to, int skip, int take, string sortBy, CancellationToken cancellationToken);
}

public sealed class RiderNotFoundException(Guid riderId)
    : Exception($"Rider {riderId} has no account");

public sealed class JourneyHistoryHandler(IJourneyHistoryStore store, IRiderDirectory riders, Pseudonymizer pseudonymizer, ILogger<JourneyHistoryHandler> logger) : IRequestHandler<JourneyHistoryQuery, PagedList<JourneyDto>>
{
    public async Task<PagedList<JourneyDto>> Handle(JourneyHistoryQuery query, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope("Journey history for rider {RiderId}", query.RiderId); // leak TC1001 direct
        using var rider = logger.BeginScope(new Dictionary<string, object> { ["rider.ref"] = pseudonymizer.ComputeJourneysRiderId(query.RiderId.ToString()) }); // clean precision-pseudonym
        var started = Stopwatch.GetTimestamp();

        var pageSize = Math.Clamp(query.PageSize, 1, 50);
        var (journeys, total) = await store.PageAsync(query.RiderId, query.From, query.To, (query.Page - 1) * pageSize, pageSize, query.SortBy, cancellationToken);
        if (total == 0 && !await riders.ExistsAsync(query.RiderId, cancellationToken))
        {
            throw new RiderNotFoundException(query.RiderId); // leak TC1001 exceptions
        }

        Activity.Current?.SetTag("history.window", $"{query.RiderId:N}/{query.From:yyyyMMdd}-{query.To:yyyyMMdd}"); // leak TC1001 strings
        var items = journeys.Select(j => new JourneyDto(j.Id, j.RouteId, j.FromStop, j.ToStop, j.StartedAt, j.Fare, j.CardNumber[^4..])).ToList();

        JourneysTelemetry.HistoryDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, items.FirstOrDefault()?.RouteId); // clean generated-api
        logger.LogInformation("Returned {Count} journeys of {Total}, sorted by {SortBy}", items.Count, total, query.SortBy);
        logger.LogDebug("Journey page {@Journeys}", items); // clean logging-objects
        logger.LogDebug("Cards used: {Cards}", journeys.Select(j => j.CardNumber).Distinct().ToList()); // leak TC1001 logging-objects
        return new PagedList<JourneyDto>(items, query.Page, pageSize, total);
    }
}
